#include "rules/networkpolicy/service_port_confusion.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "analyzer/index/label_index.h"
#include "analyzer/index/label_selector.h"
#include "analyzer/netpol/policy_engine.h"
#include "rules/service/service_backends.h"

namespace netlint::rules {
namespace {

using netpol::Protocol;

// A Service port whose DNAT changes the port on one of its backend workloads.
struct Mismatch {
  std::uint32_t destination = 0;
  Protocol protocol = Protocol::kTcp;
  std::uint32_t service_port = 0, target_port = 0;
  const model::Service* service = nullptr;
  const model::ServicePort* port = nullptr;
};

bool declares(const model::PodSource& pod, Protocol protocol, std::uint32_t port) {
  for (const model::Container& c : pod.containers) {
    for (const model::ContainerPort& p : c.ports) {
      Protocol proto{};
      if (p.number.value == port && netpol::parse_protocol(p.protocol.value, proto) && proto == protocol) return true;
    }
  }
  return false;
}

// A port item that admits `port` but not `target`.
bool admits_only_service_port(const model::PolicyPort& item, Protocol protocol, std::uint32_t port,
                              std::uint32_t target) {
  Protocol proto{};
  if (!item.port_number || !netpol::parse_protocol(item.protocol.value, proto) || proto != protocol) return false;
  const auto low = static_cast<std::uint32_t>(*item.port_number);
  const auto high = item.end_port ? static_cast<std::uint32_t>(item.end_port->value) : low;
  return low <= port && port <= high && !(low <= target && target <= high);
}

std::vector<Mismatch> find_mismatches(const engine::View& view) {
  const model::Model& model = view.model();
  const netpol::PolicyEngine& engine = view.policies();
  // Only (protocol, port) pairs some policy names can matter: skip the rest early.
  std::set<std::pair<Protocol, std::int64_t>> named;
  for (const model::NetworkPolicy& p : model.network_policies) {
    for (const auto* rules : {&p.ingress, &p.egress}) {
      for (const model::PolicyRule& r : *rules) {
        for (const model::PolicyPort& item : r.ports) {
          Protocol proto{};
          if (item.port_number && netpol::parse_protocol(item.protocol.value, proto))
            named.emplace(proto, *item.port_number);
        }
      }
    }
  }
  std::vector<Mismatch> out;
  if (named.empty()) return out;
  for (const model::Service& svc : model.services) {
    if (!svc.has_selector() || svc.headless()) continue;  // headless: no DNAT, clients dial the pods
    const index::LabelSelector selector = index::selector_from_map(svc.selector);
    const index::SelectorMatches matches = view.labels().match(svc.meta.namespace_name.value, selector);
    for (const model::ServicePort& sp : svc.ports) {
      Protocol proto{};
      if (!netpol::parse_protocol(sp.protocol.value, proto) || named.count({proto, sp.port.value}) == 0) continue;
      std::set<std::uint32_t> seen;
      for (index::PodId pod_id : matches.yes) {
        const std::optional<std::uint32_t> w = engine.workload_of_pod(pod_id);
        if (!w || !seen.insert(*w).second) continue;
        const model::PodSource& pod = model.pod_sources[engine.workloads()[*w].pods.front()];
        if (!pod.containers_known && !pod.synthetic) continue;
        const std::optional<std::uint32_t> target = target_port_on(sp, pod);
        const auto port = static_cast<std::uint32_t>(sp.port.value);
        if (!target || *target == port || declares(pod, proto, port)) continue;
        out.push_back({*w, proto, port, *target, &svc, &sp});
      }
    }
  }
  return out;
}

using GroupKey = std::tuple<std::uint32_t, bool, std::uint32_t, const model::PolicyPort*, std::uint32_t>;
struct Group {
  ServicePortConfusion confusion;
  bool spoiled = false;  // some peer of the rule is admitted on the targetPort after all
};

void add_unique(std::vector<std::uint32_t>& v, std::uint32_t x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

}  // namespace

std::vector<ServicePortConfusion> find_service_port_confusions(const engine::View& view) {
  std::vector<ServicePortConfusion> out;
  const model::Model& model = view.model();
  if (model.network_policies.empty()) return out;
  const netpol::PolicyEngine& engine = view.policies();
  if (!engine.error().empty()) return out;
  const std::vector<Mismatch> mismatches = find_mismatches(view);
  std::map<GroupKey, Group> groups;
  const auto& workloads = engine.workloads();
  for (const Mismatch& m : mismatches) {
    // The port items (per policy and direction) that could carry this confusion.
    auto item_in = [&](std::uint32_t policy, bool ingress, std::uint32_t rule) -> const model::PolicyPort* {
      const model::NetworkPolicy& p = model.network_policies[policy];
      const model::PolicyRule& r = (ingress ? p.ingress : p.egress)[rule];
      for (const model::PolicyPort& item : r.ports) {
        if (admits_only_service_port(item, m.protocol, m.service_port, m.target_port)) return &item;
      }
      return nullptr;
    };
    for (std::uint32_t s = 0; s < workloads.size(); ++s) {
      const netpol::Why why = engine.explain(s, m.destination, m.protocol, m.service_port);
      for (const bool ingress : {false, true}) {
        const netpol::DirectionWhy& side = ingress ? why.ingress : why.egress;
        if (side.foreign) continue;
        for (const netpol::RuleRef& ref : side.admitting) {
          if (ref.matched != index::Tri::kYes) continue;
          const model::PolicyPort* item = item_in(ref.policy, ingress, ref.rule);
          if (item == nullptr) continue;
          Group& g = groups[{ref.policy, ingress, ref.rule, item, m.target_port}];
          ServicePortConfusion& c = g.confusion;
          if (c.port == nullptr) {
            c.policy = ref.policy;
            c.ingress = ingress;
            c.rule = ref.rule;
            c.port = item;
            c.protocol = m.protocol;
            c.service_port = m.service_port;
            c.target_port = m.target_port;
          }
          if (std::find(c.services.begin(), c.services.end(), m.service) == c.services.end()) {
            c.services.push_back(m.service);
            c.service_ports.push_back(m.port);
          }
          add_unique(c.sources, s);
          add_unique(c.destinations, m.destination);
          const netpol::Flow flow =
              ingress ? engine.ingress_part(s, m.destination) : engine.egress_part(s, m.destination);
          if (flow.possible.contains(m.protocol, m.target_port)) g.spoiled = true;
        }
      }
    }
  }
  for (auto& [key, g] : groups) {
    if (!g.spoiled) out.push_back(std::move(g.confusion));
  }
  return out;
}

}  // namespace netlint::rules
