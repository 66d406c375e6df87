#include "analyzer/netpol/direction_tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace netlint::netpol {
namespace {

using index::Tri;

// A class key only has to be equal for equal selections: fixed-width raw bytes per entry, not
// formatted numbers (formatting was a quarter of the evaluator at 20,000 policies, where an
// endpoint's selection lists thousands of peers).
void append_selection(std::string& key, const Selection& s) {
  const std::size_t start = key.size();
  key.resize(start + s.size() * (sizeof(std::uint32_t) + 1));
  char* out = key.data() + start;
  for (const auto& entry : s) {
    std::memcpy(out, &entry.first, sizeof entry.first);
    out[sizeof entry.first] = entry.second == Tri::kYes ? 'y' : 'm';
    out += sizeof entry.first + 1;
  }
}

template <class T>
std::uint32_t class_of(std::unordered_map<std::string, std::uint32_t>& ids, std::vector<T>& classes, std::string key,
                       T value) {
  auto [it, inserted] = ids.emplace(std::move(key), static_cast<std::uint32_t>(classes.size()));
  if (inserted) classes.push_back(std::move(value));
  return it->second;
}

void add_flow(Flow& sum, const Flow& part, bool surely) {
  if (surely) sum.allowed.add(part.allowed);
  sum.possible.add(part.possible);
}

}  // namespace

ConnSet resolve(const CompiledRule& rule, const std::vector<PortSignature>& signatures, std::uint32_t signature) {
  if (rule.named.empty() || signature == 0) return rule.numeric;
  ConnSet out = rule.numeric;
  for (const CompiledPort& named : rule.named) {
    for (const auto& [name, proto, number] : signatures[signature].ports) {
      if (name == named.name && proto == named.protocol) out.add(proto, number, number);
    }
  }
  return out;
}

void RulePorts::add(const CompiledRule& rule, bool surely) {
  // A rule with two peers of one group adds its ports once (a row meets each rule once, with
  // one `surely`).
  if (last == &rule) return;
  last = &rule;
  if (surely) numeric.allowed.add(rule.numeric);
  numeric.possible.add(rule.numeric);
  for (const CompiledPort& port : rule.named) named.emplace_back(&port, surely);
}

void RulePorts::add_to(Flow& sum, const std::vector<PortSignature>& signatures, std::uint32_t signature,
                       bool matched_surely) const {
  add_flow(sum, numeric, matched_surely);
  if (signature == 0) return;
  for (const auto& [port, surely] : named) {
    for (const auto& [name, proto, number] : signatures[signature].ports) {
      if (proto != port->protocol || name != port->name) continue;
      if (surely && matched_surely) sum.allowed.add(proto, number, number);
      sum.possible.add(proto, number, number);
    }
  }
}

void DirectionTables::build(const std::vector<EndpointTraits>& endpoints) {
  const auto count = static_cast<std::uint32_t>(endpoints.size());
  row_of.assign(count, UINT32_MAX);
  col_of.assign(count, UINT32_MAX);
  std::unordered_map<std::string, std::uint32_t> row_ids, col_ids;
  for (std::uint32_t e = 0; e < count; ++e) {
    const EndpointTraits& traits = endpoints[e];
    RowClass r;
    r.foreign = traits.foreign;
    r.unisolated = traits.unisolated;
    // Foreign and unisolated rows answer without their policies (DirectionTables::flow).
    if (!r.foreign && !r.unisolated) {
      if (e < selected.size()) r.selection = selected[e];
      if (ingress) r.port_signature = traits.port_signature;
    }
    std::string key = fmt::format("{}{}{}:", r.foreign ? 'f' : '-', r.unisolated ? 'u' : '-', r.port_signature);
    append_selection(key, r.selection);
    row_of[e] = class_of(row_ids, rows, std::move(key), std::move(r));
  }
  for (std::uint32_t e = 0; e < count; ++e) {
    ColumnClass c{std::move(matched[e]), ingress ? 0 : endpoints[e].port_signature};
    std::string key = fmt::format("{}:", c.port_signature);
    append_selection(key, c.peers);
    col_of[e] = class_of(col_ids, cols, std::move(key), std::move(c));
  }
  matched.clear();
  matched.shrink_to_fit();
  for (RowClass& row : rows) fill(row);
}

void DirectionTables::fill(RowClass& row) {
  for (const auto& entry : row.selection) row.any_yes = row.any_yes || entry.second == Tri::kYes;
  std::unordered_map<std::uint32_t, std::size_t> slot_of;  // group -> index in by_group
  for (const auto& [policy, selected_how] : row.selection) {
    const bool surely = selected_how == Tri::kYes;
    for (std::uint32_t r = rules_of[policy].first; r < rules_of[policy].second; ++r) {
      const CompiledRule& rule = rules[r];
      if (rule.all_peers) {
        row.base.add(rule, surely);
        continue;
      }
      for (std::uint32_t peer : rule.peers) {
        const std::uint32_t group = peer_group[peer];
        auto [it, inserted] = slot_of.try_emplace(group, row.by_group.size());
        if (inserted) row.by_group.emplace_back(group, RulePorts{});
        row.by_group[it->second].second.add(rule, surely);
      }
    }
  }
  std::sort(row.by_group.begin(), row.by_group.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& entry : row.by_group) entry.second.last = nullptr;
  row.base.last = nullptr;
}

Flow DirectionTables::flow(std::uint32_t selected_endpoint, std::uint32_t peer_endpoint,
                           const std::vector<PortSignature>& signatures) const {
  const RowClass& row = rows[row_of[selected_endpoint]];
  if (row.foreign) return Flow::undecided();
  if (row.unisolated || row.selection.empty()) return Flow::all();
  // Isolated maybe, not surely: anything may pass.
  if (!row.any_yes) return {ConnSet::none(), ConnSet::all()};
  const ColumnClass& column = cols[col_of[peer_endpoint]];
  // Named ports resolve on the destination: the selected pod for ingress, the peer for egress.
  const std::uint32_t signature = ingress ? row.port_signature : column.port_signature;
  Flow sum;
  row.base.add_to(sum, signatures, signature, true);
  // The groups both name: walk the shorter list, binary-search the longer one.
  const auto by_group_less = [](const auto& entry, std::uint32_t group) { return entry.first < group; };
  if (row.by_group.size() <= column.peers.size()) {
    for (const auto& [group, ports] : row.by_group) {
      auto it = std::lower_bound(column.peers.begin(), column.peers.end(), group, by_group_less);
      for (; it != column.peers.end() && it->first == group; ++it)
        ports.add_to(sum, signatures, signature, it->second == Tri::kYes);
    }
  } else {
    for (const auto& [group, matched_how] : column.peers) {
      const auto it = std::lower_bound(row.by_group.begin(), row.by_group.end(), group, by_group_less);
      if (it != row.by_group.end() && it->first == group)
        it->second.add_to(sum, signatures, signature, matched_how == Tri::kYes);
    }
  }
  return sum;
}

std::size_t DirectionTables::table_entries() const {
  std::size_t entries = 0;
  for (const RowClass& row : rows) entries += row.by_group.size() + 1;
  return entries;
}

}  // namespace netlint::netpol
