#include "analyzer/netpol/policy_engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analyzer/index/label_index.h"
#include "analyzer/netpol/direction_tables.h"
#include "analyzer/netpol/ipv4_ranges.h"
#include "analyzer/netpol/namespace_labels.h"
#include "analyzer/source/path_parts.h"
#include "analyzer/util/cidr.h"
#include "analyzer/util/key_writer.h"
#include "analyzer/model/namespace_name.h"

namespace netlint::netpol {
namespace {

using index::Tri;

Tri tri_min(Tri a, Tri b) {
  return static_cast<Tri>(std::min(static_cast<int>(a), static_cast<int>(b)));
}

// The namespace netpol-analyzer puts its ingress-controller pod in.
constexpr std::string_view kIngressControllerNamespace = "ingress-controller-ns";

// Kinds that select pods and may allow or deny what NetworkPolicies say (RULES.md: flows they
// may touch are unknown). Namespaced ones touch their namespace, the others every pod.
struct ForeignKind {
  std::string_view group;
  std::string_view kind;
  bool cluster_wide;
};
constexpr ForeignKind kForeignKinds[] = {
    {"cilium.io", "CiliumNetworkPolicy", false},
    {"cilium.io", "CiliumClusterwideNetworkPolicy", true},
    {"projectcalico.org", "NetworkPolicy", false},
    {"projectcalico.org", "GlobalNetworkPolicy", true},
    {"projectcalico.org", "StagedNetworkPolicy", false},
    {"projectcalico.org", "StagedGlobalNetworkPolicy", true},
    {"crd.projectcalico.org", "NetworkPolicy", false},
    {"crd.projectcalico.org", "GlobalNetworkPolicy", true},
    {"policy.networking.k8s.io", "AdminNetworkPolicy", true},
    {"policy.networking.k8s.io", "BaselineAdminNetworkPolicy", true},
    {"policy.networking.k8s.io", "ClusterNetworkPolicy", true},
    {"crd.antrea.io", "NetworkPolicy", false},
    {"crd.antrea.io", "ClusterNetworkPolicy", true},
};

// What a selector peer's match depends on, as a key: its parsed selectors (length-prefixed, so no
// two differ only in where a field ends) and, without namespaceSelector, the policy's namespace.
void append_selector(std::string& key, const index::LabelSelector& selector) {
  key += fmt::format("{}[", selector.requirements.size());
  for (const index::Requirement& r : selector.requirements) {
    key += fmt::format("{}:{}{}{}", r.key.size(), r.key, static_cast<int>(r.op), r.values.size());
    for (const std::string& v : r.values) key += fmt::format(":{}:{}", v.size(), v);
  }
  key += ']';
}

std::string peer_key(const model::NetworkPolicy& policy, const model::PolicyPeer& peer) {
  std::string key;
  if (peer.namespace_selector) {
    key += 'N';
    append_selector(key, index::selector_from_spec(*peer.namespace_selector));
  } else {
    key += fmt::format("n{}:{}", policy.meta.namespace_name.value.size(), policy.meta.namespace_name.value);
  }
  if (peer.pod_selector) {
    key += 'P';
    append_selector(key, index::selector_from_spec(*peer.pod_selector));
  } else {
    key += 'p';
  }
  return key;
}

std::string owner_kind(const model::PodSource& pod) {
  return pod.owner_kind.value.empty() ? "Pod" : pod.owner_kind.value;
}

}  // namespace

std::string Workload::display() const {
  return variant.empty() ? fmt::format("{}/{}[{}]", model::namespace_display(namespace_name), name, kind)
                         : fmt::format("{}/{}[{}] ({})", model::namespace_display(namespace_name), name, kind, variant);
}

std::string Ipv4Interval::display() const {
  return fmt::format("{}-{}[External]", ipv4_str(low), ipv4_str(high));
}

struct PolicyEngine::Impl {
  // Read while building only, then null: a kept engine outlives the view it was built for
  // (inputs_key), so nothing after the constructor may reach them.
  const model::Model* model;
  const facts::ClusterFacts* facts;
  EngineOptions options;
  std::string error;

  std::vector<Workload> workloads;
  std::vector<std::uint32_t> workload_of_pod;  // per pod source; UINT32_MAX: none
  std::vector<Ipv4Interval> ext_src, ext_dst;
  // Parsed once, not per ipBlock peer: each workload's pod IP (as a host route; nullopt when
  // none or unparsable), and the pod CIDRs of the facts (nullopt when one does not parse).
  std::vector<std::optional<Cidr>> workload_ip;
  std::optional<std::vector<Cidr>> pod_pools;
  void parse_addresses();

  // Label views of the endpoints the selectors can match: the workloads, then the ingress
  // controller; and of the namespaces (all in one bucket "").
  std::vector<model::PodSource> peer_pods;
  std::optional<index::LabelIndex> peer_index;
  std::vector<std::string> namespace_names;
  std::vector<model::PodSource> namespace_pods;
  std::optional<index::LabelIndex> namespace_index;

