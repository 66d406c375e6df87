#include "rules/networkpolicy/policy_selectors.h"

#include <fmt/format.h>

#include "analyzer/netpol/namespace_labels.h"
#include "rules/service/selector_outcome.h"

namespace netlint::rules {

namespace {
using netpol::kNamespaceNameLabel;
}  // namespace

std::optional<std::vector<std::string>> peer_namespaces(const model::NetworkPolicy& policy,
                                                        const model::PolicyPeer& peer) {
  if (!peer.namespace_selector) return std::vector<std::string>{policy.meta.namespace_name.value};
  const model::SelectorSpec& ns = *peer.namespace_selector;
  if (ns.match_labels.size() == 1 && ns.match_expressions.empty() &&
      ns.match_labels[0].key.value == kNamespaceNameLabel) {
    return std::vector<std::string>{ns.match_labels[0].value.value};
  }
  if (ns.match_labels.empty() && ns.match_expressions.size() == 1) {
    const model::SelectorExpression& e = ns.match_expressions[0];
    if (e.key.value != kNamespaceNameLabel || e.op.value != "In" || e.values.empty()) return std::nullopt;
    std::vector<std::string> names;
    for (const model::Text& v : e.values) names.push_back(v.value);
    return names;
  }
  return std::nullopt;
}

const model::Namespace* namespace_name_confusion(const engine::View& view, const model::PolicyPeer& peer) {
  if (!peer.namespace_selector) return nullptr;
  const model::SelectorSpec& ns = *peer.namespace_selector;
  if (ns.match_labels.size() != 1 || !ns.match_expressions.empty()) return nullptr;
  const model::Label& entry = ns.match_labels[0];
  if (entry.key.value != "name" && entry.key.value != "namespace") return nullptr;
  const model::Namespace* target = nullptr;
  for (const model::Namespace& other : view.model().namespaces) {
    const model::Label* l = model::find_label(other.meta.labels, entry.key.value);
    if (l != nullptr && l->value.value == entry.value.value) return nullptr;  // some namespace does carry it
    if (other.meta.name.value == entry.value.value && target == nullptr) target = &other;
  }
  if (target != nullptr && model::find_label(target->meta.labels, entry.key.value) != nullptr) return nullptr;
  return target;
}

bool peer_is_typo(const engine::View& view, const model::NetworkPolicy& policy, const model::PolicyPeer& peer) {
  if (namespace_name_confusion(view, peer) != nullptr) return true;
  if (!peer.pod_selector) return false;
  const std::optional<std::vector<std::string>> namespaces = peer_namespaces(policy, peer);
  return namespaces && !analyse_pod_selector(view, *peer.pod_selector, *namespaces).fixes.empty();
}

PodSelectorOutcome analyse_pod_selector(const engine::View& view, const model::SelectorSpec& selector,
                                        const std::vector<std::string>& namespaces) {
  PodSelectorOutcome outcome;
  if (selector.empty()) return outcome;  // `{}` selects every pod of its namespaces
  const index::LabelSelector parsed = index::selector_from_spec(selector);
  for (const std::string& ns : namespaces) {
    // A match in a namespace that may be this one (the apply-time `~`) makes it possible.
    if (view.labels().matches_any(ns, parsed) || view.labels().matches_any_possibly(ns, parsed)) return outcome;
  }
  outcome.selects_nothing = true;
  if (!selector.match_expressions.empty()) return outcome;  // near misses are for label maps
  for (const std::string& ns : namespaces) {
    outcome.fixes = index::suggest_selector_fixes(view.labels(), ns, selector.match_labels);
    if (!outcome.fixes.empty()) {
      outcome.fix_namespace = ns;
      break;
    }
  }
  return outcome;
}

std::string format_selector(const model::SelectorSpec& selector) {
  std::vector<std::string> parts;
  if (!selector.match_labels.empty()) parts.push_back(format_selector(selector.match_labels));
  for (const model::SelectorExpression& e : selector.match_expressions) {
    std::vector<std::string> values;
    for (const model::Text& v : e.values) values.push_back(v.value);
    if (e.op.value == "Exists")
      parts.push_back(e.key.value);
    else if (e.op.value == "DoesNotExist")
      parts.push_back("!" + e.key.value);
    else
      parts.push_back(
          fmt::format("{} {} ({})", e.key.value, e.op.value == "In" ? "in" : "notin", fmt::join(values, ",")));
  }
  return fmt::format("{}", fmt::join(parts, ","));
}

std::string format_namespaces(const std::vector<std::string>& namespaces) {
  std::vector<std::string> quoted;
  for (const std::string& ns : namespaces) quoted.push_back("\"" + ns + "\"");
  return fmt::format("{} {}", namespaces.size() == 1 ? "namespace" : "namespaces", fmt::join(quoted, ", "));
}

}  // namespace netlint::rules
