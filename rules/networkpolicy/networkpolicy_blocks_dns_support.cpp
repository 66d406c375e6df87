// The rule body NL2005 networkpolicy-blocks-dns and NL2006 networkpolicy-blocks-dns-tcp share:
// one walk over the workloads per protocol, built on the evaluator (networkpolicy_blocks_dns.cpp
// has the RuleInfo of UDP, networkpolicy_blocks_dns_tcp.cpp that of TCP).
#include "rules/networkpolicy/networkpolicy_blocks_dns_support.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analyzer/index/label_selector.h"
#include "analyzer/index/pod_dns.h"
#include "rules/applied_together.h"
#include "rules/networkpolicy/dns_destinations.h"
#include "rules/networkpolicy/isolating_policy.h"
#include "rules/networkpolicy/ipblock_targets.h"
#include "rules/networkpolicy/policy_selectors.h"
#include "rules/networkpolicy/root_causes.h"
#include "rules/networkpolicy/service_port_confusion.h"

namespace netlint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it finds
Pods that resolve names through cluster DNS (`dnsPolicy: ClusterFirst`, the default, and
`ClusterFirstWithHostNet`; `None` with the cluster DNS address) whose DNS queries the
NetworkPolicies of the view stop, either
- on the client's side: a policy isolates the pods' egress and no rule admits %PROTO% to the DNS
  pods on their port (after the Service's DNAT: the kube-dns Service's `targetPort`, 53 by
  default) nor, with NodeLocal DNSCache, to the cache (iptables mode: its local address and the
  kube-dns ClusterIP; IPVS mode: its local address; Cilium LRP mode: the node-local-dns pods).
  Every entry of the kubelet's `clusterDNS` is a destination: one that is reachable is enough
  (a kube-dns ClusterIP listed beside the cache's address in IPVS mode reaches the DNS pods), or
- on the DNS side: a policy in the DNS pods' namespace isolates their ingress (a default deny in
  `kube-system`) and no rule admits these clients.

The finding sits on the isolating policy to extend (the broadest one, usually the default deny)
and names the affected workloads. The DNS pods are the kube-dns Service's pods when the view
holds them, else the default (`kube-system`, `k8s-app: kube-dns`) or the configured `dns:`.

## Why is this bad?
%WHY%

## How to fix
Add an egress rule to the client's policy:

```yaml
egress:
- to:
  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
    podSelector: {matchLabels: {k8s-app: kube-dns}}
  ports:
  - {port: 53, protocol: UDP}
  - {port: 53, protocol: TCP}
```

(with the DNS pods' port if it is not 53), or an ingress rule admitting the clients on the DNS
pods' policy.

## Known limitations
Silent when any part of the flow depends on what the view does not show (labels, namespaces
without their object, CNI-specific policies, ipBlocks on pod addresses with an unknown CNI), when
the DNS fact is ambiguous, and when NodeLocal DNSCache is in the view with an unknown mode or
address. With NodeLocal DNSCache in iptables or IPVS mode only the clients' egress is checked
(the cache, not the client, queries the DNS pods). Pods with `hostNetwork: true` are never isolated.

When the DNS rule exists but names the Service port (NL2018), an ipBlock of the kube-dns
ClusterIP (NL2010) or a peer with a near miss (NL2003), that finding replaces this one. A policy
and a workload that come from two different optional kustomize Components (`kind: Component`
that no kustomization in the repository includes) are not paired: they are add-ons a user may
never combine.
)md";

// Whether a rule's ports may carry DNS over `protocol` (every port, or an item of that protocol:
// the mistakes the specific rules report sit in such rules).
bool carries(const model::PolicyRule& rule, netpol::Protocol protocol) {
  if (rule.all_ports()) return true;
  for (const model::PolicyPort& item : rule.ports) {
    netpol::Protocol p{};
    if (netpol::parse_protocol(item.protocol.value, p) && p == protocol) return true;
  }
  return false;
}