  // The two directions: ingress rows are destinations and columns sources, egress the reverse.
  DirectionTables in{true}, eg{false};
  std::vector<PortSignature> port_signatures;  // id 0: none
  std::vector<std::uint32_t> workload_ports;   // per workload: its signature id

  std::set<std::string> foreign_namespaces;
  bool foreign_everywhere = false;

  // Endpoint ids: workloads [0, W), the ingress controller W, external sources, external
  // destinations.
  std::uint32_t ic() const { return static_cast<std::uint32_t>(workloads.size()); }
  std::uint32_t ext_src_id(std::uint32_t i) const { return ic() + 1 + i; }
  std::uint32_t ext_dst_id(std::uint32_t i) const { return ic() + 1 + static_cast<std::uint32_t>(ext_src.size()) + i; }
  std::uint32_t endpoint_count() const { return ext_dst_id(static_cast<std::uint32_t>(ext_dst.size())); }

  // Per workload: its (egress row, ingress column) and (egress column, ingress row) pairs,
  // numbered (PairFlows).
  std::vector<std::uint32_t> src_class, dst_class;
  std::uint32_t src_classes = 0, dst_classes = 0;
  void build_pair_classes();

  Impl(const model::Model& m, const facts::ClusterFacts& f, EngineOptions o) : model(&m), facts(&f), options(o) {}

  void build_workloads();
  void build_namespaces();
  void find_foreign_policies();
  void check_label_gaps();
  void build_externals();
  void compile_policies();
  void narrow_to_apply_unit(const model::NetworkPolicy& policy, index::SelectorMatches& selected) const;
  std::unordered_set<std::string> units_with_apply_time_pods;  // SourceFile::apply_unit values
  Selection match_selector_peer(const model::NetworkPolicy& policy, const model::PolicyPeer& peer) const;
  Tri ip_block_on_pods(const Cidr& cidr, const std::vector<Cidr>& except, const Workload* w) const;
  void build_classes();
  // The rules of one policy and direction are contiguous: policy -> [first, end).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> rule_ranges(const std::vector<CompiledRule>& rules) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out(model->network_policies.size(), {0, 0});
    for (std::uint32_t r = 0; r < rules.size(); ++r) {
      auto& range = out[rules[r].policy];
      if (range.first == range.second)
        range = {r, r + 1};
      else
        range.second = r + 1;
    }
    return out;
  }
  DirectionWhy explain_side(const DirectionTables& side, std::uint32_t src, std::uint32_t dst, Protocol protocol,
                            std::uint32_t port) const;
  Flow ingress(std::uint32_t dst, std::uint32_t src) const;
  Flow egress(std::uint32_t src, std::uint32_t dst) const;
};

void PolicyEngine::Impl::build_workloads() {
  workload_of_pod.assign(model->pod_sources.size(), UINT32_MAX);
  std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> by_owner;
  for (std::uint32_t i = 0; i < model->pod_sources.size(); ++i) {
    const model::PodSource& pod = model->pod_sources[i];
    if (pod.synthetic && options.closed_world) continue;
    // An owner reference without kind names a Pod owner (as netpol-analyzer reads it).
    const bool owned = !pod.owner_name.value.empty();
    const std::string& ns = pod.meta.namespace_name.value;
    if (owned) {
      auto [it, inserted] = by_owner.emplace(std::tuple{ns, owner_kind(pod), pod.owner_name.value},
                                             static_cast<std::uint32_t>(workloads.size()));
      if (!inserted) {
        workloads[it->second].pods.push_back(i);
        workload_of_pod[i] = it->second;
        continue;
      }
    }
    Workload w;
    w.namespace_name = ns;
    w.name = owned ? pod.owner_name.value : pod.meta.name.value;
    w.kind = owned ? owner_kind(pod) : pod.meta.kind.value;
    w.pods.push_back(i);
    w.host_network = pod.host_network.value && !options.closed_world;
    w.synthetic = pod.synthetic;
    workload_of_pod[i] = static_cast<std::uint32_t>(workloads.size());
    workloads.push_back(std::move(w));
  }
  // Variants of one identity (RULES.md: definitions that differ across files) stay separate
  // workloads, qualified by their folder.
  std::map<std::string, std::vector<std::uint32_t>> by_display;
  for (std::uint32_t w = 0; w < workloads.size(); ++w) by_display[workloads[w].display()].push_back(w);
  for (const auto& [display, same] : by_display) {
    if (same.size() < 2) continue;
    for (std::uint32_t w : same) {
      const model::PodSource& pod = model->pod_sources[workloads[w].pods.front()];
      const std::string_view dir =
          pod.meta.file < model->files.size() ? path_dirname(model->file(pod.meta.file).path) : "";
      workloads[w].variant = dir.empty() ? "." : std::string(dir);
    }
  }
  // The label view of each workload is its representative pod's.
  for (const Workload& w : workloads) {
    const model::PodSource& rep = model->pod_sources[w.pods.front()];
    model::PodSource p;
    p.meta.namespace_name = rep.meta.namespace_name;
    p.labels = rep.labels;
    if (!options.closed_world) {
      p.unknown_label_keys = rep.unknown_label_keys;
      p.open_labels = rep.open_labels;
    }
    peer_pods.push_back(std::move(p));
  }
  model::PodSource controller;
  controller.meta.namespace_name.value = std::string(kIngressControllerNamespace);
  peer_pods.push_back(std::move(controller));
  peer_index.emplace(peer_pods);

  // Named ports: one signature per distinct set of (name, protocol, number).
  port_signatures.push_back({});
  std::map<std::vector<std::tuple<std::string, Protocol, std::uint32_t>>, std::uint32_t> ids;
  for (const Workload& w : workloads) {
    PortSignature s;
    for (const model::Container& c : model->pod_sources[w.pods.front()].containers) {
      if (c.init && !c.restartable) continue;
      for (const model::ContainerPort& port : c.ports) {
        Protocol proto = Protocol::kTcp;
        if (port.name.value.empty() || !parse_protocol(port.protocol.value, proto)) continue;
        if (port.number.value < 1 || port.number.value > kMaxPort) continue;
        s.ports.emplace_back(port.name.value, proto, static_cast<std::uint32_t>(port.number.value));
      }
    }
    std::sort(s.ports.begin(), s.ports.end());
    if (s.ports.empty()) {
      workload_ports.push_back(0);
      continue;
    }
    auto [it, inserted] = ids.emplace(s.ports, static_cast<std::uint32_t>(port_signatures.size()));
    if (inserted) port_signatures.push_back(std::move(s));
    workload_ports.push_back(it->second);
  }
}

