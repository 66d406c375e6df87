// One direction (ingress or egress) of the NetworkPolicy evaluator (policy_engine.h): the rules
// compiled for it, the classes its policies cannot tell apart, and the one step that answers what
// passes from a peer to a selected pod. The evaluator holds two of these; nothing here depends on
// which direction it is except where named ports resolve (on the destination: the selected pod
// for ingress, the peer for egress).
//
// Memory stays linear in the input: a row (the selected side's class) keeps what each peer group
// its policies name admits, and a column (the peer side's class) the groups that match it. A flow
// is their intersection, found when asked, never a row x column table: a Helm chart's
// `podSelector: {}` peer reaches every column, so such a table grew with the square of the
// workloads (8.95 M entries at 5,000 files).
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyzer/index/label_selector.h"
#include "analyzer/netpol/conn_set.h"

namespace netlint::netpol {

using Selection = std::vector<std::pair<std::uint32_t, index::Tri>>;  // (policy or peer group id, how sure)

struct CompiledPort {
  Protocol protocol = Protocol::kTcp;
  std::string name;  // a named port, resolved on the destination
};

struct CompiledRule {
  std::uint32_t policy = 0;
  bool all_peers = false;
  ConnSet numeric;                   // the numeric ports (all, when the rule has no ports)
  std::vector<CompiledPort> named;   // named ports
  std::vector<std::uint32_t> peers;  // peer ids of its direction
};

// What a destination's named ports resolve to: (name, protocol) -> port numbers.
struct PortSignature {
  std::vector<std::tuple<std::string, Protocol, std::uint32_t>> ports;  // sorted
};

// The rule's ports on a destination with the given signature (id 0: no named ports).
ConnSet resolve(const CompiledRule& rule, const std::vector<PortSignature>& signatures, std::uint32_t signature);

// What some rules admit, named ports left unresolved until the destination is known.
// `numeric.allowed` holds the rules of policies that surely select the pod.
struct RulePorts {
  Flow numeric;
  std::vector<std::pair<const CompiledPort*, bool>> named;  // (port, its policy surely selects)
  const CompiledRule* last = nullptr;                       // the rule added last (added once)
  void add(const CompiledRule& rule, bool surely);
  // Adds what passes on a destination of `signature`, when the peer matches (surely or maybe).
  void add_to(Flow& sum, const std::vector<PortSignature>& signatures, std::uint32_t signature,
              bool matched_surely) const;
};

// A row: one class of selected pods (ingress: destinations; egress: sources).
struct RowClass {
  Selection selection;                                        // policies that select it for this direction
  bool foreign = false;                                       // CNI-specific or admin policies may select it
  bool unisolated = false;                                    // hostNetwork (open world), external, ingress controller
  std::uint32_t port_signature = 0;                           // ingress rows: the destination's named ports
  bool any_yes = false;                                       // some policy surely selects it
  RulePorts base;                                             // the rules without peers
  std::vector<std::pair<std::uint32_t, RulePorts>> by_group;  // peer group -> its rules, sorted
};

// A column: one class of peers (ingress: sources; egress: destinations), by the groups matching it.
struct ColumnClass {
  Selection peers;                   // sorted by group
  std::uint32_t port_signature = 0;  // egress columns: the destination's named ports
};

// What one endpoint is to a direction, before classing.
struct EndpointTraits {
  bool foreign = false;
  bool unisolated = false;
  std::uint32_t port_signature = 0;  // its named ports (0 for externals and the ingress controller)
};

struct DirectionTables {
  explicit DirectionTables(bool is_ingress) : ingress(is_ingress) {}

  bool ingress;
  std::vector<CompiledRule> rules;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> rules_of;  // policy -> [first, end) in rules
  std::vector<std::uint32_t> peer_group;                          // per peer id
  std::uint32_t groups = 0;
  // Selector peers with equal keys share a group (policy_engine.cpp, peer_key); compile time only.
  std::unordered_map<std::string, std::uint32_t> selector_groups;
  std::vector<Selection> selected;  // per workload: the policies selecting it
  std::vector<Selection> matched;   // per endpoint: the groups matching it; moved into columns

  std::vector<RowClass> rows;
  std::vector<ColumnClass> cols;
  std::vector<std::uint32_t> row_of, col_of;  // per endpoint

  // Numbers the classes (endpoint traits: workloads first; selected covers the workloads only)
  // and fills the rows from the rules (rules_of set first).
  void build(const std::vector<EndpointTraits>& endpoints);

  // What passes from the peer endpoint to the selected endpoint as this direction sees it.
  Flow flow(std::uint32_t selected_endpoint, std::uint32_t peer_endpoint,
            const std::vector<PortSignature>& signatures) const;

  // The peer groups that match an endpoint.
  const Selection& groups_matching(std::uint32_t endpoint) const { return cols[col_of[endpoint]].peers; }

  std::size_t table_entries() const;

 private:
  void fill(RowClass& row);
};

}  // namespace netlint::netpol
