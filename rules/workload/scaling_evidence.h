// Helpers (not a rule): what the view says about how many pods a workload runs beyond its
// `replicas`: an autoscaler that targets it, a PodDisruptionBudget that selects its pods.
// NL4109 and NL6102 read them. Built once per check (linear in the view) and asked per workload:
// scanning every autoscaler, budget and pod source per workload made NL6102's `minReplicas`
// quadratic in the workloads.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/model/model.h"

namespace netlint::rules {

class ScalingEvidence {
 public:
  explicit ScalingEvidence(const engine::View& view);

  // A HorizontalPodAutoscaler of the pod source's namespace names it (or names a placeholder), or
  // a cluster-proportional-autoscaler targets it (or any workload: no `--target`).
  bool autoscaler_targets(const model::PodSource& pod) const;
  // Some PodDisruptionBudget of the pod source's namespace selects its pods (matchExpressions are
  // not modelled and count as matching; a budget without selector selects everything).
  bool disruption_budget_covers(const model::PodSource& pod) const;
  // The view holds a PodDisruptionBudget at all.
  bool any_disruption_budget() const noexcept { return any_budget_; }

 private:
  std::set<std::string, std::less<>> hpa_any_namespaces_;                   // an HPA naming no target or a placeholder
  std::set<std::pair<std::string, std::string>, std::less<>> hpa_targets_;  // (namespace, workload name)
  bool cpa_any_ = false;                                                    // a proportional autoscaler without target
  std::set<std::string, std::less<>> cpa_targets_;                          // names a proportional autoscaler targets

  // A budget that selects by labels: every (key, value) must be on the pod.
  std::vector<std::vector<std::pair<std::string, std::string>>> label_budgets_;
  // (namespace, key, value) of each label budget's first label -> the budgets.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>, std::less<>> by_first_label_;
  std::set<std::string, std::less<>> budget_all_namespaces_;  // a budget there selects every pod
  bool any_budget_ = false;
};

}  // namespace netlint::rules