void PolicyEngine::Impl::build_namespaces() {
  std::map<std::string, const model::Namespace*> names;
  for (const model::Namespace& ns : model->namespaces) names[ns.meta.name.value] = &ns;
  for (const Workload& w : workloads) names.emplace(w.namespace_name, nullptr);
  for (const model::NetworkPolicy& p : model->network_policies) names.emplace(p.meta.namespace_name.value, nullptr);
  names.emplace(std::string(kIngressControllerNamespace), nullptr);
  for (const auto& [name, object] : names) {
    if (name.empty()) continue;
    namespace_names.push_back(name);
    namespace_pods.push_back(namespace_as_selectable(name, object, !options.closed_world));
  }
  namespace_index.emplace(namespace_pods);
}

void PolicyEngine::Impl::find_foreign_policies() {
  if (options.closed_world) return;
  for (const model::ObjectMeta& o : model->objects) {
    const std::string group = o.group();
    for (const ForeignKind& k : kForeignKinds) {
      if (o.kind.value != k.kind || group != k.group) continue;
      if (k.cluster_wide || o.namespace_name.value.empty())
        foreign_everywhere = true;
      else
        foreign_namespaces.insert(o.namespace_name.value);
    }
  }
}

void PolicyEngine::Impl::check_label_gaps() {
  std::vector<index::LabelSelector> selectors;
  for (const model::NetworkPolicy& p : model->network_policies) {
    selectors.push_back(index::selector_from_spec(p.pod_selector));
    for (const auto* rules : {&p.ingress, &p.egress}) {
      for (const model::PolicyRule& r : *rules) {
        for (const model::PolicyPeer& peer : r.peers) {
          if (peer.pod_selector) selectors.push_back(index::selector_from_spec(*peer.pod_selector));
        }
      }
    }
  }
  std::uint64_t comparisons = 0;
  for (const Workload& w : workloads) {
    if (w.pods.size() < 2) continue;
    for (const index::LabelSelector& s : selectors) {
      const Tri first = index::evaluate(s, model->pod_sources[w.pods.front()], comparisons);
      for (std::uint32_t pod : w.pods) {
        if (index::evaluate(s, model->pod_sources[pod], comparisons) != first) {
          error = fmt::format(
              "Found Pods of the same owner workload `{}/{}` and with differences in their labels, while a "
              "network policy contains selectors impacted by this gap.",
              w.namespace_name, w.name);
          return;
        }
      }
    }
  }
}

