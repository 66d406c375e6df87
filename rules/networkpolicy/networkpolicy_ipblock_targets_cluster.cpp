// NL2010 networkpolicy-ipblock-targets-cluster: an ipBlock that points at pod addresses or Service
// ClusterIPs, where NetworkPolicies either do not match or follow addresses that churn.
#include <fmt/format.h>

#include "rules/networkpolicy/dns_destinations.h"
#include "rules/networkpolicy/ipblock_targets.h"
#include "rules/networkpolicy/root_causes.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL2010",
    .name = "networkpolicy-ipblock-targets-cluster",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kSuspicious,
    .summary = "an ipBlock on pod addresses or Service ClusterIPs, which policies do not match",
    .doc = R"md(## What it finds
An `ipBlock.cidr` of a NetworkPolicy rule that
- lies inside a pod range of its IP family (the cluster pod CIDR or a CNI pool, when the view or
  `.netlint.yaml` tells it), or
- is a ClusterIP of a Service in the view (either family of a dual-stack Service; the kube-dns
  ClusterIPs included), or lies inside the Service CIDR of its family.

`0.0.0.0/0` and blocks that merely contain the cluster's ranges are not reported. NodeLocal
DNSCache is the exception: in iptables mode it answers on the kube-dns ClusterIP and its local
address on every node, in IPVS mode on its local address, so an ipBlock of those addresses is
the documented way to admit DNS to it.

## Why is this bad?
- **Service ClusterIPs**: NetworkPolicies are enforced after the Service's DNAT, on the pods'
  addresses and target ports. An ipBlock of a ClusterIP matches no packet: the classic wrong fix
  for blocked DNS (`ipBlock: {cidr: 10.96.0.10/32}`) leaves every lookup failing.
- **Pod addresses**: ipBlocks are meant for addresses outside the cluster. Pod addresses change
  whenever pods are rescheduled, so such a rule follows addresses rather than workloads; on
  Cilium it never matches a pod at all (pods are matched by identity).

## How to fix
Select the pods by labels:

```yaml
to:
- namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
  podSelector: {matchLabels: {k8s-app: kube-dns}}
```

and admit the pods' `targetPort`, not the Service port.

## Known limitations
Silent when the pod CIDR and Service CIDR are unknown (configure `cluster.podCIDRs` and
`cluster.serviceCIDRs`) and the block is no ClusterIP written in the view, and for the kube-dns
ClusterIP when a NodeLocal DNSCache of unknown mode is in the view.
)md"};

// The DNS pods as the DNS fact knows them (namespace, labels, port after DNAT), else kube-dns's defaults.
std::string kube_dns_help(const engine::View& view) {
  const facts::DnsTarget dns = view.facts().dns.usable() ? view.facts().dns.value : facts::DnsTarget{};
  return fmt::format(
      "select the DNS pods instead ({}): a namespaceSelector on kubernetes.io/metadata.name with a podSelector, on "
      "port {}",
      dns_pods_text(dns), dns.port);
}

class NetworkPolicyIpBlockTargetsCluster final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const ClusterIpServices services(view);
    for (const model::NetworkPolicy& p : view.model().network_policies) {
      out.checking(p.meta.object_range);
      for (const bool ingress : {true, false}) {
        for (const model::PolicyRule& rule : ingress ? p.ingress : p.egress) {
          for (const model::PolicyPeer& peer : rule.peers) {
            if (!peer.ip_block) continue;
            const std::optional<ClusterTarget> target = ip_block_targets_cluster(view, services, *peer.ip_block);
            if (!target) continue;
            diag::Diagnostic& d =
                out.report(peer.ip_block->cidr.range,
                           fmt::format("ipBlock {} in an {} rule of {} {}", peer.ip_block->cidr.value,
                                       ingress ? "ingress" : "egress", p.meta.display(), target->reason));
            d.help = target->kube_dns
                         ? kube_dns_help(view)
                         : "select the pods with a podSelector (and namespaceSelector) instead of their addresses";
            d.root_cause = ip_block_cause(*peer.ip_block);
            d.related = target->related;
          }
        }
      }
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_ipblock_targets_cluster() {
  static const NetworkPolicyIpBlockTargetsCluster rule;
  return &rule;
}

}  // namespace netlint::rules
