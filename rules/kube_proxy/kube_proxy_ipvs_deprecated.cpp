// NL5003 kube-proxy-ipvs-deprecated: ipvs mode on a Kubernetes version where it is deprecated.
#include <fmt/format.h>

#include "analyzer/engine/rule.h"
#include "analyzer/facts/version.h"
#include "rules/kube_proxy/kube_proxy_config.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL5003",
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

class KubeProxyIpvsDeprecated final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const facts::Version k8s = facts::kubernetes_version(view.facts());
    if (k8s < facts::Version{1, 35, 0}) return;
    for (const model::ConfigDocument* config : kube_proxy::configs(view)) {
      const model::Setting* mode = kube_proxy::mode_of(*config);
      if (mode == nullptr || mode->value.value != "ipvs") continue;
      out.checking(config->anchor);
      out.report(mode->value.range, fmt::format("mode ipvs is deprecated from Kubernetes 1.35 (this cluster: {}{}.{}); "
                                                "it is planned to be off by default "
                                                "in 1.40 and removed in 1.43",
                                                view.facts().kubernetes_version.usable() ? "" : "unknown, counted as ",
                                                k8s.major, k8s.minor))
          .help = "plan the move to mode: nftables";
    }
  }
};

}  // namespace

const engine::Rule* kube_proxy_ipvs_deprecated() {
  static const KubeProxyIpvsDeprecated rule;
  return &rule;
}

}  // namespace netlint::rules
