#include "rules/service/selector_outcome.h"

namespace netlint::rules {

SelectorOutcome analyse_service_selector(const engine::View& view, const model::Service& service) {
  SelectorOutcome outcome;
  if (!service.has_selector() || service.type.value == "ExternalName") return outcome;
  const std::string& ns = service.meta.namespace_name.value;
  const index::SelectorMatches matches = view.labels().match(ns, index::selector_from_map(service.selector));
  if (!matches.none()) return outcome;
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

}  // namespace netlint::rules
