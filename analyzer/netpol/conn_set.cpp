#include "analyzer/netpol/conn_set.h"

#include <algorithm>
#include <fmt/format.h>

namespace netlint::netpol {

std::string_view protocol_name(Protocol p) {
  switch (p) {
    case Protocol::kTcp:
      return "TCP";
    case Protocol::kUdp:
      return "UDP";
    case Protocol::kSctp:
      return "SCTP";
  }
  return "TCP";
}

bool parse_protocol(std::string_view text, Protocol& out) {
  for (Protocol p : kProtocols) {
    if (text == protocol_name(p)) {
      out = p;
      return true;
    }
  }
  return false;
}

void PortSet::add(std::uint32_t low, std::uint32_t high) {
  low = std::max(low, kMinPort);
  high = std::min(high, kMaxPort);
  if (low > high) return;
  // Insert, then merge overlapping or adjacent ranges (sets stay small: a few ranges each).
  auto at = std::lower_bound(ranges_.begin(), ranges_.end(), std::pair{low, high});
  ranges_.insert(at, {low, high});
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
  merged.reserve(ranges_.size());
  for (const auto& r : ranges_) {
    if (!merged.empty() && r.first <= merged.back().second + 1)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  ranges_ = std::move(merged);
}

void PortSet::add(const PortSet& other) {
  if (other.empty() || is_all()) return;
  if (empty()) {
    ranges_ = other.ranges_;
    return;
  }
  for (const auto& r : other.ranges_) add(r.first, r.second);
}

PortSet PortSet::intersect(const PortSet& other) const {
  PortSet out;
  std::size_t i = 0, j = 0;
  while (i < ranges_.size() && j < other.ranges_.size()) {
    const std::uint32_t low = std::max(ranges_[i].first, other.ranges_[j].first);
    const std::uint32_t high = std::min(ranges_[i].second, other.ranges_[j].second);
    if (low <= high) out.ranges_.push_back({low, high});
    if (ranges_[i].second < other.ranges_[j].second)
      ++i;
    else
      ++j;
  }
  return out;
}

PortSet PortSet::minus(const PortSet& other) const {
  PortSet out;
  for (auto [low, high] : ranges_) {
    std::uint32_t next = low;
    for (const auto& cut : other.ranges_) {
      if (cut.second < next || cut.first > high) continue;
      if (cut.first > next) out.ranges_.push_back({next, cut.first - 1});
      next = cut.second + 1;
      if (next > high) break;
    }
    if (next <= high) out.ranges_.push_back({next, high});
  }
  return out;
}

bool PortSet::contains(std::uint32_t port) const {
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), std::pair{port, kMaxPort + 1});
  if (it == ranges_.begin()) return false;
  --it;
  return it->first <= port && port <= it->second;
}

std::string PortSet::str() const {
  std::string out;
  for (const auto& [low, high] : ranges_) {
    if (!out.empty()) out += ',';
    out += low == high ? fmt::format("{}", low) : fmt::format("{}-{}", low, high);
  }
  return out;
}

ConnSet ConnSet::all() {
  ConnSet s;
  for (PortSet& p : s.ports_) p = PortSet::all();
  return s;
}

void ConnSet::add(const ConnSet& other) {
  for (std::size_t i = 0; i < ports_.size(); ++i) ports_[i].add(other.ports_[i]);
}

ConnSet ConnSet::intersect(const ConnSet& other) const {
  ConnSet out;
  for (std::size_t i = 0; i < ports_.size(); ++i) out.ports_[i] = ports_[i].intersect(other.ports_[i]);
  return out;
}

ConnSet ConnSet::minus(const ConnSet& other) const {
  ConnSet out;
  for (std::size_t i = 0; i < ports_.size(); ++i) out.ports_[i] = ports_[i].minus(other.ports_[i]);
  return out;
}

bool ConnSet::empty() const {
  return std::all_of(ports_.begin(), ports_.end(), [](const PortSet& p) { return p.empty(); });
}

bool ConnSet::is_all() const {
  return std::all_of(ports_.begin(), ports_.end(), [](const PortSet& p) { return p.is_all(); });
}

std::string ConnSet::str() const {
  if (is_all()) return "All Connections";
  if (empty()) return "No Connections";
  std::vector<std::string> items;
  for (Protocol p : kProtocols) {
    if (!ports(p).empty()) items.push_back(fmt::format("{} {}", protocol_name(p), ports(p).str()));
  }
  std::sort(items.begin(), items.end());
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

}  // namespace netlint::netpol
