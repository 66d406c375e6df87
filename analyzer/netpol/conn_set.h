// Sets of connections (protocol x port) as NetworkPolicy rules describe them: per protocol
// (TCP, UDP, SCTP) a sorted list of disjoint, non-adjacent port ranges within 1-65535.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace netlint::netpol {

enum class Protocol : std::uint8_t { kTcp, kUdp, kSctp };
constexpr std::array<Protocol, 3> kProtocols = {Protocol::kTcp, Protocol::kUdp, Protocol::kSctp};
std::string_view protocol_name(Protocol p);
// "TCP", "UDP", "SCTP"; false for anything else (the API rejects it).
bool parse_protocol(std::string_view text, Protocol& out);

constexpr std::uint32_t kMinPort = 1;
constexpr std::uint32_t kMaxPort = 65535;

class PortSet {
 public:
  static PortSet all() {
    PortSet s;
    s.ranges_.push_back({kMinPort, kMaxPort});
    return s;
  }
  void add(std::uint32_t low, std::uint32_t high);  // clamped to 1-65535; ignored when low > high
  void add(const PortSet& other);
  PortSet intersect(const PortSet& other) const;
  PortSet minus(const PortSet& other) const;
  bool contains(std::uint32_t port) const;
  bool empty() const { return ranges_.empty(); }
  bool is_all() const { return ranges_.size() == 1 && ranges_[0].first == kMinPort && ranges_[0].second == kMaxPort; }
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ranges() const { return ranges_; }
  // "53", "80,443", "1-9089,9091-65535"
  std::string str() const;
  bool operator==(const PortSet&) const = default;

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges_;
};

class ConnSet {
 public:
  static ConnSet all();
  static ConnSet none() { return {}; }
  void add(Protocol p, std::uint32_t low, std::uint32_t high) { ports_[index(p)].add(low, high); }
  void add(Protocol p, const PortSet& ports) { ports_[index(p)].add(ports); }
  void add(const ConnSet& other);
  ConnSet intersect(const ConnSet& other) const;
  ConnSet minus(const ConnSet& other) const;
  const PortSet& ports(Protocol p) const { return ports_[index(p)]; }
  bool contains(Protocol p, std::uint32_t port) const { return ports_[index(p)].contains(port); }
  bool empty() const;
  bool is_all() const;
  // netpol-analyzer's connlist text: "All Connections", or the protocols' items sorted as
  // strings and comma-joined ("SCTP 1-65535,TCP 80,UDP 53"); "No Connections" when empty.
  std::string str() const;
  bool operator==(const ConnSet&) const = default;

 private:
  static std::size_t index(Protocol p) { return static_cast<std::size_t>(p); }
  std::array<PortSet, 3> ports_;
};

// What the policies say about one flow: `allowed` surely passes, `possible` may pass (a
// superset); what is in `possible` but not in `allowed` depends on what the view does not show.
struct Flow {
  ConnSet allowed;
  ConnSet possible;
  ConnSet unknown() const { return possible.minus(allowed); }
  static Flow all() { return {ConnSet::all(), ConnSet::all()}; }
  static Flow undecided() { return {ConnSet::none(), ConnSet::all()}; }
  Flow intersect(const Flow& o) const { return {allowed.intersect(o.allowed), possible.intersect(o.possible)}; }
};

}  // namespace netlint::netpol
