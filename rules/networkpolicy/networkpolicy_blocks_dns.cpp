// NL2005 networkpolicy-blocks-dns and NL2006 networkpolicy-blocks-dns-tcp: pods that resolve
// through cluster DNS whose queries the NetworkPolicies stop, on the client's egress or on the
// DNS pods' ingress (RULES.md NL2xxx preamble). Built on the evaluator: a finding means the
// evaluator says the flow is surely denied to every DNS workload, never a heuristic of its own.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analyzer/index/label_selector.h"
#include "analyzer/index/pod_dns.h"
#include "rules/rule_factories.h"

namespace netlint::rules {
namespace {

constexpr std::string_view kDoc = R"md(## What it finds
Pods that resolve names through cluster DNS (`dnsPolicy: ClusterFirst`, the default, and
`ClusterFirstWithHostNet`; `None` with the cluster DNS address) whose DNS queries the
NetworkPolicies of the view stop, either
- on the client's side: a policy isolates the pods' egress and no rule admits %PROTO% to the DNS
  pods on their port (after the Service's DNAT: the kube-dns Service's `targetPort`, 53 by
  default), or
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
the DNS fact is ambiguous, and when NodeLocal DNSCache is in the view (its node-local address and
modes are not modelled yet). Pods with `hostNetwork: true` are never isolated.
)md";

std::string doc_for(std::string_view proto, std::string_view why) {
  std::string doc(kDoc);
  for (auto [key, value] : {std::pair{std::string_view("%PROTO%"), proto}, std::pair{std::string_view("%WHY%"), why}}) {
    for (auto at = doc.find(key); at != std::string::npos; at = doc.find(key)) doc.replace(at, key.size(), value);
  }
  return doc;
}

const std::string kUdpDoc = doc_for("UDP", "Every name lookup of those pods times out (5 s per try, then the next search domain): Service names do "
                                           "not resolve, clients fail or hang at start-up, and the policy looks right.");
const std::string kTcpDoc = doc_for("TCP", "UDP queries pass, but answers larger than 512 bytes (many A records, DNSSEC, long TXT) come back "
                                           "truncated and the resolver retries over TCP, which is blocked: those lookups fail intermittently.");

const diag::RuleInfo kUdpInfo{
    .code = "NL2005",
    .name = "networkpolicy-blocks-dns",
    .severity = diag::Severity::kError,
    .summary = "the NetworkPolicies stop pods' DNS queries to the cluster DNS pods",
    .doc = kUdpDoc};

const diag::RuleInfo kTcpInfo{
    .code = "NL2006",
    .name = "networkpolicy-blocks-dns-tcp",
    .severity = diag::Severity::kWarning,
    .summary = "the NetworkPolicies let DNS over UDP pass but stop DNS over TCP",
    .doc = kTcpDoc};

// The workloads that answer cluster DNS queries (the DNS fact's namespace and labels).
std::vector<std::uint32_t> dns_workloads(const engine::View& view) {
  const facts::DnsTarget& dns = view.facts().dns.value;
  const index::LabelSelector selector = index::selector_from_map(dns.pod_labels);
  std::vector<std::uint32_t> out;
  const netpol::PolicyEngine& engine = view.policies();
  std::uint64_t comparisons = 0;
  for (std::uint32_t w = 0; w < engine.workloads().size(); ++w) {
    const netpol::Workload& workload = engine.workloads()[w];
    if (workload.namespace_name != dns.namespace_name) continue;
    if (index::evaluate(selector, view.model().pod_sources[workload.pods.front()], comparisons) == index::Tri::kYes) out.push_back(w);
  }
  return out;
}

// The policy to extend among those isolating a workload: one with an empty podSelector (a
// namespace-wide default) first, else the first in the view.
std::optional<std::uint32_t> broadest(const engine::View& view, const std::vector<std::pair<std::uint32_t, index::Tri>>& isolating) {
  std::optional<std::uint32_t> best;
  for (const auto& [policy, t] : isolating) {
    if (t != index::Tri::kYes) continue;
    if (!best) best = policy;
    if (view.model().network_policies[policy].pod_selector.empty()) return policy;
  }
  return best;
}

class NetworkPolicyBlocksDns final : public engine::Rule {
 public:
  explicit NetworkPolicyBlocksDns(netpol::Protocol protocol) : protocol_(protocol) {}
  const diag::RuleInfo& info() const noexcept override { return protocol_ == netpol::Protocol::kUdp ? kUdpInfo : kTcpInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const facts::ClusterFacts& f = view.facts();
    if (!f.dns.usable() || f.node_local_dns.state != facts::State::kUnknown) return;
    if (view.model().network_policies.empty()) return;
    const netpol::PolicyEngine& engine = view.policies();
    if (!engine.error().empty()) return;
    const std::vector<std::uint32_t> servers = dns_workloads(view);
    if (servers.empty()) return;
    const auto port = static_cast<std::uint32_t>(f.dns.value.port);
    // Isolating policy -> the clients it cuts off (egress side, ingress side).
    std::map<std::uint32_t, std::vector<std::uint32_t>> by_egress, by_ingress;
    const auto& workloads = engine.workloads();
    for (std::uint32_t w = 0; w < workloads.size(); ++w) {
      const netpol::Workload& client = workloads[w];
      if (client.synthetic || client.host_network) continue;
      if (std::find(servers.begin(), servers.end(), w) != servers.end()) continue;
      const model::PodSource& pod = view.model().pod_sources[client.pods.front()];
      if (!index::pod_dns(pod, view.dns_facts()).cluster_dns) continue;
      if (!blocked(engine, w, servers, protocol_, port)) continue;
      // NL2006 is about TCP only: UDP must pass to some DNS workload.
      if (protocol_ == netpol::Protocol::kTcp && !passes(engine, w, servers, netpol::Protocol::kUdp, port)) continue;
      bool egress_blocks = true, ingress_blocks = true;
      for (std::uint32_t s : servers) {
        egress_blocks = egress_blocks && !engine.egress_part(w, s).possible.contains(protocol_, port);
        ingress_blocks = ingress_blocks && !engine.ingress_part(w, s).possible.contains(protocol_, port);
      }
      if (egress_blocks) {
        if (auto p = broadest(view, engine.isolating(w, false))) by_egress[*p].push_back(w);
      }
      if (!egress_blocks || ingress_blocks) {
        for (std::uint32_t s : servers) {
          if (engine.ingress_part(w, s).possible.contains(protocol_, port)) continue;
          if (auto p = broadest(view, engine.isolating(s, true))) {
            auto& clients = by_ingress[*p];
            if (clients.empty() || clients.back() != w) clients.push_back(w);
          }
        }
      }
    }
    const std::string what = fmt::format("{} {}", netpol::protocol_name(protocol_), port);
    const std::string dns = dns_display(f.dns.value);
    for (const auto& [policy, clients] : by_egress) {
      const model::NetworkPolicy& p = view.model().network_policies[policy];
      out.checking(p.meta.object_range);
      diag::Diagnostic& d = out.report(
          anchor(p), fmt::format("{} isolates the egress of {} and no rule admits {} to the DNS pods ({}): their name lookups fail",
                                 p.meta.display(), names(engine, clients), what, dns));
      d.help = fmt::format("add an egress rule to the DNS pods ({}) on {}", dns, what);
      relate(view, engine, clients, d);
    }
    for (const auto& [policy, clients] : by_ingress) {
      const model::NetworkPolicy& p = view.model().network_policies[policy];
      out.checking(p.meta.object_range);
      diag::Diagnostic& d = out.report(
          anchor(p), fmt::format("{} isolates the DNS pods ({}) and no rule admits {} from {}: their name lookups fail",
                                 p.meta.display(), dns, what, names(engine, clients)));
      d.help = fmt::format("add an ingress rule admitting {} from every namespace (namespaceSelector: {{}})", what);
      relate(view, engine, clients, d);
    }
  }

