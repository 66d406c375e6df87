// NL0006 ambiguous-view: the facts layer records where the view's evidence conflicts (two CNIs,
// variants disagreeing on a pod CIDR) or where .netlint.yaml contradicts detection; this rule
// reports each conflict once.
#include "analyzer/facts/cluster_facts.h"
#include "rules/rule_factories.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL0006",
    .name = "ambiguous-view",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kSuspicious,
    .summary = "conflicting cluster evidence, or config that contradicts the manifests",
    .doc = R"md(## What it finds
netlint derives cluster facts from the manifests (`netlint facts` prints them): the CNI and
whether it enforces NetworkPolicy, the pod and Service CIDRs, the cluster domain, the DNS pods,
the ingress controllers and the load balancer in front of them, the versions. This note appears
when that evidence conflicts, so a fact is **ambiguous**:

- components that exclude each other, such as two CNIs that are not a known combination
  (Canal, Cilium chained on another CNI and Calico in policy-only mode are known combinations);
- variants of one component that disagree, such as two definitions of `kube-flannel-cfg` with
  different `Network`s, or provider variants of the ingress-nginx controller with different load
  balancers.

It anchors on the later conflicting evidence, with the others as related locations. It also
appears when `.netlint.yaml` sets a fact (`cluster:`) that the manifests contradict: then it
anchors on the config key, with the evidence related, and the configured value is used.

## Why is this bad?
Rules that depend on an ambiguous fact stay silent rather than guess, so a repository that holds
several clusters' manifests in one view gets fewer findings than it should. A config value that
disagrees with the manifests is either stale or describes another cluster.

## How to fix
Split the repository into views with `clusters:` in `.netlint.yaml` (each cluster names the
paths that belong to it), or state the fact explicitly under `cluster:`. When the config
contradicts the manifests, correct whichever is wrong.

## Known limitations
Different objects that contradict each other inside one install (kube-proxy's `clusterCIDR`
against Flannel's `Network`) are not ambiguity but a misconfiguration: the rule that relates them
reports it.
)md"};

class AmbiguousView final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const facts::Conflict& conflict : view.facts().conflicts) {
      diag::Diagnostic& d = out.report(conflict.anchor, conflict.message);
      d.related = conflict.related;
      d.help = conflict.message.starts_with("config sets")
                   ? "correct the value in .netlint.yaml, or the manifests if they are wrong"
                   : "split the view with `clusters:` in .netlint.yaml, or set the fact under `cluster:`";
    }
  }
};

}  // namespace

const engine::Rule* ambiguous_view() {
  static const AmbiguousView rule;
  return &rule;
}

}  // namespace netlint::rules
