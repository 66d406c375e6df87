// Helpers (not a rule): what the view says about how many pods a workload runs beyond its
// `replicas`: an autoscaler that targets it, a PodDisruptionBudget that selects its pods.
// NL4109 and NL6102 read them.
#pragma once

#include "analyzer/engine/view.h"
#include "analyzer/model/model.h"

namespace netlint::rules {

// A HorizontalPodAutoscaler of the pod source's namespace names it (or names a placeholder), or
// a cluster-proportional-autoscaler targets it (or any workload: no `--target`).
bool autoscaler_targets(const engine::View& view, const model::PodSource& pod);

// The PodDisruptionBudget's selector matches `labels` (matchExpressions are not modelled and
// count as matching; a budget without selector selects everything).
bool disruption_budget_selects(const model::ConfigDocument& pdb, const model::Labels& labels);

// Some PodDisruptionBudget of the pod source's namespace selects its pods.
bool disruption_budget_covers(const engine::View& view, const model::PodSource& pod);

}  // namespace netlint::rules
