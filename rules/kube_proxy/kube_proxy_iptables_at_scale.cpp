// NL5002 kube-proxy-iptables-at-scale and NL5003 kube-proxy-ipvs-deprecated: what the mode means
// for the cluster's size and Kubernetes version.
#include <fmt/format.h>

#include "analyzer/facts/version.h"
#include "rules/kube_proxy/kube_proxy_config.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kIptablesInfo{
    .code = "NL5002",
    .name = "kube-proxy-iptables-at-scale",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kPerf,
    .summary = "iptables mode while the configured cluster scale exceeds 5,000 Services",
    .doc = R"md(## What it finds
kube-proxy in iptables mode (written, or the default when `mode` is empty) while `.netlint.yaml`
says the cluster has more than 5,000 Services (`cluster.scale.services`).

## Why is this bad?
In iptables mode every Service adds rules that are matched one after another, and every change
rewrites the whole table: at thousands of Services, rule syncs take seconds to minutes and new
endpoints reach the nodes late.

## How to fix
Move to `mode: nftables` (Kubernetes 1.31 or later), whose lookups do not grow with the number of
Services.

## Known limitations
Silent without a configured scale: a repository is not the cluster, and its Services are not all
of them.
)md"};

constexpr diag::RuleInfo kIpvsInfo{
    .code = "NL5003",
    .name = "kube-proxy-ipvs-deprecated",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kBestPractice,
    .summary = "ipvs mode on Kubernetes 1.35 or later, where it is deprecated",
    .doc = R"md(## What it finds
`mode: ipvs` in the KubeProxyConfiguration while the cluster runs Kubernetes 1.35 or later (or
an unknown version, which counts as the newest release).

## Why is this bad?
IPVS mode is deprecated since 1.35 (KEP-5495): kube-proxy warns at startup, kubeadm warns from
1.37, and the mode is planned to be off by default in 1.40 and gone in 1.43. Its successor is
nftables.

## How to fix
Plan the move to `mode: nftables`; it keeps IPVS's scaling without IPVS's quirks.

## Known limitations
Set `kubernetesVersion` in `.netlint.yaml` for an older cluster, where ipvs is not deprecated.
)md"};

constexpr int kIptablesServiceBound = 5000;

class KubeProxyIptablesAtScale final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kIptablesInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const auto& scale = view.facts().scale_services;
    if (!scale.usable() || scale.value <= kIptablesServiceBound) return;
    for (const model::ConfigDocument* config : kube_proxy::configs(view)) {
      const model::Setting* mode = kube_proxy::mode_of(*config);
      if (mode != nullptr && (mode->placeholder || (!mode->value.value.empty() && mode->value.value != "iptables"))) continue;
      out.checking(config->anchor);
      diag::Diagnostic& d = out.report(
          mode != nullptr ? mode->value.range : config->anchor,
          fmt::format("kube-proxy runs in iptables mode{} while the cluster has {} Services (.netlint.yaml scale.services), above "
                      "{}: rule syncs slow down and endpoint changes reach nodes late",
                      mode != nullptr ? "" : " (the default)", scale.value, kIptablesServiceBound));
      d.help = "use mode: nftables (Kubernetes 1.31 or later)";
      if (scale.config_key.valid()) d.related.push_back({scale.config_key, "the configured scale"});
    }
  }
};

class KubeProxyIpvsDeprecated final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kIpvsInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const facts::Version k8s = facts::kubernetes_version(view.facts());
    if (k8s < facts::Version{1, 35, 0}) return;
    for (const model::ConfigDocument* config : kube_proxy::configs(view)) {
      const model::Setting* mode = kube_proxy::mode_of(*config);
      if (mode == nullptr || mode->value.value != "ipvs") continue;
      out.checking(config->anchor);
      out.report(mode->value.range,
                 fmt::format("mode ipvs is deprecated from Kubernetes 1.35 (this cluster: {}{}.{}); it is planned to be off by default "
                             "in 1.40 and removed in 1.43",
                             view.facts().kubernetes_version.usable() ? "" : "unknown, counted as ", k8s.major, k8s.minor))
          .help = "plan the move to mode: nftables";
    }
  }
};

}  // namespace

const engine::Rule* kube_proxy_iptables_at_scale() {
  static const KubeProxyIptablesAtScale rule;
  return &rule;
}

const engine::Rule* kube_proxy_ipvs_deprecated() {
  static const KubeProxyIpvsDeprecated rule;
  return &rule;
}

}  // namespace netlint::rules