 private:
  static bool blocked(const netpol::PolicyEngine& engine, std::uint32_t w, const std::vector<std::uint32_t>& servers,
                      netpol::Protocol protocol, std::uint32_t port) {
    return std::none_of(servers.begin(), servers.end(),
                        [&](std::uint32_t s) { return engine.between(w, s).possible.contains(protocol, port); });
  }
  static bool passes(const netpol::PolicyEngine& engine, std::uint32_t w, const std::vector<std::uint32_t>& servers,
                     netpol::Protocol protocol, std::uint32_t port) {
    return std::any_of(servers.begin(), servers.end(),
                       [&](std::uint32_t s) { return engine.between(w, s).allowed.contains(protocol, port); });
  }
  static SourceRange anchor(const model::NetworkPolicy& p) { return p.meta.name.range.valid() ? p.meta.name.range : p.meta.object_range; }
  static std::string dns_display(const facts::DnsTarget& dns) {
    std::string labels;
    for (const model::Label& l : dns.pod_labels) labels += (labels.empty() ? "" : ",") + l.key.value + "=" + l.value.value;
    return fmt::format("{}, {}", dns.namespace_name, labels.empty() ? "k8s-app=kube-dns" : labels);
  }
  static std::string names(const netpol::PolicyEngine& engine, const std::vector<std::uint32_t>& clients) {
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < clients.size() && i < 3; ++i) shown.push_back(engine.workloads()[clients[i]].display());
    std::string out = fmt::format("{}", fmt::join(shown, ", "));
    if (clients.size() > 3) out += fmt::format(" and {} more", clients.size() - 3);
    return out;
  }
  static void relate(const engine::View& view, const netpol::PolicyEngine& engine, const std::vector<std::uint32_t>& clients,
                     diag::Diagnostic& d) {
    for (std::uint32_t w : clients) {
      const model::PodSource& pod = view.model().pod_sources[engine.workloads()[w].pods.front()];
      if (pod.template_key.valid()) d.related.push_back({pod.template_key, pod.meta.display()});
    }
  }

  netpol::Protocol protocol_;
};

}  // namespace

const engine::Rule* networkpolicy_blocks_dns() {
  static const NetworkPolicyBlocksDns rule(netpol::Protocol::kUdp);
  return &rule;
}

const engine::Rule* networkpolicy_blocks_dns_tcp() {
  static const NetworkPolicyBlocksDns rule(netpol::Protocol::kTcp);
  return &rule;
}

}  // namespace netlint::rules
