// NL2012 networkpolicy-rules-shadowed: an allow-all rule beside other rules of the same
// direction in one policy; the others can never change what the policy allows.
#include <fmt/format.h>

#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2012",
                               .name = "networkpolicy-rules-shadowed",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "an allow-all rule beside other rules of the same direction makes them dead",
                               .doc = R"md(## What it finds
A NetworkPolicy rule that allows everything, `- {}` (no `from`/`to` and no `ports`, or both
empty), next to other rules of the same direction in the same policy.

```yaml
egress:
- {}                      # allows every destination on every port
- to:
  - podSelector: {matchLabels: {app: db}}
```

## Why is this bad?
Rules are ORed: once one rule admits every peer on every port, the others add nothing. The
policy allows all traffic in that direction, which is rarely what the author of the narrower
rules meant. The usual cause is a stray `-` that splits one rule into two (`- ports:` and
`- to:` instead of one item with both keys), or a leftover `- {}` from debugging.

## How to fix
Delete the allow-all item, or merge it with the rule it was split from (one `-` for `to`/`from`
and `ports` together).

## Known limitations
Only a literal allow-all rule is reported; a rule that admits all peers through selectors
(`namespaceSelector: {}`) or ports through a range is not. A policy whose only rule is `- {}`
(kube-prometheus' allow-all egress) is not reported.
)md"};

class NetworkPolicyRulesShadowed final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::NetworkPolicy& p : view.model().network_policies) {
      out.checking(p.meta.object_range);
      check_direction(p, p.ingress, "ingress", out);
      check_direction(p, p.egress, "egress", out);
    }
  }

 private:
  static void check_direction(const model::NetworkPolicy& p, const std::vector<model::PolicyRule>& rules,
                              std::string_view direction, engine::Sink& out) {
    const SourceRange& list_key = direction == "ingress" ? p.ingress_key : p.egress_key;
    if (rules.size() < 2) return;
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (!rules[i].all_peers() || !rules[i].all_ports()) continue;
      // A bare `-` has no extent of its own: anchor on the list's key.
      diag::Diagnostic& d = out.report(
          rules[i].null_item ? list_key : rules[i].item,
          fmt::format("{} rule {} of {} allows every {} on every port, so its other {} rule{} have no effect",
                      direction, i + 1, p.meta.display(), direction == "ingress" ? "source" : "destination",
                      rules.size() - 1, rules.size() == 2 ? "" : "s"));
      d.help = "delete the allow-all item, or join it with the rule it was split from (a stray `-`)";
      for (std::size_t j = 0; j < rules.size(); ++j) {
        if (j != i && !rules[j].null_item)
          d.related.push_back({rules[j].item, fmt::format("{} rule {}", direction, j + 1)});
      }
      return;  // one finding per direction
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_rules_shadowed() {
  static const NetworkPolicyRulesShadowed rule;
  return &rule;
}

}  // namespace netlint::rules
