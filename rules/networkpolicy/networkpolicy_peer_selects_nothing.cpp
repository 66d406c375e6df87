// NL2004 networkpolicy-peer-selects-nothing: a `from`/`to` peer whose podSelector matches no pod
// of its known namespaces, and no near miss explains it (that is NL2003 networkpolicy-peer-typo).
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/engine/rule.h"
#include "analyzer/index/namespace_catalog.h"
#include "rules/networkpolicy/networkpolicy_peer_support.h"
#include "rules/networkpolicy/policy_selectors.h"
#include "rules/networkpolicy/root_causes.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2004",
                               .name = "networkpolicy-peer-selects-nothing",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "a NetworkPolicy peer podSelector matches no pods of its known namespaces",
                               .doc = R"md(## What it finds
A `from` or `to` peer whose `podSelector` (alone, or with a `namespaceSelector` that names only
known namespaces by `kubernetes.io/metadata.name`) matches no pod of those namespaces, without
a near miss (that is NL2003).

## Why is this bad?
The rule admits or allows nobody. The workload it named was renamed, relabelled or moved, and the
traffic the rule was written for is now denied.

## How to fix
Point the peer at the pods' current labels and namespace, or delete the rule.

## Known limitations
A `namespaceSelector` by itself is never reported here: namespaces outside the view may carry any
label. Namespaces whose pods the view does not show are not known and are skipped.
)md"};

class NetworkPolicyPeerSelectsNothing final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const PeerSite& site : peers_of(view.model())) {
      if (!site.peer->pod_selector) continue;
      const std::optional<std::vector<std::string>> namespaces = peer_namespaces(*site.policy, *site.peer);
      if (!namespaces) continue;
      // Selector absence: every namespace the peer may select must count.
      const FileId file = site.policy->meta.file;
      const bool all_count = std::all_of(namespaces->begin(), namespaces->end(), [&](const std::string& ns) {
        return view.namespaces().selector_absence_counts(ns, file);
      });
      if (!all_count) continue;
      out.checking(site.policy->meta.object_range);
      const PodSelectorOutcome outcome = analyse_pod_selector(view, *site.peer->pod_selector, *namespaces);
      if (!outcome.selects_nothing || !outcome.fixes.empty()) continue;
      diag::Diagnostic& d =
          out.report(site.peer->pod_selector->key,
                     fmt::format("`{}` peer podSelector {} of {} matches no pods in {}: the rule admits nobody",
                                 site.direction, format_selector(*site.peer->pod_selector), site.policy->meta.display(),
                                 format_namespaces(*namespaces)));
      d.help = "point the peer at the pods' current labels and namespace, or delete the rule";
      d.root_cause = peer_pod_selector_cause(*site.peer->pod_selector);  // NL2013 wins when it explains it
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_peer_selects_nothing() {
  static const NetworkPolicyPeerSelectsNothing rule;
  return &rule;
}

}  // namespace netlint::rules
