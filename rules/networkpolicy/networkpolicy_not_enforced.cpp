// NL2015 networkpolicy-not-enforced: NetworkPolicies in a view whose every CNI candidate ignores
// them (RULES.md; knowledge/domain.md 4.1). The CNI fact decides: its `network_policy_enforced`
// is known false only when each detected candidate is known not to enforce (Flannel without
// kube-network-policies, AWS VPC CNI without an enabled policy agent, Cilium with
// `enable-policy: never`), or when .netlint.yaml says so.
#include <fmt/format.h>

#include <set>

#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2015",
                               .name = "networkpolicy-not-enforced",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "a NetworkPolicy in a cluster whose CNI does not enforce NetworkPolicy",
                               .doc = R"md(## What it finds
A NetworkPolicy (`networking.k8s.io`) in a view where every CNI that the manifests install
ignores NetworkPolicy:
- Flannel without the `kube-network-policies` container (Helm `netpol.enabled`, flannel
  v0.25.5 and later);
- the AWS VPC CNI without its network policy agent (the `aws-eks-nodeagent` container with
  `--enable-network-policy=true`);
- Cilium with `enable-policy: never` in `cilium-config`.

This holds even when the view shows several such CNIs side by side (Flannel and the AWS VPC
CNI): whichever is meant, policies are not enforced. One finding per policy, so each can be
suppressed on its own.

## Why is this bad?
A NetworkPolicy without a controller that implements it has no effect: the API server stores
it, `kubectl` shows it, and every pod still accepts and sends any traffic. The isolation the
policy describes, a default deny or a database reachable only from its application, does not
exist.

## How to fix
Deploy an enforcing component: Flannel's `kube-network-policies` container, the AWS VPC CNI
network policy agent (`enableNetworkPolicy`), `enable-policy: default` for Cilium, or a CNI that
enforces (Calico, Canal, Cilium). If the cluster enforces policies through something the
manifests do not show, set `networkPolicyEnforced: true` (or the `cni:`) under `cluster:` in
`.netlint.yaml`.

## Known limitations
Silent when the CNI is unknown, when any candidate enforces or may enforce (Canal, Calico,
Cilium by default, k3s, RKE2, kind, and Weave, Antrea and Azure CNI, whose enforcement netlint
does not decide), and when variants of one CNI disagree. Policy engines deployed outside the
view (a managed cluster's add-on) cannot be seen; configure `networkPolicyEnforced` then.
)md"};

bool is_network_policy(const model::ObjectMeta& o) {
  if (o.kind.value != "NetworkPolicy") return false;
  const std::string group = o.group();
  return group == "networking.k8s.io" || group == "extensions";  // not Calico's or Antrea's kinds
}

class NetworkPolicyNotEnforced final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const facts::ClusterFacts& f = view.facts();
    const auto& enforced = f.network_policy_enforced;
    if (!enforced.usable() || enforced.value) return;

    std::string why;
    std::vector<diag::RelatedLocation> related;
    std::string help;
    if (enforced.configured()) {
      why = "networkPolicyEnforced is false in .netlint.yaml";
      related.push_back({enforced.config_key, "networkPolicyEnforced: false"});
      help = "deploy a component that enforces NetworkPolicy, then set networkPolicyEnforced: true";
    } else {
      const std::vector<facts::Cni>& cnis = f.cni.value.cnis;
      if (cnis.empty() && f.cni.configured()) {
        why = "the configured CNI is none";
        related.push_back({f.cni.config_key, "cni: none"});
      } else if (cnis.empty()) {
        return;  // nothing says which CNI: never guess
      } else {
        std::vector<std::string> parts;
        for (const facts::Cni& cni : cnis) {
          parts.push_back(cni.why.empty() ? cni.name : fmt::format("{}: {}", cni.name, cni.why));
        }
        why = cnis.size() == 1
                  ? fmt::format("the CNI does not enforce NetworkPolicy ({})", parts.front())
                  : fmt::format("none of the CNIs in the view enforces NetworkPolicy ({})", fmt::join(parts, "; "));
        if (f.cni.configured()) related.push_back({f.cni.config_key, fmt::format("cni: {}", f.cni.value.display())});
        std::set<std::pair<FileId, std::uint32_t>> seen;
        for (const facts::Cni& cni : cnis) {
          for (const facts::Evidence& e : cni.evidence) {
            if (e.range.valid() && seen.insert({e.range.file, e.range.begin}).second)
              related.push_back({e.range, e.what});
          }
        }
      }
      help = help_for(cnis);
    }

    for (const model::ObjectMeta& policy : view.model().objects) {
      if (!is_network_policy(policy)) continue;
      out.checking(policy.object_range);
      const SourceRange anchor = policy.name.range.valid() ? policy.name.range : policy.object_range;
      diag::Diagnostic& d = out.report(anchor, fmt::format("{} has no effect: {}", policy.display(), why));
      d.help = help;
      d.related = related;
    }
  }

 private:
  static std::string help_for(const std::vector<facts::Cni>& cnis) {
    std::vector<std::string> fixes;
    for (const facts::Cni& cni : cnis) {
      if (cni.name == "flannel")
        fixes.emplace_back("add flannel's kube-network-policies container (Helm netpol.enabled)");
      else if (cni.name == "aws-vpc")
        fixes.emplace_back("enable the AWS VPC CNI network policy agent (enableNetworkPolicy)");
      else if (cni.name == "cilium")
        fixes.emplace_back("set cilium-config enable-policy to default");
    }
    if (fixes.empty()) fixes.emplace_back("deploy a CNI or policy controller that enforces NetworkPolicy");
    return fmt::format(
        "{}; or set networkPolicyEnforced in .netlint.yaml if something outside the view enforces policies",
        fmt::join(fixes, ", or "));
  }
};

}  // namespace

const engine::Rule* networkpolicy_not_enforced() {
  static const NetworkPolicyNotEnforced rule;
  return &rule;
}

}  // namespace netlint::rules
