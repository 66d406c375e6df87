// NL5004 kube-proxy-replacement-conflict and NL5006 cilium-kpr-without-apiserver: Cilium's
// kube-proxy replacement (cilium-config `kube-proxy-replacement`) against what else the view runs.
#include <fmt/format.h>

#include "rules/kube_proxy/kube_proxy_config.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kConflictInfo{
    .code = "NL5004",
    .name = "kube-proxy-replacement-conflict",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kSuspicious,
    .summary = "kube-proxy replacement beside a kube-proxy DaemonSet, or a non-boolean value",
    .doc = R"md(## What it finds
Cilium's `kube-proxy-replacement: "true"` (ConfigMap `cilium-config`) while a kube-proxy
DaemonSet is in the view; or a value other than `true`/`false` (`strict`, `partial`, `probe`,
`disabled`: the pre-1.14 values, which Cilium 1.15 and later no longer honour).

## Why is this bad?
With both, two datapaths program Services independently ("co-existence"); switching either one
on a live cluster breaks existing connections, and debugging sees two truths. A legacy value is
not read as `true`: `strict` silently leaves the replacement off.

## How to fix
Install without kube-proxy (`kubeadm init --skip-phases=addon/kube-proxy`) and delete its
DaemonSet, or set `kube-proxy-replacement: "false"`. Write `true` or `false`, never the legacy
values.

## Known limitations
A kube-proxy installed outside the view is not seen.
)md"};

constexpr diag::RuleInfo kApiserverInfo{
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

struct Kpr {
  const model::ConfigMapEntry* entry = nullptr;
  const model::ConfigMap* config_map = nullptr;
};

Kpr find_kpr(const engine::View& view) {
  for (const model::ConfigMap& cm : view.model().config_maps) {
    if (cm.meta.name.value != "cilium-config") continue;
    for (const model::ConfigMapEntry& e : cm.data) {
      if (e.key.value == "kube-proxy-replacement") return {&e, &cm};
    }
  }
  return {};
}

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

class KubeProxyReplacementConflict final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kConflictInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const Kpr kpr = find_kpr(view);
    if (kpr.entry == nullptr) return;
    out.checking(kpr.config_map->meta.object_range);
    const std::string& value = kpr.entry->value.value;
    if (value != "true" && value != "false") {
      out.report(kpr.entry->value.range,
                 fmt::format("kube-proxy-replacement \"{}\" is a legacy value: Cilium 1.15 and later read only true or false, so the "
                             "replacement is not what this says",
                             value))
          .help = "write \"true\" (replace kube-proxy) or \"false\"";
      return;
    }
    if (value != "true") return;
    if (const model::PodSource* kube_proxy = kube_proxy::kube_proxy_daemonset(view)) {
      diag::Diagnostic& d = out.report(
          kpr.entry->value.range,
          fmt::format("Cilium replaces kube-proxy, but {} still runs: two datapaths program Services independently",
                      kube_proxy->meta.display()));
      d.help = "remove the kube-proxy DaemonSet (install with --skip-phases=addon/kube-proxy), or set kube-proxy-replacement: \"false\"";
      d.related.push_back({kube_proxy->meta.name.range, kube_proxy->meta.display()});
    }
  }
};

class CiliumKprWithoutApiserver final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kApiserverInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const Kpr kpr = find_kpr(view);
    if (kpr.entry == nullptr || kpr.entry->value.value != "true") return;
    // RULES.md v3: only when kube-proxy is known to be absent. kube-system is open, so not
    // seeing a kube-proxy DaemonSet proves nothing (a CNI chart's repository never holds one).
    const facts::Fact<bool>& kube_proxy = view.facts().kube_proxy;
    if (!kube_proxy.usable() || kube_proxy.value) return;
    // The agent may also be pointed at the API server by its own options (domain-addendum.md 4).
    for (const model::ConfigMapEntry& e : kpr.config_map->data) {
      if (e.key.value == "k8s-api-server" || e.key.value == "k8s-api-server-urls" || e.key.value == "k8s-kubeconfig-path") return;
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
    diag::Diagnostic& d = out.report(
        kpr.entry->value.range,
        fmt::format("Cilium replaces kube-proxy, but {} has no KUBERNETES_SERVICE_HOST: with no kube-proxy, nothing programs the "
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

const engine::Rule* kube_proxy_replacement_conflict() {
  static const KubeProxyReplacementConflict rule;
  return &rule;
}

const engine::Rule* cilium_kpr_without_apiserver() {
  static const CiliumKprWithoutApiserver rule;
  return &rule;
}

}  // namespace netlint::rules
