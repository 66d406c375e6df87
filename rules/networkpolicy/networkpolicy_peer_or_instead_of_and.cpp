// NL2013 networkpolicy-peer-or-instead-of-and: a rule's `from`/`to` list holds a namespaceSelector
// peer and a separate podSelector peer (ORed), where the podSelector matches no pod of the
// policy's own namespace but does match pods in a namespace the namespaceSelector selects: the
// author meant one peer with both selectors (ANDed), a one-character YAML difference (`-`).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "analyzer/engine/rule.h"
#include "analyzer/index/label_selector.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/netpol/namespace_labels.h"
#include "rules/networkpolicy/policy_selectors.h"
#include "rules/networkpolicy/root_causes.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2013",
                               .name = "networkpolicy-peer-or-instead-of-and",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "separate namespaceSelector and podSelector peers where one peer was meant",
                               .doc = R"md(## What it finds
A `from` or `to` list with a `namespaceSelector` peer and a separate `podSelector` peer:

```yaml
- from:
  - namespaceSelector: {matchLabels: {team: monitoring}}
  - podSelector: {matchLabels: {app: prometheus}}
```

where the `podSelector` (which, alone, looks in the policy's own namespace) matches no pod there,
but matches pods in a namespace the sibling `namespaceSelector` selects. The two list items are
ORed: the rule admits every pod of those namespaces, plus pods labelled `app: prometheus` in the
policy's namespace (there are none). One peer with both selectors was meant.

## Why is this bad?
The rule is far broader than intended on one side (every pod of the selected namespaces) and
matches nothing on the other; a review reads the two lines as "prometheus in monitoring". When
the namespace side is narrower than it looks (no namespace carries the label yet) the intended
traffic is denied instead.

## How to fix
Merge the two items into one peer (remove the `-` before `podSelector`):

```yaml
- from:
  - namespaceSelector: {matchLabels: {team: monitoring}}
    podSelector: {matchLabels: {app: prometheus}}
```

## Known limitations
Fires only when the policy's namespace is known (RULES.md: the view holds its pods and nothing
that may create others), when the `podSelector` matches no pod there, not even possibly, and has
no near miss (then NL2003 reports a typo), and only for namespaces the `namespaceSelector` surely
selects (a namespace without its Namespace object has unknown labels besides its name).
It is the more specific finding than NL2004 for the same `podSelector`: NL2004 stays silent then.
)md"};

// The namespaces that hold pods of the view, with their labels: the Namespace object's (every
// definition of it, since variants may differ), plus kubernetes.io/metadata.name; without an
// object, only the name is known (RULES.md).
std::vector<std::pair<std::string, std::vector<model::PodSource>>> namespaces_with_pods(const model::Model& m) {
  std::set<std::string> names;
  for (const model::PodSource& p : m.pod_sources) {
    if (!p.synthetic) names.insert(p.meta.namespace_name.value);
  }
  std::vector<std::pair<std::string, std::vector<model::PodSource>>> out;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    std::vector<model::PodSource> shapes;
    for (const model::Namespace& ns : m.namespaces) {
      if (ns.meta.name.value == name) shapes.push_back(netpol::namespace_as_selectable(name, &ns));
    }
    if (shapes.empty()) shapes.push_back(netpol::namespace_as_selectable(name, nullptr));
    out.emplace_back(name, std::move(shapes));
  }
  return out;
}

// A selector as a YAML flow mapping, for the help line's merged peer.
std::string flow_selector(const model::SelectorSpec& s) {
  std::vector<std::string> parts;
  if (!s.match_labels.empty()) {
    std::vector<std::string> labels;
    for (const model::Label& l : s.match_labels) labels.push_back(fmt::format("{}: {}", l.key.value, l.value.value));
    parts.push_back(fmt::format("matchLabels: {{{}}}", fmt::join(labels, ", ")));
  }
  if (!s.match_expressions.empty()) {
    std::vector<std::string> exprs;
    for (const model::SelectorExpression& e : s.match_expressions) {
      std::vector<std::string> values;
      for (const model::Text& v : e.values) values.push_back(v.value);
      exprs.push_back(values.empty() ? fmt::format("{{key: {}, operator: {}}}", e.key.value, e.op.value)
                                     : fmt::format("{{key: {}, operator: {}, values: [{}]}}", e.key.value, e.op.value,
                                                   fmt::join(values, ", ")));
    }
    parts.push_back(fmt::format("matchExpressions: [{}]", fmt::join(exprs, ", ")));
  }
  return fmt::format("{{{}}}", fmt::join(parts, ", "));
}