void PolicyEngine::Impl::build_externals() {
  // Cut points of each direction: every cidr and except, plus the whole space.
  std::vector<std::uint64_t> in_cuts = {0}, eg_cuts = {0};
  for (const model::NetworkPolicy& p : model->network_policies) {
    auto collect = [](const std::vector<model::PolicyRule>& rules, std::vector<std::uint64_t>& cuts) {
      for (const model::PolicyRule& r : rules) {
        for (const model::PolicyPeer& peer : r.peers) {
          if (!peer.ip_block) continue;
          for (const auto& [low, high] : ipv4_block_ranges(peer.ip_block->cidr.value, peer.ip_block->except)) {
            cuts.push_back(low);
            cuts.push_back(static_cast<std::uint64_t>(high) + 1);
          }
        }
      }
    };
    if (p.affects_ingress()) collect(p.ingress, in_cuts);
    if (p.affects_egress()) collect(p.egress, eg_cuts);
  }
  auto intervals = [](std::vector<std::uint64_t>& cuts, std::vector<Ipv4Interval>& out) {
    cuts.push_back(std::uint64_t{1} << 32);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
      out.push_back({static_cast<std::uint32_t>(cuts[i]), static_cast<std::uint32_t>(cuts[i + 1] - 1)});
    }
  };
  intervals(in_cuts, ext_src);
  intervals(eg_cuts, ext_dst);
}

void PolicyEngine::Impl::parse_addresses() {
  workload_ip.clear();
  for (const Workload& w : workloads) {
    const std::string& ip = model->pod_sources[w.pods.front()].pod_ip.value;
    std::optional<Cidr> pod;
    if (!ip.empty()) pod = parse_cidr(ip + (ip.find(':') == std::string::npos ? "/32" : "/128"));
    workload_ip.push_back(pod);
  }
  pod_pools.emplace();
  for (facts::Family family : facts::kFamilies) {
    if (!facts->pod_cidrs[family].usable()) continue;
    for (const std::string& text : facts->pod_cidrs[family].value) {
      auto pool = parse_cidr(text);
      if (!pool) {
        pod_pools.reset();
        return;
      }
      pod_pools->push_back(*pool);
    }
  }
}

Tri PolicyEngine::Impl::ip_block_on_pods(const Cidr& cidr, const std::vector<Cidr>& except, const Workload* w) const {
  if (options.closed_world) return Tri::kNo;
  if (w != nullptr && w->host_network) return Tri::kMaybe;  // the node's address: unknown
  if (!facts->cni.usable() || facts->cni.value.cnis.empty()) return Tri::kMaybe;
  if (facts->cni.value.ip_blocks_skip_pods()) return Tri::kNo;
  if (w != nullptr) {
    if (const std::optional<Cidr>& pod = workload_ip[static_cast<std::size_t>(w - workloads.data())]) {
      if (!contains(cidr, *pod)) return Tri::kNo;
      for (const Cidr& e : except) {
        if (contains(e, *pod)) return Tri::kNo;
      }
      return Tri::kYes;
    }
  }
  // The pod ranges of the block's family (RULES.md Facts "Dual-stack").
  if (!facts->pod_cidrs[facts::family_of_v6(cidr.v6)].usable() || !pod_pools) return Tri::kMaybe;
  bool overlap = false, covers = true;
  for (const Cidr& pool : *pod_pools) {
    if (pool.v6 != cidr.v6) continue;
    overlap = overlap || overlaps(pool, cidr);
    covers = covers && contains(cidr, pool);
    for (const Cidr& e : except) covers = covers && !overlaps(e, pool);
  }
  if (!overlap) return Tri::kNo;
  return covers ? Tri::kYes : Tri::kMaybe;
}

Selection PolicyEngine::Impl::match_selector_peer(const model::NetworkPolicy& policy,
                                                  const model::PolicyPeer& peer) const {
  Selection out;
  std::vector<std::pair<std::string_view, Tri>> namespaces;
  if (peer.namespace_selector) {
    const index::SelectorMatches m = namespace_index->match("", index::selector_from_spec(*peer.namespace_selector));
    for (index::PodId id : m.yes) namespaces.emplace_back(namespace_names[id], Tri::kYes);
    for (index::PodId id : m.maybe) namespaces.emplace_back(namespace_names[id], Tri::kMaybe);
  } else {
    namespaces.emplace_back(policy.meta.namespace_name.value, Tri::kYes);
  }
  const std::optional<index::LabelSelector> pods =
      peer.pod_selector ? std::optional(index::selector_from_spec(*peer.pod_selector)) : std::nullopt;
  for (const auto& [ns, t] : namespaces) {
    if (pods) {
      const index::SelectorMatches m = peer_index->match(ns, *pods);
      for (index::PodId id : m.yes) out.emplace_back(id, t);
      for (index::PodId id : m.maybe) out.emplace_back(id, tri_min(t, Tri::kMaybe));
    } else {
      for (index::PodId id : peer_index->pods_in(ns)) out.emplace_back(id, t);
    }
  }
  // A hostNetwork pod sends and receives with its node's address: selectors never match it.
  std::erase_if(out, [&](const auto& e) { return e.first < workloads.size() && workloads[e.first].host_network; });
  std::sort(out.begin(), out.end());
  return out;
}

