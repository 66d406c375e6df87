// ScalingEvidence answers per workload what a scan of the view's autoscalers and disruption
// budgets would: which budgets select which pods (matchLabels all present; matchExpressions not
// modelled, so matching once the labels before it do; no selector: every pod of the namespace).
#include <doctest/doctest.h>

#include <string>

#include "analyzer/testing/load_texts.h"
#include "rules/workload/scaling_evidence.h"

namespace netlint::rules {
namespace {

std::string deployment(const std::string& ns, const std::string& name, const std::string& labels) {
  return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + ", namespace: " + ns +
         "}\nspec:\n  template:\n    metadata: {labels: {" + labels +
         "}}\n    spec: {containers: [{name: c, image: c}]}\n";
}

std::string budget(const std::string& ns, const std::string& name, const std::string& spec) {
  return "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: " + name + ", namespace: " + ns +
         "}\nspec: " + spec + "\n";
}

TEST_CASE("ScalingEvidence: disruption budgets by labels, by namespace, and autoscaler targets") {
  const std::string text =
      deployment("a", "both", "app: web, tier: front") + deployment("a", "one", "app: web") +
      deployment("b", "other", "app: web") + deployment("c", "any", "x: y") + deployment("d", "expr", "app: api") +
      deployment("d", "expr-miss", "app: db") + deployment("e", "scaled", "app: s") +
      deployment("e", "unscaled", "app: u") +
      budget("a", "two-labels", "{minAvailable: 1, selector: {matchLabels: {app: web, tier: front}}}") +
      budget("c", "no-selector", "{minAvailable: 1}") +
      budget("d", "labels-then-expressions",
             "{minAvailable: 1, selector: {matchLabels: {app: api}, matchExpressions: [{key: k, operator: Exists}]}}") +
      "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: e}\n"
      "spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: scaled}, maxReplicas: 3}\n";
  const LoadedView loaded = testing::load_texts({{"view.yaml", text}});
  const engine::View view(loaded.model, loaded.facts);
  const ScalingEvidence evidence(view);
  const auto covered = [&](const std::string& name) {
    for (const model::PodSource& pod : loaded.model.pod_sources) {
      if (pod.meta.name.value == name) return evidence.disruption_budget_covers(pod);
    }
    FAIL("no pod source " << name);
    return false;
  };
  const auto scaled = [&](const std::string& name) {
    for (const model::PodSource& pod : loaded.model.pod_sources) {
      if (pod.meta.name.value == name) return evidence.autoscaler_targets(pod);
    }
    FAIL("no pod source " << name);
    return false;
  };
  CHECK(evidence.any_disruption_budget());
  CHECK(covered("both"));
  CHECK_FALSE(covered("one"));        // one of the two labels
  CHECK_FALSE(covered("other"));      // the labels, in another namespace
  CHECK(covered("any"));              // no selector: every pod of the namespace
  CHECK(covered("expr"));             // its labels match; the expressions are not modelled
  CHECK_FALSE(covered("expr-miss"));  // a label before the expressions is missing
  CHECK(scaled("scaled"));
  CHECK_FALSE(scaled("unscaled"));
  CHECK_FALSE(scaled("both"));
}

}  // namespace
}  // namespace netlint::rules
