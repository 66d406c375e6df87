// NL2003 networkpolicy-peer-typo: a `from`/`to` peer whose selector matches nothing while a near
// miss would (without one, NL2004 networkpolicy-peer-selects-nothing).
#include <fmt/format.h>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/engine/rule.h"
#include "analyzer/netpol/namespace_labels.h"
#include "rules/networkpolicy/networkpolicy_peer_support.h"
#include "rules/networkpolicy/policy_selectors.h"
#include "rules/networkpolicy/root_causes.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2003",
                               .name = "networkpolicy-peer-typo",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a NetworkPolicy peer selector matches nothing, but a near miss exists",
                               .doc = R"md(## What it finds
A `from` or `to` peer of a NetworkPolicy whose selector matches nothing while a near miss
would match:
- a `podSelector` (`matchLabels`) that matches no pod of the namespaces it looks in (the
  policy's own, or those its `namespaceSelector` names by `kubernetes.io/metadata.name`), where
  changing one entry to a near-miss label makes it match;
- a `namespaceSelector` on `name: <namespace>` where that namespace's Namespace object in the
  view carries no `name` label: namespaces are labelled `kubernetes.io/metadata.name` (a known
  confusion).

## Why is this bad?
The rule admits (or, for egress, allows towards) nobody: the traffic it was written for stays
denied, and a typo in a peer is hard to see in review because the policy reads right.

## How to fix
Correct the selector to the labels the pods or namespaces carry: `kubernetes.io/metadata.name`
for a namespace by name.

## Known limitations
Selectors with `matchExpressions` get no did-you-mean. A `namespaceSelector` on a label of a
namespace the view has no Namespace object for is never reported: its labels are unknown.
)md"};

using netpol::kNamespaceNameLabel;

class NetworkPolicyPeerTypo final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const PeerSite& site : peers_of(view.model())) {
      out.checking(site.policy->meta.object_range);
      if (site.peer->namespace_selector && name_confusion(view, site, out)) continue;
      if (!site.peer->pod_selector) continue;
      const std::optional<std::vector<std::string>> namespaces = peer_namespaces(*site.policy, *site.peer);
      if (!namespaces) continue;
      const PodSelectorOutcome outcome = analyse_pod_selector(view, *site.peer->pod_selector, *namespaces);
      if (outcome.fixes.empty()) continue;
      const index::SelectorFix& fix = outcome.fixes.front();
      const model::Label& entry = site.peer->pod_selector->match_labels[fix.entry];
      const bool key_typo = fix.key != entry.key.value;
      const model::PodSource& pod = view.labels().pod(fix.pods.front());
      diag::Diagnostic& d = out.report(
          key_typo ? entry.key.range : entry.value.range,
          fmt::format(
              "`{}` peer podSelector {} of {} matches no pods in {}: the rule admits nobody; did you mean {}={} ({})",
              site.direction, format_selector(*site.peer->pod_selector), site.policy->meta.display(),
              format_namespaces(*namespaces), fix.key, fix.value, pod.meta.display()));
      d.help = fmt::format("change the selector to {}={}", fix.key, fix.value);
      d.fix = model::scalar_fix(view.model(), key_typo ? entry.key : entry.value, key_typo ? fix.key : fix.value,
                                outcome.fixes.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                fmt::format("change the selector to {}={}", fix.key, fix.value));
      d.root_cause = peer_cause(*site.peer);
      if (const model::Label* l = model::find_label(pod.labels, fix.key)) {
        d.related.push_back({key_typo ? l->key.range : l->value.range,
                             fmt::format("label {}={} of {}", fix.key, fix.value, pod.meta.display())});
      }
    }
  }

 private:
  static bool name_confusion(const engine::View& view, const PeerSite& site, engine::Sink& out) {
    const model::Namespace* target = namespace_name_confusion(view, *site.peer);
    if (target == nullptr) return false;
    const model::Label& entry = site.peer->namespace_selector->match_labels[0];
    diag::Diagnostic& d = out.report(
        entry.key.range, fmt::format("`{}` peer namespaceSelector {}={} of {} matches no namespace: Namespace {} has "
                                     "no label \"{}\"; did you mean {}={}",
                                     site.direction, entry.key.value, entry.value.value, site.policy->meta.display(),
                                     entry.value.value, entry.key.value, kNamespaceNameLabel, entry.value.value));
    d.help = fmt::format("select the namespace by {}: {}", kNamespaceNameLabel, entry.value.value);
    d.fix = model::scalar_fix(view.model(), entry.key, kNamespaceNameLabel, diag::Applicability::kSafe,
                              fmt::format("select the namespace by {}", kNamespaceNameLabel));
    d.root_cause = peer_cause(*site.peer);
    d.related.push_back({target->meta.name.range, fmt::format("Namespace {}", entry.value.value)});
    return true;
  }
};

}  // namespace

const engine::Rule* networkpolicy_peer_typo() {
  static const NetworkPolicyPeerTypo rule;
  return &rule;
}

}  // namespace netlint::rules
