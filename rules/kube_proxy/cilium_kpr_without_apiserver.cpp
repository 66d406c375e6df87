// NL5006 cilium-kpr-without-apiserver: Cilium's kube-proxy replacement on while the agent has no
// way to reach the API server before Services work.
#include <fmt/format.h>

#include <string>

#include "analyzer/engine/rule.h"
#include "rules/kube_proxy/cilium_kpr_support.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL5006",
    .name = "cilium-kpr-without-apiserver",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kSuspicious,
    .summary = "kube-proxy replacement on, but the cilium agent lacks the API server address",
    .doc = R"md(## What it finds
Cilium's `kube-proxy-replacement: "true"` while the cilium agent DaemonSet has no
`KUBERNETES_SERVICE_HOST` environment variable (the Helm chart sets it from `k8sServiceHost`),
and kube-proxy is known to be absent: `kubeProxy: false` in `.netlint.yaml`, kubeadm's
`proxy.disabled: true` (v1beta4) or `skipPhases` with `addon/kube-proxy`.

## Why is this bad?
Without kube-proxy, nothing programs the `kubernetes` Service's ClusterIP until Cilium does; but
the agent needs that very address to reach the API server at startup. Agents crash-loop and the
cluster has no Service networking.

## How to fix
Set `k8sServiceHost` and `k8sServicePort` in the Helm values (the API server's real address or
load balancer), which gives the agent `KUBERNETES_SERVICE_HOST`/`PORT`.

Silent when `cilium-config` gives the agent the API server another way (`k8s-api-server`,
`k8s-api-server-urls`, `k8s-kubeconfig-path`).

## Known limitations
The agent DaemonSet is recognised by the name `cilium` or an image of `cilium/cilium`. Silent
while the `kubeProxy` fact is unknown (`netlint facts` shows it): kube-system is open, so a
repository without a kube-proxy DaemonSet says nothing about the cluster.
)md"};

const model::PodSource* cilium_agent(const engine::View& view) {
  for (const model::PodSource& pod : view.model().pod_sources) {
    if (pod.meta.kind.value != "DaemonSet") continue;
    if (pod.meta.name.value == "cilium") return &pod;
    for (const model::Container& c : pod.containers) {
      if (!c.init && c.image.value.find("cilium/cilium:") != std::string::npos) return &pod;
    }
  }
  return nullptr;
}

class CiliumKprWithoutApiserver final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const Kpr kpr = find_kpr(view);
    if (kpr.entry == nullptr || kpr.entry->value.value != "true") return;
    // RULES.md v3: only when kube-proxy is known to be absent. kube-system is open, so not
    // seeing a kube-proxy DaemonSet proves nothing (a CNI chart's repository never holds one).
    const facts::Fact<bool>& kube_proxy = view.facts().kube_proxy;
    if (!kube_proxy.usable() || kube_proxy.value) return;
    // The agent may also be pointed at the API server by its own options (domain-addendum.md 4).
    for (const model::ConfigMapEntry& e : kpr.config_map->data) {
      if (e.key.value == "k8s-api-server" || e.key.value == "k8s-api-server-urls" ||
          e.key.value == "k8s-kubeconfig-path")
        return;
    }
    const model::PodSource* agent = cilium_agent(view);
    if (agent == nullptr) return;
    for (const model::Container& c : agent->containers) {
      if (c.init) continue;
      for (const model::EnvVar& e : c.env) {
        if (e.name.value == "KUBERNETES_SERVICE_HOST") return;
      }
    }
    out.checking(kpr.config_map->meta.object_range);
    diag::Diagnostic& d = out.report(kpr.entry->value.range,
                                     fmt::format("Cilium replaces kube-proxy, but {} has no KUBERNETES_SERVICE_HOST: "
                                                 "with no kube-proxy, nothing programs the "
                                                 "kubernetes ClusterIP the agent needs to reach the API server",
                                                 agent->meta.display()));
    d.help = "set k8sServiceHost and k8sServicePort in the Cilium Helm values";
    d.related.push_back({agent->meta.name.range, agent->meta.display()});
    if (kube_proxy.configured()) {
      d.related.push_back({kube_proxy.config_key, "kubeProxy: false"});
    } else if (!kube_proxy.evidence.empty()) {
      d.related.push_back({kube_proxy.evidence.front().range, kube_proxy.evidence.front().what});
    }
  }
};

}  // namespace

const engine::Rule* cilium_kpr_without_apiserver() {
  static const CiliumKprWithoutApiserver rule;
  return &rule;
}

}  // namespace netlint::rules
