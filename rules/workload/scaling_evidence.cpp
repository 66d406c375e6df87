#include "rules/workload/scaling_evidence.h"

#include <algorithm>

#include "analyzer/facts/evidence.h"

namespace netlint::rules {
namespace {

enum class BudgetSelects { kNothing, kEverything, kByLabels };

// What a PodDisruptionBudget's selector asks, read in document order: its matchLabels up to the
// first matchExpressions entry (which is not modelled: the budget then matches once those labels
// do), and a budget without selector selects everything.
BudgetSelects budget_selector(const model::ConfigDocument& pdb,
                              std::vector<std::pair<std::string, std::string>>& labels) {
  constexpr std::string_view kPrefix = "spec.selector.matchLabels.";
  for (const model::Setting& s : pdb.settings.entries) {
    if (s.path.starts_with("spec.selector.matchExpressions"))
      return labels.empty() ? BudgetSelects::kEverything : BudgetSelects::kByLabels;
    if (s.path.starts_with(kPrefix)) labels.emplace_back(s.path.substr(kPrefix.size()), s.value.value);
  }
  if (!labels.empty()) return BudgetSelects::kByLabels;
  return pdb.settings.find("spec.selector") == nullptr ? BudgetSelects::kEverything : BudgetSelects::kNothing;
}

bool has_label(const model::Labels& labels, const std::pair<std::string, std::string>& wanted) {
  return std::any_of(labels.begin(), labels.end(), [&](const model::Label& l) {
    return l.key.value == wanted.first && l.value.value == wanted.second;
  });
}

}  // namespace

ScalingEvidence::ScalingEvidence(const engine::View& view) {
  for (const model::ConfigDocument& doc : view.model().configs) {
    const std::string& ns = doc.owner.namespace_name.value;
    if (doc.kind == "HorizontalPodAutoscaler") {
      const model::Setting* name = doc.settings.find("spec.scaleTargetRef.name");
      if (name == nullptr || name->placeholder)
        hpa_any_namespaces_.insert(ns);
      else
        hpa_targets_.emplace(ns, name->value.value);
    } else if (doc.kind == "PodDisruptionBudget") {
      any_budget_ = true;
      std::vector<std::pair<std::string, std::string>> labels;
      switch (budget_selector(doc, labels)) {
        case BudgetSelects::kNothing:
          break;
        case BudgetSelects::kEverything:
          budget_all_namespaces_.insert(ns);
          break;
        case BudgetSelects::kByLabels:
          by_first_label_[{ns, labels.front().first, labels.front().second}].push_back(label_budgets_.size());
          label_budgets_.push_back(std::move(labels));
          break;
      }
    }
  }
  for (const model::PodSource& other : view.model().pod_sources) {
    for (const model::Container& c : other.containers) {
      if (c.image.value.find("cluster-proportional-autoscaler") == std::string::npos) continue;
      const auto target = facts::flag_value(c, "target");
      if (!target) {
        cpa_any_ = true;
        continue;
      }
      const std::string_view t = target->value;
      const auto slash = t.rfind('/');
      if (slash == std::string_view::npos)
        cpa_any_ = true;
      else
        cpa_targets_.emplace(t.substr(slash + 1));
    }
  }
}

bool ScalingEvidence::autoscaler_targets(const model::PodSource& pod) const {
  const std::string& ns = pod.meta.namespace_name.value;
  const std::string& name = pod.meta.name.value;
  return cpa_any_ || hpa_any_namespaces_.count(ns) != 0 || hpa_targets_.count(std::pair{ns, name}) != 0 ||
         cpa_targets_.count(name) != 0;
}

bool ScalingEvidence::disruption_budget_covers(const model::PodSource& pod) const {
  const std::string& ns = pod.meta.namespace_name.value;
  if (budget_all_namespaces_.count(ns) != 0) return true;
  for (const model::Label& label : pod.labels) {
    const auto it = by_first_label_.find(std::tuple{ns, label.key.value, label.value.value});
    if (it == by_first_label_.end()) continue;
    for (std::size_t budget : it->second) {
      const auto& wanted = label_budgets_[budget];
      if (std::all_of(wanted.begin(), wanted.end(), [&](const auto& w) { return has_label(pod.labels, w); }))
        return true;
    }
  }
  return false;
}

}  // namespace netlint::rules
