// NL2003 networkpolicy-peer-typo and NL2004 networkpolicy-peer-selects-nothing: a `from`/`to`
// peer whose selector matches nothing, with and without a near miss.
#include <fmt/format.h>

#include "analyzer/netpol/namespace_labels.h"
#include "rules/networkpolicy/policy_selectors.h"
#include "rules/networkpolicy/root_causes.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kTypoInfo{
    .code = "NL2003",
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

constexpr diag::RuleInfo kNothingInfo{
    .code = "NL2004",
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

using netpol::kNamespaceNameLabel;

struct PeerSite {
  const model::NetworkPolicy* policy;
  const model::PolicyPeer* peer;
  std::string_view direction;  // "from" or "to"
};

std::vector<PeerSite> peers_of(const model::Model& m) {
  std::vector<PeerSite> out;
  for (const model::NetworkPolicy& p : m.network_policies) {
    for (const model::PolicyRule& r : p.ingress) {
      for (const model::PolicyPeer& peer : r.peers) out.push_back({&p, &peer, "from"});
    }
    for (const model::PolicyRule& r : p.egress) {
      for (const model::PolicyPeer& peer : r.peers) out.push_back({&p, &peer, "to"});
    }
  }
  return out;
}

class NetworkPolicyPeerTypo final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kTypoInfo; }

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
          fmt::format("`{}` peer podSelector {} of {} matches no pods in {}: the rule admits nobody; did you mean {}={} ({})", site.direction,
                      format_selector(*site.peer->pod_selector), site.policy->meta.display(), format_namespaces(*namespaces), fix.key, fix.value,
                      pod.meta.display()));
      d.help = fmt::format("change the selector to {}={}", fix.key, fix.value);
      d.root_cause = peer_cause(*site.peer);
      if (const model::Label* l = model::find_label(pod.labels, fix.key)) {
        d.related.push_back({key_typo ? l->key.range : l->value.range, fmt::format("label {}={} of {}", fix.key, fix.value, pod.meta.display())});
      }
    }
  }

 private:
  static bool name_confusion(const engine::View& view, const PeerSite& site, engine::Sink& out) {
    const model::Namespace* target = namespace_name_confusion(view, *site.peer);
    if (target == nullptr) return false;
    const model::Label& entry = site.peer->namespace_selector->match_labels[0];
    diag::Diagnostic& d = out.report(
        entry.key.range,
        fmt::format("`{}` peer namespaceSelector {}={} of {} matches no namespace: Namespace {} has no label \"{}\"; did you mean {}={}",
                    site.direction, entry.key.value, entry.value.value, site.policy->meta.display(), entry.value.value, entry.key.value, kNamespaceNameLabel,
                    entry.value.value));
    d.help = fmt::format("select the namespace by {}: {}", kNamespaceNameLabel, entry.value.value);
    d.root_cause = peer_cause(*site.peer);
    d.related.push_back({target->meta.name.range, fmt::format("Namespace {}", entry.value.value)});
    return true;
  }
};

class NetworkPolicyPeerSelectsNothing final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kNothingInfo; }

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
      diag::Diagnostic& d = out.report(site.peer->pod_selector->key,
                                       fmt::format("`{}` peer podSelector {} of {} matches no pods in {}: the rule admits nobody", site.direction,
                                                   format_selector(*site.peer->pod_selector), site.policy->meta.display(),
                                                   format_namespaces(*namespaces)));
      d.help = "point the peer at the pods' current labels and namespace, or delete the rule";
      d.root_cause = peer_pod_selector_cause(*site.peer->pod_selector);  // NL2013 wins when it explains it
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_peer_typo() {
  static const NetworkPolicyPeerTypo rule;
  return &rule;
}

const engine::Rule* networkpolicy_peer_selects_nothing() {
  static const NetworkPolicyPeerSelectsNothing rule;
  return &rule;
}

}  // namespace netlint::rules