// RULES.md "Label selectors": a policy in the apply-time namespace `~` selects the `~` pods of
// its apply unit when that unit holds any, else the view's `~` pods (never its file alone).
// Folders of independent examples each applied with `kubectl apply -f` are separate units: one
// example's default-deny does not isolate another's pods.
void PolicyEngine::Impl::narrow_to_apply_unit(const model::NetworkPolicy& policy,
                                              index::SelectorMatches& selected) const {
  if (!model::is_apply_time(policy.meta.namespace_name.value) || policy.meta.file >= model->files.size()) return;
  const std::string& unit = model->file(policy.meta.file).apply_unit;
  if (unit.empty()) return;
  const auto in_unit = [&](index::PodId id) {
    if (id >= workloads.size()) return false;
    const Workload& w = workloads[id];
    if (!model::is_apply_time(w.namespace_name)) return false;
    return std::any_of(w.pods.begin(), w.pods.end(), [&](std::uint32_t pod) {
      const FileId file = model->pod_sources[pod].meta.file;
      return file < model->files.size() && model->file(file).apply_unit == unit;
    });
  };
  if (units_with_apply_time_pods.count(unit) == 0) return;
  std::erase_if(selected.yes, [&](index::PodId id) { return id < workloads.size() && !in_unit(id); });
  std::erase_if(selected.maybe, [&](index::PodId id) { return id < workloads.size() && !in_unit(id); });
}

void PolicyEngine::Impl::compile_policies() {
  const std::size_t endpoints = endpoint_count();
  for (const Workload& w : workloads) {
    if (!model::is_apply_time(w.namespace_name)) continue;
    for (std::uint32_t pod : w.pods) {
      const FileId file = model->pod_sources[pod].meta.file;
      if (file < model->files.size() && !model->file(file).apply_unit.empty())
        units_with_apply_time_pods.insert(model->file(file).apply_unit);
    }
  }
  for (DirectionTables* side : {&in, &eg}) {
    side->selected.assign(workloads.size(), {});
    side->matched.assign(endpoints, {});
  }
  for (std::uint32_t pi = 0; pi < model->network_policies.size(); ++pi) {
    const model::NetworkPolicy& p = model->network_policies[pi];
    const std::string& ns = p.meta.namespace_name.value;
    index::SelectorMatches selected = peer_index->match(ns, index::selector_from_spec(p.pod_selector));
    narrow_to_apply_unit(p, selected);
    // A policy the API server rejects (NL0004) may or may not exist: it selects its pods maybe,
    // in both directions, so the flows it touches are unknown.
    const Tri surely = p.rejected ? Tri::kMaybe : Tri::kYes;
    auto select = [&](std::vector<Selection>& sel) {
      for (index::PodId id : selected.yes) {
        if (id < workloads.size()) sel[id].emplace_back(pi, surely);
      }
      for (index::PodId id : selected.maybe) {
        if (id < workloads.size()) sel[id].emplace_back(pi, Tri::kMaybe);
      }
    };
    for (const bool is_ingress : {true, false}) {
      if (!p.rejected && (is_ingress ? !p.affects_ingress() : !p.affects_egress()))
        continue;  // rules of other types are ignored
      DirectionTables& side = is_ingress ? in : eg;
      select(side.selected);
      auto& signatures = side.matched;
      auto& groups = side.peer_group;
      auto& group_count = side.groups;
      for (const model::PolicyRule& r : is_ingress ? p.ingress : p.egress) {
        CompiledRule rule;
        rule.policy = pi;
        rule.all_peers = r.all_peers();
        if (r.all_ports()) rule.numeric = ConnSet::all();
        for (const model::PolicyPort& port : r.ports) {
          Protocol proto = Protocol::kTcp;
          if (!parse_protocol(port.protocol.value, proto)) {
            // NL0004: the policy is rejected (selected maybe), so this only widens what may pass.
            rule.numeric = ConnSet::all();
            continue;
          }
          if (!port.port) {
            rule.numeric.add(proto, kMinPort, kMaxPort);
          } else if (port.port_number) {
            const std::int64_t low = *port.port_number;
            const std::int64_t high = port.end_port ? port.end_port->value : low;
            if (low >= 1 && high >= low && high <= kMaxPort) {
              rule.numeric.add(proto, static_cast<std::uint32_t>(low), static_cast<std::uint32_t>(high));
            }
          } else {
            rule.named.push_back({proto, port.port->value});
          }
        }
        for (const model::PolicyPeer& peer : r.peers) {
          rule.peers.push_back(static_cast<std::uint32_t>(groups.size()));  // its peer id
          if (!peer.ip_block && (peer.pod_selector || peer.namespace_selector)) {
            // Many policies repeat a peer (`podSelector: {matchLabels: {part-of: ns}}` in every
            // policy of a namespace): one group per distinct selector peer, matched once, and
            // the endpoints' signatures list the group once instead of every copy.
            auto [it, inserted] = side.selector_groups.try_emplace(peer_key(p, peer), group_count);
            groups.push_back(it->second);
            if (!inserted) continue;
            ++group_count;
            for (const auto& [endpoint, t] : match_selector_peer(p, peer))
              signatures[endpoint].emplace_back(it->second, t);
            continue;
          }
          const std::uint32_t group = group_count++;
          groups.push_back(group);
          Selection matched;
          if (peer.ip_block && !peer.pod_selector && !peer.namespace_selector && peer.ip_block->placeholder) {
            // A placeholder block (`${POD_CIDR}`) is filled in before applying: it may match any
            // pod or address (RULES.md "API defaulting and placeholders": undecided, not nothing).
            for (std::uint32_t w = 0; w < workloads.size(); ++w) matched.emplace_back(w, Tri::kMaybe);
            if (is_ingress) matched.emplace_back(ic(), Tri::kMaybe);
            const auto& externals = is_ingress ? ext_src : ext_dst;
            for (std::uint32_t x = 0; x < externals.size(); ++x)
              matched.emplace_back(is_ingress ? ext_src_id(x) : ext_dst_id(x), Tri::kMaybe);
          } else if (peer.ip_block && !peer.pod_selector && !peer.namespace_selector) {
            const auto cidr = parse_cidr(peer.ip_block->cidr.value);
            if (!cidr) continue;  // NL2009 reports it; it matches nothing
            std::vector<Cidr> except;
            bool except_valid = true;
            for (const model::Text& e : peer.ip_block->except) {
              if (auto c = parse_cidr(e.value))
                except.push_back(*c);
              else
                except_valid = false;
            }
            if (!except_valid) continue;
            for (std::uint32_t w = 0; w < workloads.size(); ++w) {
              const Tri t = ip_block_on_pods(*cidr, except, &workloads[w]);
              if (t != Tri::kNo) matched.emplace_back(w, t);
            }
            if (is_ingress) {
              if (const Tri t = ip_block_on_pods(*cidr, except, nullptr); t != Tri::kNo) matched.emplace_back(ic(), t);
            }
            // The externals are cut at every boundary of the block's ranges (build_externals),
            // so each range is a run of consecutive externals: found by binary search, not by
            // testing every external (20,000 ipBlock peers cut the space into 40,000 pieces).
            const auto& externals = is_ingress ? ext_src : ext_dst;
            for (const auto& [low, high] : ipv4_block_ranges(peer.ip_block->cidr.value, peer.ip_block->except)) {
              auto it = std::lower_bound(externals.begin(), externals.end(), low,
                                         [](const Ipv4Interval& e, std::uint32_t at) { return e.low < at; });
              for (; it != externals.end() && it->high <= high; ++it) {
                const auto x = static_cast<std::uint32_t>(it - externals.begin());
                matched.emplace_back(is_ingress ? ext_src_id(x) : ext_dst_id(x), Tri::kYes);
              }
            }
          }
          for (const auto& [endpoint, t] : matched) signatures[endpoint].emplace_back(group, t);
        }
        side.rules.push_back(std::move(rule));
      }
    }
  }
}

