// NL5002 kube-proxy-iptables-at-scale: iptables mode while the configured cluster scale is beyond
// what the mode handles well.
#include <fmt/format.h>

#include "analyzer/engine/rule.h"
#include "rules/kube_proxy/kube_proxy_config.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL5002",
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

constexpr int kIptablesServiceBound = 5000;

class KubeProxyIptablesAtScale final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const auto& scale = view.facts().scale_services;
    if (!scale.usable() || scale.value <= kIptablesServiceBound) return;
    for (const model::ConfigDocument* config : kube_proxy::configs(view)) {
      const model::Setting* mode = kube_proxy::mode_of(*config);
      if (mode != nullptr && (mode->placeholder || (!mode->value.value.empty() && mode->value.value != "iptables")))
        continue;
      out.checking(config->anchor);
      diag::Diagnostic& d =
          out.report(mode != nullptr ? mode->value.range : config->anchor,
                     fmt::format("kube-proxy runs in iptables mode{} while the cluster has {} Services (.netlint.yaml "
                                 "scale.services), above "
                                 "{}: rule syncs slow down and endpoint changes reach nodes late",
                                 mode != nullptr ? "" : " (the default)", scale.value, kIptablesServiceBound));
      d.help = "use mode: nftables (Kubernetes 1.31 or later)";
      if (scale.config_key.valid()) d.related.push_back({scale.config_key, "the configured scale"});
    }
  }
};

}  // namespace

const engine::Rule* kube_proxy_iptables_at_scale() {
  static const KubeProxyIptablesAtScale rule;
  return &rule;
}

}  // namespace netlint::rules
