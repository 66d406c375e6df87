// Exact CIDR arithmetic for IPv4 and IPv6 (pod, Service and node ranges; the NL51xx rules).
// Parsing follows Go's net.ParseCIDR, which Kubernetes components and CNIs use: a prefix is
// required, IPv4 octets are decimal without leading zeros, IPv6 allows `::` and a trailing
// dotted IPv4 part, no zone. Host bits may be set (`10.244.1.0/16`); they are masked off and
// `canonical` records whether there were none.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netlint {

struct Cidr {
  bool v6 = false;
  std::array<std::uint8_t, 16> address{};  // network address, masked; IPv4 in the first 4 bytes
  int prefix = 0;
  bool canonical = true;  // no host bits were set in the written address

  int bits() const noexcept { return v6 ? 128 : 32; }
  // The number of addresses, 2^(bits - prefix), saturated at UINT64_MAX for large IPv6 ranges.
  std::uint64_t size() const noexcept;
  // "10.244.0.0/16", "fd00::/104" (masked, IPv6 in RFC 5952 form).
  std::string str() const;
  bool operator==(const Cidr& other) const noexcept = default;
};

// An address alone, as Go's net.ParseIP reads it: the grammar of parse_cidr before the '/'.
// The one IP parser of the tree (config validation, host classification, hosts files use it).
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4 bytes
};
std::optional<IpAddress> parse_ip(std::string_view text);

std::optional<Cidr> parse_cidr(std::string_view text);
// "10.244.0.0/16,fd00::/104" (commas, blanks trimmed) -> each range; nullopt when any item fails.
std::optional<std::vector<Cidr>> parse_cidr_list(std::string_view text);

// True when every address of `inner` is in `outer` (same family only).
bool contains(const Cidr& outer, const Cidr& inner) noexcept;
// True when the two ranges share an address (same family only); for CIDRs that means one
// contains the other.
bool overlaps(const Cidr& a, const Cidr& b) noexcept;

}  // namespace netlint
