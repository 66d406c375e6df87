#include "rules/service/selector_outcome.h"

#include <fmt/format.h>

namespace netlint::rules {

SelectorOutcome analyse_service_selector(const engine::View& view, const model::Service& service) {
  SelectorOutcome outcome;
  if (!service.has_selector() || service.type.value == "ExternalName") return outcome;
  const std::string& ns = service.meta.namespace_name.value;
  const index::SelectorMatches matches = view.labels().match(ns, index::selector_from_map(service.selector));
  // Absent only when no namespace that may be the Service's matches either (a `~` Service and
  // pods in a named namespace may be applied together with -n).
  if (!matches.none() || view.labels().matches_any_possibly(ns, index::selector_from_map(service.selector)))
    return outcome;
  outcome.selects_nothing = true;
  outcome.fixes = index::suggest_selector_fixes(view.labels(), ns, service.selector);
  return outcome;
}

std::string format_selector(const model::Labels& selector) {
  std::string out;
  for (const model::Label& label : selector) {
    if (!out.empty()) out += ',';
    out += label.key.value + "=" + label.value.value;
  }
  return out;
}

std::vector<std::string> fix_alternatives(const engine::View& view, const std::vector<index::SelectorFix>& fixes) {
  std::vector<std::string> out;
  for (const index::SelectorFix& fix : fixes) {
    const model::PodSource& pod = view.labels().pod(fix.pods.front());
    const std::string more = fix.pods.size() > 1 ? fmt::format(" and {} more", fix.pods.size() - 1) : "";
    out.push_back(fmt::format("{}={} ({}{})", fix.key, fix.value, pod.meta.display(), more));
  }
  return out;
}

void add_fix_labels(const engine::View& view, const std::vector<index::SelectorFix>& fixes, bool key_typo,
                    std::vector<diag::RelatedLocation>& related) {
  for (const index::SelectorFix& fix : fixes) {
    const model::PodSource& pod = view.labels().pod(fix.pods.front());
    if (const model::Label* l = model::find_label(pod.labels, fix.key)) {
      related.push_back({key_typo ? l->key.range : l->value.range,
                         fmt::format("label {}={} of {}", fix.key, fix.value, pod.meta.display())});
    }
  }
}

}  // namespace netlint::rules
