// NL2008 networkpolicy-rules-ignored: `ingress` or `egress` rules while the written policyTypes
// leaves that direction out (the API keeps them, the dataplane never reads them).
#include <fmt/format.h>

#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2008",
                               .name = "networkpolicy-rules-ignored",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "ingress or egress rules of a direction the policy's policyTypes leaves out",
                               .doc = R"md(## What it finds
A NetworkPolicy with `ingress` (or `egress`) rules whose explicit `policyTypes` does not list
`Ingress` (or `Egress`).

## Why is this bad?
`policyTypes` decides which directions a policy affects. Rules of a direction it leaves out are
stored by the API server and ignored by every implementation: the policy neither isolates that
direction nor allows anything in it. Usually `policyTypes` was copied from another policy, or
the rules were added later and the list was forgotten.

## How to fix
Add the direction to `policyTypes` (then the selected pods become isolated in that direction
and only the rules admit traffic), or delete the rules if the direction was meant to stay open.

## Known limitations
An empty rule list (`ingress: []`) is not reported: it has no rules to ignore.
)md"};

class NetworkPolicyRulesIgnored final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::NetworkPolicy& p : view.model().network_policies) {
      if (p.policy_types.empty()) continue;  // defaulted: the rules decide the types
      if (!p.policy_types_valid) continue;   // NL0004 (`egress`): the types are unknown
      out.checking(p.meta.object_range);
      std::string types;
      for (const model::Text& t : p.policy_types) types += (types.empty() ? "" : ", ") + t.value;
      auto report = [&](std::string_view direction, const SourceRange& key, std::size_t rules) {
        diag::Diagnostic& d =
            out.report(key, fmt::format("the {} {} rule{} of {} have no effect: policyTypes [{}] leaves out {}", rules,
                                        direction, rules == 1 ? "" : "s", p.meta.display(), types,
                                        direction == "ingress" ? "Ingress" : "Egress"));
        d.help =
            fmt::format("add {} to policyTypes, or delete the rules", direction == "ingress" ? "Ingress" : "Egress");
        d.related.push_back({p.policy_types_key, "policyTypes"});
      };
      if (!p.ingress.empty() && !p.affects_ingress()) report("ingress", p.ingress_key, p.ingress.size());
      if (!p.egress.empty() && !p.affects_egress()) report("egress", p.egress_key, p.egress.size());
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_rules_ignored() {
  static const NetworkPolicyRulesIgnored rule;
  return &rule;
}

}  // namespace netlint::rules
