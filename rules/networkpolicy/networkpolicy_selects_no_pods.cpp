// NL2002 networkpolicy-selects-no-pods: a policy's `podSelector` that matches no pod of its known
// namespace, and no near miss explains it (that is NL2001 networkpolicy-selector-typo).
#include <fmt/format.h>

#include "analyzer/engine/rule.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/model/namespace_name.h"
#include "rules/networkpolicy/policy_selectors.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2002",
                               .name = "networkpolicy-selects-no-pods",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "a NetworkPolicy's podSelector matches no pods of its known namespace",
                               .doc = R"md(## What it finds
A NetworkPolicy with a non-empty `podSelector` that matches no pod of its namespace, where the
view shows every workload of that namespace (a known namespace, RULES.md) and no near miss
explains it (that is NL2001).

## Why is this bad?
The policy protects nothing. Usually the workload was renamed or relabelled and the policy was
left behind, or the policy is in the wrong namespace: the pods it was meant for are not isolated.

## How to fix
Point the selector at the pods' labels, move the policy to the pods' namespace, or delete it.

## Known limitations
Namespaces with pods the view does not show (operators, Argo CD Applications, system namespaces)
are never reported. `podSelector: {}` selects every pod and is never reported.
)md"};

class NetworkPolicySelectsNoPods final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::NetworkPolicy& policy : view.model().network_policies) {
      const std::string& ns = policy.meta.namespace_name.value;
      if (!view.namespaces().selector_absence_counts(ns, policy.meta.file)) continue;
      out.checking(policy.meta.object_range);
      const PodSelectorOutcome outcome = analyse_pod_selector(view, policy.pod_selector, {ns});
      if (!outcome.selects_nothing || !outcome.fixes.empty()) continue;
      const SourceRange anchor = policy.pod_selector.key.valid() ? policy.pod_selector.key : policy.meta.name.range;
      diag::Diagnostic& d =
          out.report(anchor, fmt::format("podSelector {} of {} matches no pods in {}: the policy isolates nothing",
                                         format_selector(policy.pod_selector), policy.meta.display(),
                                         model::namespace_phrase(ns)));
      d.help = "point the selector at the pods' labels, move the policy to their namespace, or delete it";
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_selects_no_pods() {
  static const NetworkPolicySelectsNoPods rule;
  return &rule;
}

}  // namespace netlint::rules
