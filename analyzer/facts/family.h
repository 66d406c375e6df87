// IP families for dual-stack facts (RULES.md Facts, "Dual-stack"): a dual-stack cluster has one
// cluster pod CIDR, one Service CIDR, one per-node block and one kube-dns ClusterIP per family,
// and values of different families never conflict. PerFamily holds one fact per family, each
// with its own state.
#pragma once

#include <array>
#include <string_view>

#include "analyzer/facts/fact.h"

namespace netlint::facts {

enum class Family { kIPv4, kIPv6 };
inline constexpr std::array<Family, 2> kFamilies = {Family::kIPv4, Family::kIPv6};

// "ipv4" / "ipv6": the keys of .netlint.yaml `nodeBlockSize` and of `netlint facts` rows.
constexpr std::string_view family_key(Family f) {
  return f == Family::kIPv4 ? "ipv4" : "ipv6";
}
constexpr std::string_view family_display(Family f) {
  return f == Family::kIPv4 ? "IPv4" : "IPv6";
}
constexpr Family family_of_v6(bool v6) {
  return v6 ? Family::kIPv6 : Family::kIPv4;
}
// The family of an address or CIDR as written: only IPv6 has colons (also `::ffff:1.2.3.4`).
constexpr Family family_of(std::string_view address) {
  return address.find(':') == std::string_view::npos ? Family::kIPv4 : Family::kIPv6;
}

template <class T>
struct PerFamily {
  Fact<T> ipv4;
  Fact<T> ipv6;

  Fact<T>& operator[](Family f) noexcept { return f == Family::kIPv4 ? ipv4 : ipv6; }
  const Fact<T>& operator[](Family f) const noexcept { return f == Family::kIPv4 ? ipv4 : ipv6; }
};

}  // namespace netlint::facts
