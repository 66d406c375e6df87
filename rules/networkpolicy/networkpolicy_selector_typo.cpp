// NL2001 networkpolicy-selector-typo: a policy's `podSelector` that matches no pod of its
// namespace, while a near miss would (without one, NL2002 networkpolicy-selects-no-pods).
#include <fmt/format.h>

#include "rules/networkpolicy/policy_selectors.h"
#include "analyzer/model/scalar_edit.h"
#include "analyzer/engine/rule.h"
#include "rules/service/selector_outcome.h"
#include "analyzer/model/namespace_name.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2001",
                               .name = "networkpolicy-selector-typo",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a NetworkPolicy's podSelector matches no pods, but a near miss exists",
                               .doc = R"md(## What it finds
A NetworkPolicy whose `podSelector` (a `matchLabels` map) matches no pod of its namespace, while
changing one entry, its key or its value, to a near miss (the catalog's did-you-mean: a typo, a
case or separator difference) makes it select pods of the namespace.

## Why is this bad?
A policy selects the pods it protects. With a typo it protects nothing: the pods it was written
for stay open (or, for an egress policy, unrestricted), and the policy looks applied and correct
in every review.

## How to fix
Correct the selector entry to the label the pods carry, or the pods' label to the selector.

## Known limitations
Selectors with `matchExpressions` get no did-you-mean (NL2002 reports them when the namespace is
known). Pods that operators create from custom resources are invisible and make the rule silent.
)md"};

class NetworkPolicySelectorTypo final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::NetworkPolicy& policy : view.model().network_policies) {
      out.checking(policy.meta.object_range);
      const PodSelectorOutcome outcome =
          analyse_pod_selector(view, policy.pod_selector, {policy.meta.namespace_name.value});
      if (outcome.fixes.empty()) continue;
      const index::SelectorFix& fix = outcome.fixes.front();
      const model::Label& entry = policy.pod_selector.match_labels[fix.entry];
      const bool key_typo = fix.key != entry.key.value;
      const std::vector<std::string> alternatives = fix_alternatives(view, outcome.fixes);
      diag::Diagnostic& d = out.report(
          key_typo ? entry.key.range : entry.value.range,
          fmt::format("podSelector {} of {} matches no pods in {}: the policy isolates nothing; did you mean {}",
                      format_selector(policy.pod_selector), policy.meta.display(),
                      model::namespace_phrase(policy.meta.namespace_name.value),
                      diag::join_alternatives(alternatives)));
      d.help = fmt::format("change the selector to {}={}, or the pods' label to match it", fix.key, fix.value);
      add_fix_labels(view, outcome.fixes, key_typo, d.related);
      d.fix = model::scalar_fix(view.model(), key_typo ? entry.key : entry.value, key_typo ? fix.key : fix.value,
                                outcome.fixes.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                fmt::format("change the selector to {}={}", fix.key, fix.value));
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_selector_typo() {
  static const NetworkPolicySelectorTypo rule;
  return &rule;
}

}  // namespace netlint::rules