void PolicyEngine::Impl::build_classes() {
  std::vector<EndpointTraits> traits(endpoint_count());
  for (std::uint32_t w = 0; w < workloads.size(); ++w) {
    traits[w].foreign = foreign_everywhere || foreign_namespaces.count(workloads[w].namespace_name) != 0;
    traits[w].unisolated = workloads[w].host_network;
    traits[w].port_signature = workload_ports[w];
  }
  // Externals and the ingress controller are never isolated.
  for (std::uint32_t e = ic(); e < traits.size(); ++e) traits[e].unisolated = true;
  for (DirectionTables* side : {&in, &eg}) {
    side->rules_of = rule_ranges(side->rules);
    side->selector_groups = {};
    side->build(traits);
  }
}

void PolicyEngine::Impl::build_pair_classes() {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> sources, destinations;
  src_class.resize(workloads.size());
  dst_class.resize(workloads.size());
  for (std::uint32_t w = 0; w < workloads.size(); ++w) {
    src_class[w] = sources.emplace(std::pair{eg.row_of[w], in.col_of[w]}, static_cast<std::uint32_t>(sources.size()))
                       .first->second;
    dst_class[w] =
        destinations.emplace(std::pair{eg.col_of[w], in.row_of[w]}, static_cast<std::uint32_t>(destinations.size()))
            .first->second;
  }
  src_classes = static_cast<std::uint32_t>(sources.size());
  dst_classes = static_cast<std::uint32_t>(destinations.size());
}

Flow PolicyEngine::Impl::ingress(std::uint32_t dst, std::uint32_t src) const {
  return in.flow(dst, src, port_signatures);
}

Flow PolicyEngine::Impl::egress(std::uint32_t src, std::uint32_t dst) const {
  return eg.flow(src, dst, port_signatures);
}