class NetworkPolicyPeerOrInsteadOfAnd final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    if (view.model().network_policies.empty()) return;
    const auto namespaces = namespaces_with_pods(view.model());
    for (const model::NetworkPolicy& policy : view.model().network_policies) {
      if (!view.namespaces().selector_absence_counts(policy.meta.namespace_name.value, policy.meta.file)) continue;
      out.checking(policy.meta.object_range);
      for (const model::PolicyRule& rule : policy.ingress) check_rule(view, namespaces, policy, rule, "from", out);
      for (const model::PolicyRule& rule : policy.egress) check_rule(view, namespaces, policy, rule, "to", out);
    }
  }

 private:
  static void check_rule(const engine::View& view,
                         const std::vector<std::pair<std::string, std::vector<model::PodSource>>>& namespaces,
                         const model::NetworkPolicy& policy, const model::PolicyRule& rule, std::string_view direction,
                         engine::Sink& out) {
    std::vector<const model::PolicyPeer*> ns_only;
    for (const model::PolicyPeer& peer : rule.peers) {
      if (peer.namespace_selector && !peer.pod_selector && !peer.ip_block) ns_only.push_back(&peer);
    }
    if (ns_only.empty()) return;
    const std::string& own = policy.meta.namespace_name.value;
    for (const model::PolicyPeer& peer : rule.peers) {
      if (!peer.pod_selector || peer.namespace_selector || peer.ip_block || peer.pod_selector->empty()) continue;
      const PodSelectorOutcome outcome = analyse_pod_selector(view, *peer.pod_selector, {own});
      if (!outcome.selects_nothing || !outcome.fixes.empty()) continue;  // matches here, or NL2003's typo
      const index::LabelSelector pods = index::selector_from_spec(*peer.pod_selector);
      for (const model::PolicyPeer* sibling : ns_only) {
        const index::LabelSelector ns_selector = index::selector_from_spec(*sibling->namespace_selector);
        std::vector<std::string> found;
        const model::PodSource* example = nullptr;
        for (const auto& [name, shapes] : namespaces) {
          if (name == own || !selects_surely(ns_selector, shapes)) continue;
          const index::SelectorMatches m = view.labels().match(name, pods);
          const auto real = std::find_if(m.yes.begin(), m.yes.end(),
                                         [&](index::PodId id) { return !view.labels().pod(id).synthetic; });
          if (real == m.yes.end()) continue;
          if (example == nullptr) example = &view.labels().pod(*real);
          found.push_back(name);
        }
        if (found.empty()) continue;
        report(policy, peer, *sibling, direction, found, example, out);
        break;
      }
    }
  }

  // Every definition of the namespace is selected (variants that disagree stay silent).
  static bool selects_surely(const index::LabelSelector& selector, const std::vector<model::PodSource>& shapes) {
    std::uint64_t comparisons = 0;
    return std::all_of(shapes.begin(), shapes.end(), [&](const model::PodSource& s) {
      return index::evaluate(selector, s, comparisons) == index::Tri::kYes;
    });
  }

  static void report(const model::NetworkPolicy& policy, const model::PolicyPeer& peer,
                     const model::PolicyPeer& sibling, std::string_view direction,
                     const std::vector<std::string>& found, const model::PodSource* example, engine::Sink& out) {
    const std::string pods = format_selector(*peer.pod_selector);
    const std::string ns = format_selector(*sibling.namespace_selector);
    diag::Diagnostic& d =
        out.report(peer.pod_selector->key, fmt::format("`{}` peers namespaceSelector {} and podSelector {} of {} are "
                                                       "separate (ORed): the podSelector matches no pods in namespace "
                                                       "\"{}\" but matches pods in {}, which the namespaceSelector "
                                                       "selects; one peer with both selectors was meant",
                                                       direction, ns.empty() ? "{}" : ns, pods, policy.meta.display(),
                                                       policy.meta.namespace_name.value, format_namespaces(found)));
    d.help = fmt::format("merge them into one peer: - {{namespaceSelector: {}, podSelector: {}}}",
                         flow_selector(*sibling.namespace_selector), flow_selector(*peer.pod_selector));
    d.root_cause = peer_pod_selector_cause(*peer.pod_selector);
    d.related.push_back(
        {sibling.namespace_selector->key, fmt::format("the sibling namespaceSelector {}", ns.empty() ? "{}" : ns)});
    if (example != nullptr && example->meta.name.range.valid()) {
      d.related.push_back(
          {example->meta.name.range, fmt::format("{} matches the podSelector", example->meta.display())});
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_peer_or_instead_of_and() {
  static const NetworkPolicyPeerOrInsteadOfAnd rule;
  return &rule;
}

}  // namespace netlint::rules
