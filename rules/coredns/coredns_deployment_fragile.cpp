// NL4109 coredns-deployment-fragile: the cluster DNS Deployment (a Corefile with the kubernetes
// plugin, or the kube-dns Service selects it) runs one replica without an autoscaler, has no
// memory limit, or has no PodDisruptionBudget where the view uses them.
#include <fmt/format.h>

#include <set>

#include "rules/coredns/coredns_pods.h"
#include "rules/coredns/corefile_query.h"
#include "rules/coredns/corefile_runtime.h"
#include "rules/coredns/corefile_walk.h"
#include "analyzer/engine/rule.h"
#include "rules/workload/scaling_evidence.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{
    .code = "NL4109",
    .name = "coredns-deployment-fragile",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kBestPractice,
    .summary = "the CoreDNS Deployment: one replica, no memory limit, or no disruption budget",
    .doc = R"md(## What it finds
The cluster DNS Deployment (its upstream CoreDNS container mounts a Corefile with the
`kubernetes` plugin, or the kube-dns Service selects its pods), when
- it runs one replica (`replicas: 1`, or not written: the default 1) and no autoscaler in the
  view targets it (a HorizontalPodAutoscaler, or cluster-proportional-autoscaler's
  `--target=deployment/<name>`);
- its CoreDNS container has no memory limit;
- the view holds PodDisruptionBudgets, but none selects the CoreDNS pods.

## Why is this bad?
With one replica, a node drain, an eviction or a crash takes cluster DNS down for everyone.
Without a memory limit, a CoreDNS that grows (a slow upstream, a huge cluster) starves its node
instead of being restarted. Without a disruption budget, a drain may evict every replica at once.

## How to fix
Run at least two replicas (or deploy the DNS autoscaler), set `resources.limits.memory`
(kubeadm: 170Mi), and add a PodDisruptionBudget with `maxUnavailable: 1` for the CoreDNS pods.

## Known limitations
Autoscalers outside the view (a managed addon) are unknown: write them in the view or turn the
rule off for that cluster.
)md"};

class DeploymentFragile final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    std::set<const model::PodSource*> seen;
    // Pods that mount a Corefile with the kubernetes plugin: they answer for the cluster.
    std::set<const model::PodSource*> cluster_dns;
    for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime& runtime) {
      for (const Block& b : blocks_of(source)) {
        if (find_directive(b.directives, "kubernetes") != nullptr)
          cluster_dns.insert(runtime.pods.begin(), runtime.pods.end());
      }
    });
    const ScalingEvidence scaling(view);
    for (const CorednsContainer& cc : coredns_containers(view)) {
      const model::PodSource& pod = *cc.pod;
      if (pod.meta.kind.value != "Deployment" || !is_upstream_coredns_image(cc.container->image.value)) continue;
      // RULES.md v3: the cluster DNS only, not a CoreDNS serving some other zone.
      if (cluster_dns.count(&pod) == 0 && !selected_by_dns_service(view, pod)) continue;
      out.checking(pod.meta.object_range);
      if (!cc.container->memory_limit) {
        out.report(cc.container->name.range,
                   fmt::format("container {} of {} has no memory limit: a CoreDNS that grows starves its node "
                               "instead of being restarted",
                               cc.container->name.value, pod.meta.display()))
            .help = "set resources.limits.memory (kubeadm: 170Mi)";
      }
      if (!seen.insert(&pod).second) continue;
      const std::int64_t replicas = pod.replicas ? pod.replicas->value : 1;
      if (replicas <= 1 && !scaling.autoscaler_targets(pod)) {
        out.report(pod.replicas ? pod.replicas->range : pod.meta.name.range,
                   fmt::format("{} runs {} replica{} and no autoscaler in the view targets it: one eviction or crash "
                               "takes cluster DNS down",
                               pod.meta.display(), replicas, pod.replicas ? "" : " (default 1)"))
            .help = "run at least 2 replicas, or deploy the DNS autoscaler";
      }
      check_pdb(scaling, pod, out);
    }
  }

 private:
  // The kube-dns Service (the dns fact's, when in view) selects the pod.
  static bool selected_by_dns_service(const engine::View& view, const model::PodSource& pod) {
    const std::string& dns_service = view.facts().dns.value.service;
    if (dns_service.empty()) return false;
    for (const model::Service& svc : view.model().services) {
      if (svc.meta.namespace_name.value + "/" + svc.meta.name.value != dns_service) continue;
      if (svc.meta.namespace_name.value == pod.meta.namespace_name.value && svc.has_selector() &&
          model::selector_matches(svc.selector, pod.labels)) {
        return true;
      }
    }
    return false;
  }

  static void check_pdb(const ScalingEvidence& scaling, const model::PodSource& pod, engine::Sink& out) {
    if (!scaling.any_disruption_budget() || scaling.disruption_budget_covers(pod)) return;
    out.report(pod.meta.name.range,
               fmt::format("no PodDisruptionBudget in the view selects the pods of {}: a node drain may evict every "
                           "CoreDNS replica at once",
                           pod.meta.display()))
        .help = "add a PodDisruptionBudget with maxUnavailable: 1 for the CoreDNS pods";
  }
};

}  // namespace

const engine::Rule* coredns_deployment_fragile() {
  static const DeploymentFragile rule;
  return &rule;
}

}  // namespace netlint::rules