DirectionWhy PolicyEngine::Impl::explain_side(const DirectionTables& side, std::uint32_t src, std::uint32_t dst,
                                              Protocol protocol, std::uint32_t port) const {
  DirectionWhy why;
  const std::uint32_t pod = side.ingress ? dst : src;
  const RowClass& row = side.rows[side.row_of[pod]];
  why.foreign = row.foreign;
  why.unisolated = row.unisolated;
  why.isolating = side.selected[pod];
  const Selection& signature = side.groups_matching(side.ingress ? src : dst);
  for (const auto& [policy, selected] : why.isolating) {
    for (std::uint32_t r = side.rules_of[policy].first; r < side.rules_of[policy].second; ++r) {
      const CompiledRule& rule = side.rules[r];
      Tri matched = rule.all_peers ? Tri::kYes : Tri::kNo;
      for (std::uint32_t peer : rule.peers) {
        const std::uint32_t group = side.peer_group[peer];
        const auto it = std::lower_bound(signature.begin(), signature.end(), std::pair{group, Tri::kNo});
        if (it != signature.end() && it->first == group && static_cast<int>(it->second) > static_cast<int>(matched))
          matched = it->second;
      }
      matched = tri_min(matched, selected);
      if (matched == Tri::kNo || !resolve(rule, port_signatures, workload_ports[dst]).contains(protocol, port))
        continue;
      why.admitting.push_back({policy, r - side.rules_of[policy].first, matched});
    }
  }
  return why;
}

PolicyEngine::PolicyEngine(const model::Model& model, const facts::ClusterFacts& facts, EngineOptions options)
    : impl_(std::make_unique<Impl>(model, facts, options)) {
  Impl& i = *impl_;
  i.build_workloads();
  i.build_namespaces();
  i.find_foreign_policies();
  i.check_label_gaps();
  i.build_externals();
  i.parse_addresses();
  i.compile_policies();
  i.build_classes();
  i.build_pair_classes();
  i.model = nullptr;
  i.facts = nullptr;
}

PolicyEngine::~PolicyEngine() = default;

std::string PolicyEngine::inputs_key(const model::Model& model, const facts::ClusterFacts& facts,
                                     EngineOptions options) {
  std::string out;
  KeyWriter key(out);
  const auto labels = [&](const model::Labels& written) {
    key.list(written, [&](const model::Label& label) {
      key.bytes(label.key.value);
      key.bytes(label.value.value);
    });
  };
  // As written (selector_from_spec reads no more), not through append_selector's formatting:
  // this key is written on every analysis.
  const auto selector = [&](const model::SelectorSpec& spec) {
    labels(spec.match_labels);
    key.list(spec.match_expressions, [&](const model::SelectorExpression& e) {
      key.bytes(e.key.value);
      key.bytes(e.op.value);
      key.list(e.values, [&](const model::Text& v) { key.bytes(v.value); });
    });
  };
  const auto optional_selector = [&](const std::optional<model::SelectorSpec>& spec) {
    key.number(spec.has_value());
    if (spec) selector(*spec);
  };
  // A file's folder (a variant's name) and apply unit (narrow_to_apply_unit).
  const auto file = [&](FileId id) {
    key.number(id < model.files.size());
    if (id >= model.files.size()) return;
    key.bytes(path_dirname(model.file(id).path));
    key.bytes(model.file(id).apply_unit);
  };
  const auto number = [&](std::int64_t n) { key.number(static_cast<std::uint64_t>(n)); };

  key.number(options.closed_world);
  key.number(facts.cni.usable());
  key.number(facts.cni.value.cnis.empty());
  key.number(facts.cni.value.ip_blocks_skip_pods());
  for (const facts::Family family : facts::kFamilies) {
    key.number(facts.pod_cidrs[family].usable());
    key.list(facts.pod_cidrs[family].value, [&](const std::string& cidr) { key.bytes(cidr); });
  }
  key.list(model.pod_sources, [&](const model::PodSource& pod) {
    key.number(pod.synthetic);
    key.bytes(pod.owner_name.value);
    key.bytes(pod.owner_kind.value);
    key.bytes(pod.meta.namespace_name.value);
    key.bytes(pod.meta.name.value);
    key.bytes(pod.meta.kind.value);
    key.number(pod.host_network.value);
    file(pod.meta.file);
    labels(pod.labels);
    key.list(pod.unknown_label_keys, [&](const std::string& label) { key.bytes(label); });
    key.number(pod.open_labels);
    key.bytes(pod.pod_ip.value);
    key.list(pod.containers, [&](const model::Container& c) {
      key.number(c.init);
      key.number(c.restartable);
      key.list(c.ports, [&](const model::ContainerPort& port) {
        key.bytes(port.name.value);
        key.bytes(port.protocol.value);
        number(port.number.value);
      });
    });
  });
  key.list(model.namespaces, [&](const model::Namespace& ns) {
    key.bytes(ns.meta.name.value);
    labels(ns.meta.labels);
  });
  key.list(model.network_policies, [&](const model::NetworkPolicy& p) {
    key.bytes(p.meta.namespace_name.value);
    file(p.meta.file);
    selector(p.pod_selector);
    key.number(p.rejected);
    key.number(p.affects_ingress());
    key.number(p.affects_egress());
    for (const auto* rules : {&p.ingress, &p.egress}) {
      key.list(*rules, [&](const model::PolicyRule& r) {
        key.list(r.ports, [&](const model::PolicyPort& port) {
          key.bytes(port.protocol.value);
          key.number(port.port.has_value());
          if (port.port) key.bytes(port.port->value);
          key.number(port.port_number.has_value());
          if (port.port_number) number(*port.port_number);
          key.number(port.end_port.has_value());
          if (port.end_port) number(port.end_port->value);
        });
        key.list(r.peers, [&](const model::PolicyPeer& peer) {
          optional_selector(peer.pod_selector);
          optional_selector(peer.namespace_selector);
          key.number(peer.ip_block.has_value());
          if (!peer.ip_block) return;
          key.bytes(peer.ip_block->cidr.value);
          key.list(peer.ip_block->except, [&](const model::Text& e) { key.bytes(e.value); });
          key.number(peer.ip_block->placeholder);
        });
      });
    }
  });
  // Last, so it needs no count: the objects of kinds that may select pods beside NetworkPolicies.
  for (const model::ObjectMeta& o : model.objects) {
    if (std::none_of(std::begin(kForeignKinds), std::end(kForeignKinds),
                     [&](const ForeignKind& k) { return k.kind == o.kind.value; }))
      continue;
    key.bytes(o.kind.value);
    key.bytes(o.group());
    key.bytes(o.namespace_name.value);
  }
  return out;
}

