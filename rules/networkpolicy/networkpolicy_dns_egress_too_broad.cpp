// NL2007 networkpolicy-dns-egress-too-broad: an egress rule that opens the DNS port to every
// destination (no `to`, or an ipBlock of the whole address space) instead of the DNS pods.
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/engine/rule.h"
#include "analyzer/index/label_index.h"
#include "analyzer/index/label_selector.h"
#include "analyzer/util/cidr.h"
#include "rules/networkpolicy/dns_destinations.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL2007",
    .name = "networkpolicy-dns-egress-too-broad",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kBestPractice,
    .summary = "egress to the DNS port allowed to every destination rather than to the DNS pods",
    .doc = R"md(## What it finds
An egress rule of a NetworkPolicy that lists the DNS port (53, or the DNS pods' port after the
kube-dns Service's DNAT) and admits it towards every destination: the rule has no `to` (or an
empty one), or a `to` peer that is an `ipBlock` of the whole address space (`0.0.0.0/0`,
`::/0`).

## Why is this bad?
The rule was written so the pods can resolve names, but it lets them send DNS (and anything
else on port 53) anywhere: to resolvers on the internet, which bypasses the cluster's DNS
policy and logging, and as a tunnel for data exfiltration over DNS. Only the cluster DNS pods
need to be reachable.

## How to fix
Restrict the rule to the DNS pods:

```yaml
egress:
- to:
  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
    podSelector: {matchLabels: {k8s-app: kube-dns}}
  ports:
  - {port: 53, protocol: UDP}
  - {port: 53, protocol: TCP}
```

## Known limitations
Only where the DNS endpoint is pinned: the kube-dns Service or the DNS pods, or NodeLocal
DNSCache, are in the view, or `cluster.dns` is configured; without them the narrow rule cannot be
written portably (a vendor install does not know the DNS pods' namespace, labels, port or
node-local address). Silent when another egress rule of the same policy allows port 53 to
specific peers: the open rule is then a deliberate fallback. Rules without `ports` (every port
to every destination) are not reported here: they are not DNS rules. With NodeLocal DNSCache the queries go to a node-local address that pod selectors do not
match; an ipBlock of that address is the narrow rule then, and only the whole-space blocks are
reported.
)md"};

bool whole_space(const model::PolicyPeer& peer) {
  if (!peer.ip_block || peer.pod_selector || peer.namespace_selector || !peer.ip_block->except.empty()) return false;
  const auto cidr = parse_cidr(peer.ip_block->cidr.value);
  return cidr && cidr->prefix == 0;
}

// Where DNS runs is in the view: the kube-dns Service or the DNS pods, NodeLocal DNSCache, or
// `cluster.dns` configured (all make the facts known); or pods the DNS selector matches.
bool dns_endpoint_pinned(const engine::View& view) {
  const facts::ClusterFacts& f = view.facts();
  if (f.dns.state == facts::State::kKnown || f.node_local_dns.state == facts::State::kKnown) return true;
  const index::SelectorMatches pods =
      view.labels().match(f.dns.value.namespace_name, index::selector_from_map(f.dns.value.pod_labels));
  return std::any_of(pods.yes.begin(), pods.yes.end(),
                     [&](index::PodId id) { return !view.labels().pod(id).synthetic; });
}

class NetworkPolicyDnsEgressTooBroad final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const facts::ClusterFacts& f = view.facts();
    // The synthetic default peer is no evidence of where DNS runs (RULES.md v3: narrowed).
    if (!f.dns.usable() || !dns_endpoint_pinned(view)) return;
    const std::int64_t dns_port = f.dns.value.port;
    const auto dns_port_in = [&](const model::PolicyPort& port) {
      if (!port.port_number || (port.protocol.value != "UDP" && port.protocol.value != "TCP")) return false;
      const std::int64_t low = *port.port_number;
      const std::int64_t high = port.end_port ? port.end_port->value : low;
      return (low <= 53 && 53 <= high) || (low <= dns_port && dns_port <= high);
    };
    const auto to_everywhere = [](const model::PolicyRule& rule) {
      return rule.peers.empty() || std::any_of(rule.peers.begin(), rule.peers.end(), whole_space);
    };
    for (const model::NetworkPolicy& p : view.model().network_policies) {
      if (!p.affects_egress()) continue;
      out.checking(p.meta.object_range);
      // Another rule already admits DNS to specific peers: the open one is a deliberate fallback.
      const bool narrow_dns_rule = std::any_of(p.egress.begin(), p.egress.end(), [&](const model::PolicyRule& rule) {
        return !to_everywhere(rule) &&
               (rule.ports.empty() || std::any_of(rule.ports.begin(), rule.ports.end(), dns_port_in));
      });
      if (narrow_dns_rule) continue;
      for (std::size_t i = 0; i < p.egress.size(); ++i) {
        const model::PolicyRule& rule = p.egress[i];
        if (!to_everywhere(rule)) continue;
        for (const model::PolicyPort& port : rule.ports) {
          if (!dns_port_in(port)) continue;
          const std::int64_t low = *port.port_number;
          const std::int64_t high = port.end_port ? port.end_port->value : low;
          diag::Diagnostic& d = out.report(
              port.item,
              fmt::format("egress rule {} of {} allows DNS ({} {}) to every destination, not only to the DNS pods ({})",
                          i + 1, p.meta.display(), port.protocol.value,
                          low == high ? fmt::format("{}", low) : fmt::format("{}-{}", low, high),
                          dns_pods_text(f.dns.value)));
          d.help = "add a `to` peer with the DNS pods' namespaceSelector and podSelector";
          break;  // one finding per rule
        }
      }
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_dns_egress_too_broad() {
  static const NetworkPolicyDnsEgressTooBroad rule;
  return &rule;
}

}  // namespace netlint::rules
