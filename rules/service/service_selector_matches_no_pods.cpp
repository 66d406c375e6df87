// NL1002 service-selector-matches-no-pods: a Service selector that matches no pods, no near miss.
#include <fmt/format.h>

#include "analyzer/engine/rule.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/model/namespace_name.h"
#include "rules/service/selector_outcome.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL1002",
                               .name = "service-selector-matches-no-pods",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "service selector matches no pods in its namespace",
                               .doc = R"md(## What it finds
A Service whose selector matches no pod source (Pod, Deployment, StatefulSet, DaemonSet, Job,
CronJob, ReplicaSet, or any object with a pod template) in its namespace, when no single-entry
change would make it match (that case is `service-selector-typo`).

## Why is this bad?
The Service has no endpoints: connections to it are refused or time out.

## How to fix
Point the selector at the labels of the pod template of the workload that should serve it, or
deploy that workload in the Service's namespace.

## Known limitations
Only namespaces the view knows completely are checked: at least one workload of the namespace is
in view, and nothing else in it is a custom resource that might create pods (an operator's
resource) or the target of a GitOps object (an Argo CD Application, a Flux Kustomization or
HelmRelease). Selectors on labels whose values are not in the manifests (added by controllers,
or on pods an operator creates) are never reported.
)md"};

class ServiceSelectorMatchesNoPods final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::Service& service : view.model().services) {
      out.checking(service.meta.object_range);
      const SelectorOutcome outcome = analyse_service_selector(view, service);
      if (!outcome.selects_nothing || !outcome.fixes.empty()) continue;
      // Selector absence: in a complete namespace, or beside the pods shipped with the Service.
      if (!view.namespaces().selector_absence_counts(service.meta.namespace_name.value, service.meta.file)) continue;
      diag::Diagnostic& d = out.report(
          service.selector_key, fmt::format("selector {} matches no pods in {}", format_selector(service.selector),
                                            model::namespace_phrase(service.meta.namespace_name.value)));
      d.help = "make the selector match the pod template labels of the workload that serves this Service";
    }
  }
};

}  // namespace

const engine::Rule* service_selector_matches_no_pods() {
  static const ServiceSelectorMatchesNoPods rule;
  return &rule;
}

}  // namespace netlint::rules
