// NL5004 kube-proxy-replacement-conflict: Cilium's kube-proxy replacement (cilium-config
// `kube-proxy-replacement`) beside a kube-proxy DaemonSet, or with a legacy value.
#include <fmt/format.h>

#include "analyzer/engine/rule.h"
#include "rules/kube_proxy/cilium_kpr_support.h"
#include "rules/kube_proxy/kube_proxy_config.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
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

class KubeProxyReplacementConflict final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const Kpr kpr = find_kpr(view);
    if (kpr.entry == nullptr) return;
    out.checking(kpr.config_map->meta.object_range);
    const std::string& value = kpr.entry->value.value;
    if (value != "true" && value != "false") {
      out.report(kpr.entry->value.range, fmt::format("kube-proxy-replacement \"{}\" is a legacy value: Cilium 1.15 and "
                                                     "later read only true or false, so the "
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
      d.help =
          "remove the kube-proxy DaemonSet (install with --skip-phases=addon/kube-proxy), or set "
          "kube-proxy-replacement: \"false\"";
      d.related.push_back({kube_proxy->meta.name.range, kube_proxy->meta.display()});
    }
  }
};

}  // namespace

const engine::Rule* kube_proxy_replacement_conflict() {
  static const KubeProxyReplacementConflict rule;
  return &rule;
}

}  // namespace netlint::rules