const std::vector<Workload>& PolicyEngine::workloads() const {
  return impl_->workloads;
}
const std::vector<Ipv4Interval>& PolicyEngine::external_sources() const {
  return impl_->ext_src;
}
const std::vector<Ipv4Interval>& PolicyEngine::external_destinations() const {
  return impl_->ext_dst;
}
const std::string& PolicyEngine::error() const {
  return impl_->error;
}

std::optional<std::uint32_t> PolicyEngine::workload_of_pod(std::uint32_t pod_source) const {
  if (pod_source >= impl_->workload_of_pod.size() || impl_->workload_of_pod[pod_source] == UINT32_MAX)
    return std::nullopt;
  return impl_->workload_of_pod[pod_source];
}

Flow PolicyEngine::between(std::uint32_t src, std::uint32_t dst) const {
  return impl_->egress(src, dst).intersect(impl_->ingress(dst, src));
}

Flow PolicyEngine::egress_part(std::uint32_t src, std::uint32_t dst) const {
  return impl_->egress(src, dst);
}

Flow PolicyEngine::ingress_part(std::uint32_t src, std::uint32_t dst) const {
  return impl_->ingress(dst, src);
}

Flow PolicyEngine::from_external(std::uint32_t src_interval, std::uint32_t dst) const {
  const std::uint32_t src = impl_->ext_src_id(src_interval);
  return impl_->ingress(dst, src);
}

Flow PolicyEngine::to_external(std::uint32_t src, std::uint32_t dst_interval) const {
  return impl_->egress(src, impl_->ext_dst_id(dst_interval));
}

Flow PolicyEngine::from_ingress_controller(std::uint32_t dst) const {
  const std::uint32_t src = impl_->ic();
  return impl_->egress(src, dst).intersect(impl_->ingress(dst, src));
}

Why PolicyEngine::explain(std::uint32_t src, std::uint32_t dst, Protocol protocol, std::uint32_t port) const {
  return {impl_->explain_side(impl_->eg, src, dst, protocol, port),
          impl_->explain_side(impl_->in, src, dst, protocol, port)};
}

const std::vector<std::pair<std::uint32_t, index::Tri>>& PolicyEngine::isolating(std::uint32_t workload,
                                                                                 bool ingress) const {
  return (ingress ? impl_->in : impl_->eg).selected.at(workload);
}

std::uint32_t PolicyEngine::source_class(std::uint32_t workload) const {
  return impl_->src_class[workload];
}
std::uint32_t PolicyEngine::destination_class(std::uint32_t workload) const {
  return impl_->dst_class[workload];
}
std::pair<std::uint32_t, std::uint32_t> PolicyEngine::pair_class_counts() const {
  return {impl_->src_classes, impl_->dst_classes};
}

PolicyEngine::Stats PolicyEngine::stats() const {
  Stats s;
  s.endpoints = impl_->endpoint_count();
  s.ingress_dst_classes = impl_->in.rows.size();
  s.ingress_src_classes = impl_->in.cols.size();
  s.egress_src_classes = impl_->eg.rows.size();
  s.egress_dst_classes = impl_->eg.cols.size();
  s.table_entries = impl_->in.table_entries() + impl_->eg.table_entries();
  return s;
}

}  // namespace netlint::netpol