bool contains(const std::vector<std::uint32_t>& v, std::uint32_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Why the DNS flow is blocked when a more specific rule says so (RULES.md, one root cause): the
// shared key of that rule's finding, or "" when only this rule explains it.
class BlockCauses {
 public:
  BlockCauses(const engine::View& view, netpol::Protocol protocol) : view_(view), protocol_(protocol) {}

  std::string egress(std::uint32_t client, const DnsDestinations& dns) {
    const netpol::PolicyEngine& engine = view_.policies();
    for (const ServicePortConfusion& c : confusions()) {
      if (c.ingress || c.protocol != protocol_ || !contains(c.sources, client)) continue;
      for (const auto& [server, port] : dns.servers) {
        if (contains(c.destinations, server)) return port_item_cause(*c.port);
      }
    }
    return in_rules(engine.isolating(client, false), false);
  }

  std::string ingress(std::uint32_t client, std::uint32_t server) {
    for (const ServicePortConfusion& c : confusions()) {
      if (c.ingress && c.protocol == protocol_ && contains(c.sources, client) && contains(c.destinations, server))
        return port_item_cause(*c.port);
    }
    return in_rules(view_.policies().isolating(server, true), true);
  }

 private:
  // The first isolating policy's cause (policy_cause).
  std::string in_rules(const std::vector<std::pair<std::uint32_t, index::Tri>>& isolating, bool ingress) {
    for (const auto& entry : isolating) {
      if (const std::string& cause = policy_cause(entry.first, ingress); !cause.empty()) return cause;
    }
    return {};
  }

  // An ipBlock of the kube-dns ClusterIP (NL2010), or a peer with a near miss (NL2003), in a rule
  // of the policy that may carry DNS. Once per policy and side, not once per blocked client: a
  // namespace's default deny cuts off every workload of the namespace.
  const std::string& policy_cause(std::uint32_t index, bool ingress) {
    auto [it, inserted] = policy_causes_.try_emplace({index, ingress});
    if (!inserted) return it->second;
    const model::NetworkPolicy& policy = view_.model().network_policies[index];
    for (const model::PolicyRule& rule : ingress ? policy.ingress : policy.egress) {
      if (!carries(rule, protocol_)) continue;
      for (const model::PolicyPeer& peer : rule.peers) {
        if (peer.ip_block) {
          if (!cluster_ips_) cluster_ips_.emplace(view_);
          const std::optional<ClusterTarget> target = ip_block_targets_cluster(view_, *cluster_ips_, *peer.ip_block);
          if (!ingress && target && target->kube_dns) return it->second = ip_block_cause(*peer.ip_block);
        } else if (peer_is_typo(view_, policy, peer)) {
          return it->second = peer_cause(peer);
        }
      }
    }
    return it->second;
  }

  const std::vector<ServicePortConfusion>& confusions() {
    if (!confusions_) confusions_ = find_service_port_confusions(view_);
    return *confusions_;
  }

  const engine::View& view_;
  netpol::Protocol protocol_;
  std::optional<std::vector<ServicePortConfusion>> confusions_;
  std::optional<ClusterIpServices> cluster_ips_;                         // built on the first ipBlock
  std::map<std::pair<std::uint32_t, bool>, std::string> policy_causes_;  // (policy, ingress) -> cause, "" for none
};

// Whether DNS over `protocol` may (or, with `surely`, does) reach some destination.
bool reaches(const netpol::PolicyEngine& engine, std::uint32_t w, const DnsDestinations& dns, netpol::Protocol protocol,
             bool surely) {
  auto has = [&](const netpol::Flow& f, std::uint32_t port) {
    return (surely ? f.allowed : f.possible).contains(protocol, port);
  };
  for (const auto& [s, port] : dns.servers) {
    if (has(engine.between(w, s), port)) return true;
  }
  for (const auto& a : dns.addresses) {
    if (has(engine.to_external(w, a.first), 53)) return true;
  }
  return false;
}

// The clients' pod templates, as related locations of the finding.
void relate(const engine::View& view, const netpol::PolicyEngine& engine, const std::vector<std::uint32_t>& clients,
            diag::Diagnostic& d) {
  for (std::uint32_t w : clients) {
    const model::PodSource& pod = view.model().pod_sources[engine.workloads()[w].pods.front()];
    if (pod.template_key.valid()) d.related.push_back({pod.template_key, pod.meta.display()});
  }
}

}  // namespace

std::string blocks_dns_doc(std::string_view proto, std::string_view why) {
  std::string doc(kDoc);
  for (auto [key, value] : {std::pair{std::string_view("%PROTO%"), proto}, std::pair{std::string_view("%WHY%"), why}}) {
    for (auto at = doc.find(key); at != std::string::npos; at = doc.find(key)) doc.replace(at, key.size(), value);
  }
  return doc;
}

