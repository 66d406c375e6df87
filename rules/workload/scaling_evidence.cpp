#include "rules/workload/scaling_evidence.h"

#include "analyzer/facts/evidence.h"

namespace netlint::rules {

bool autoscaler_targets(const engine::View& view, const model::PodSource& pod) {
  for (const model::ConfigDocument& doc : view.model().configs) {
    if (doc.kind != "HorizontalPodAutoscaler" || doc.owner.namespace_name.value != pod.meta.namespace_name.value) continue;
    const model::Setting* name = doc.settings.find("spec.scaleTargetRef.name");
    if (name == nullptr || name->placeholder || name->value.value == pod.meta.name.value) return true;
  }
  for (const model::PodSource& other : view.model().pod_sources) {
    for (const model::Container& c : other.containers) {
      if (c.image.value.find("cluster-proportional-autoscaler") == std::string::npos) continue;
      const auto target = facts::flag_value(c, "target");
      if (!target) return true;
      const std::string_view t = target->value;
      const auto slash = t.rfind('/');
      if (slash == std::string_view::npos || t.substr(slash + 1) == pod.meta.name.value) return true;
    }
  }
  return false;
}

bool disruption_budget_selects(const model::ConfigDocument& pdb, const model::Labels& labels) {
  bool any = false;
  for (const model::Setting& s : pdb.settings.entries) {
    if (s.path.starts_with("spec.selector.matchExpressions")) return true;  // not modelled: count as matching
    constexpr std::string_view kPrefix = "spec.selector.matchLabels.";
    if (!s.path.starts_with(kPrefix)) continue;
    any = true;
    const std::string key = s.path.substr(kPrefix.size());
    bool found = false;
    for (const model::Label& l : labels) found = found || (l.key.value == key && l.value.value == s.value.value);
    if (!found) return false;
  }
  return any || pdb.settings.find("spec.selector") == nullptr;
}

bool disruption_budget_covers(const engine::View& view, const model::PodSource& pod) {
  for (const model::ConfigDocument& doc : view.model().configs) {
    if (doc.kind == "PodDisruptionBudget" && doc.owner.namespace_name.value == pod.meta.namespace_name.value &&
        disruption_budget_selects(doc, pod.labels)) {
      return true;
    }
  }
  return false;
}

}  // namespace netlint::rules