void NetworkPolicyBlocksDns::check(const engine::View& view, engine::Sink& out) const {
  if (view.model().network_policies.empty()) return;
  const netpol::PolicyEngine& engine = view.policies();
  if (!engine.error().empty()) return;
  const std::optional<DnsDestinations> dns = dns_destinations(view);
  if (!dns) return;
  // (isolating policy, root cause) -> the clients it cuts off, per side.
  std::map<std::pair<std::uint32_t, std::string>, std::vector<std::uint32_t>> by_egress, by_ingress;
  BlockCauses causes(view, protocol_);
  const auto& workloads = engine.workloads();
  for (std::uint32_t w = 0; w < workloads.size(); ++w) {
    const netpol::Workload& client = workloads[w];
    if (client.synthetic || client.host_network) continue;
    if (std::any_of(dns->servers.begin(), dns->servers.end(), [&](const auto& s) { return s.first == w; })) continue;
    const model::PodSource& pod = view.model().pod_sources[client.pods.front()];
    if (!index::pod_dns(pod, view.dns_facts()).cluster_dns) continue;
    if (reaches(engine, w, *dns, protocol_, false)) continue;
    // NL2006 is about TCP only: UDP must surely pass to some DNS destination.
    if (protocol_ == netpol::Protocol::kTcp && !reaches(engine, w, *dns, netpol::Protocol::kUdp, true)) continue;
    bool egress_blocks = std::none_of(dns->addresses.begin(), dns->addresses.end(), [&](const auto& a) {
      return engine.to_external(w, a.first).possible.contains(protocol_, 53);
    });
    bool ingress_blocks = dns->ingress_side;
    for (const auto& [s, port] : dns->servers) {
      egress_blocks = egress_blocks && !engine.egress_part(w, s).possible.contains(protocol_, port);
      ingress_blocks = ingress_blocks && !engine.ingress_part(w, s).possible.contains(protocol_, port);
    }
    // A policy and a workload from two optional kustomize Components are not known to meet.
    auto meets = [&](std::uint32_t policy) {
      return !in_different_optional_components(view, view.model().network_policies[policy].meta.file, pod.meta.file);
    };
    if (egress_blocks) {
      if (auto p = broadest_isolating(view, engine.isolating(w, false)); p && meets(*p))
        by_egress[{*p, causes.egress(w, *dns)}].push_back(w);
    }
    if (dns->ingress_side && (!egress_blocks || ingress_blocks)) {
      for (const auto& [s, port] : dns->servers) {
        if (engine.ingress_part(w, s).possible.contains(protocol_, port)) continue;
        if (auto p = broadest_isolating(view, engine.isolating(s, true)); p && meets(*p)) {
          auto& clients = by_ingress[{*p, causes.ingress(w, s)}];
          if (clients.empty() || clients.back() != w) clients.push_back(w);
        }
      }
    }
  }
  for (const auto& [key, clients] : by_egress) {
    const model::NetworkPolicy& p = view.model().network_policies[key.first];
    out.checking(p.meta.object_range);
    diag::Diagnostic& d = out.report(
        policy_anchor(p), fmt::format("{} isolates the egress of {} and no rule admits {}: their name lookups fail",
                                      p.meta.display(), workload_list(engine, clients), dns->describe(protocol_)));
    d.help = dns->help(protocol_);
    d.root_cause = key.second;
    relate(view, engine, clients, d);
  }
  const std::string what = fmt::format("{} {}", netpol::protocol_name(protocol_), dns->dns_port);
  for (const auto& [key, clients] : by_ingress) {
    const model::NetworkPolicy& p = view.model().network_policies[key.first];
    out.checking(p.meta.object_range);
    diag::Diagnostic& d =
        out.report(policy_anchor(p),
                   fmt::format("{} isolates {} ({}) and no rule admits {} from {}: their name lookups fail",
                               p.meta.display(), dns->pods_noun, dns->dns_pods, what, workload_list(engine, clients)));
    d.help = fmt::format("add an ingress rule admitting {} from every namespace (namespaceSelector: {{}})", what);
    d.root_cause = key.second;
    relate(view, engine, clients, d);
  }
}

}  // namespace netlint::rules
