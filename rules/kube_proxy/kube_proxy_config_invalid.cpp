// NL5001 kube-proxy-config-invalid: values kube-proxy refuses at startup.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "analyzer/facts/version.h"
#include "analyzer/util/go_values.h"
#include "rules/kube_proxy/kube_proxy_config.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL5001",
                               .name = "kube-proxy-config-invalid",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a KubeProxyConfiguration value kube-proxy refuses at startup",
                               .doc = R"md(## What it finds
Values of the KubeProxyConfiguration that make kube-proxy exit at startup:
- an unsupported `mode`: `userspace` was removed in Kubernetes 1.26; `nftables` exists from 1.29;
  the Linux modes are `iptables` (the default), `ipvs` and `nftables`, Windows' is `kernelspace`;
- `detectLocalMode` other than ClusterCIDR, NodeCIDR, BridgeInterface, InterfaceNamePrefix;
- `oomScoreAdj` outside -1000..1000, a `masqueradeBit` outside 0..31;
- a sync period that is not a positive duration, or a `minSyncPeriod` above `syncPeriod`;
- a negative conntrack `maxPerCore` or `min`.

## Why is this bad?
kube-proxy exits on every node: Services stop being programmed, and new pods cannot reach any
ClusterIP or NodePort.

## How to fix
Use a supported mode (`nftables` replaces `ipvs` and the removed `userspace`) and values in
range.

## Known limitations
Only the checks listed are made; the KubeProxyConfiguration validation has more.
)md"};

constexpr std::array<std::string_view, 4> kDetectLocalModes = {"ClusterCIDR", "NodeCIDR", "BridgeInterface",
                                                               "InterfaceNamePrefix"};

class KubeProxyConfigInvalid final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const facts::Version k8s = facts::kubernetes_version(view.facts());
    for (const model::ConfigDocument* config : kube_proxy::configs(view)) {
      out.checking(config->anchor);
      check_mode(*config, k8s, out);
      const model::Settings& s = config->settings;
      if (const model::Setting* d = s.find("detectLocalMode");
          d != nullptr && !d->placeholder && !d->value.value.empty() &&
          std::find(kDetectLocalModes.begin(), kDetectLocalModes.end(), d->value.value) == kDetectLocalModes.end()) {
        report(out, *d,
               fmt::format(
                   "detectLocalMode \"{}\" is not one of ClusterCIDR, NodeCIDR, BridgeInterface, InterfaceNamePrefix",
                   d->value.value));
      }
      range(out, s.find("oomScoreAdj"), -1000, 1000);
      range(out, s.find("iptables.masqueradeBit"), 0, 31);
      range(out, s.find("nftables.masqueradeBit"), 0, 31);
      range(out, s.find("conntrack.maxPerCore"), 0, INT32_MAX);
      range(out, s.find("conntrack.min"), 0, INT32_MAX);
      for (std::string_view mode : {"iptables", "ipvs", "nftables"}) check_sync(out, s, mode);
    }
  }

 private:
  static void report(engine::Sink& out, const model::Setting& s, std::string what) {
    out.report(s.value.range, what + ": kube-proxy exits at startup").help = "use a value kube-proxy accepts";
  }

  static void check_mode(const model::ConfigDocument& config, const facts::Version& k8s, engine::Sink& out) {
    const model::Setting* mode = kube_proxy::mode_of(config);
    if (mode == nullptr || mode->placeholder) return;
    const std::string& m = mode->value.value;
    if (m.empty() || m == "iptables" || m == "ipvs" || m == "kernelspace") return;
    if (m == "nftables") {
      if (k8s >= facts::Version{1, 29, 0}) return;
      out.report(mode->value.range,
                 fmt::format("mode nftables does not exist in Kubernetes {}.{} (it arrived in 1.29): kube-proxy exits "
                             "at startup",
                             k8s.major, k8s.minor))
          .help = "use iptables, or upgrade to Kubernetes 1.29 or later";
      return;
    }
    if (m == "userspace") {
      out.report(mode->value.range, "mode userspace was removed in Kubernetes 1.26: kube-proxy exits at startup").help =
          "use iptables or nftables";
      return;
    }
    out.report(mode->value.range,
               fmt::format("mode \"{}\" is not a kube-proxy mode (iptables, ipvs, nftables; kernelspace on Windows): "
                           "kube-proxy exits at startup",
                           m))
        .help = "use iptables (the default) or nftables";
  }

  static void range(engine::Sink& out, const model::Setting* s, std::int64_t low, std::int64_t high) {
    if (s == nullptr || s->placeholder) return;
    // Not a whole number (std::stoll read "12abc" as 12): the decoder's error, not a range.
    const std::optional<std::int64_t> parsed = go_atoi(s->value.value);
    if (!parsed) return;
    const std::int64_t n = *parsed;
    if (n >= low && n <= high) return;
    const std::string bounds = high == INT32_MAX ? fmt::format("at least {}", low) : fmt::format("{}..{}", low, high);
    report(out, *s, fmt::format("{} {} is outside {}", s->path, n, bounds));
  }

  static void check_sync(engine::Sink& out, const model::Settings& s, std::string_view mode) {
    const model::Setting* sync = s.find(std::string(mode) + ".syncPeriod");
    const model::Setting* min_sync = s.find(std::string(mode) + ".minSyncPeriod");
    std::optional<double> sync_ms = 30000;
    if (sync != nullptr && !sync->placeholder) {
      sync_ms = kube_proxy::duration_ms(sync->value.value);
      if (!sync_ms || *sync_ms <= 0) {
        report(out, *sync, fmt::format("{} \"{}\" is not a positive duration", sync->path, sync->value.value));
        return;
      }
    }
    if (min_sync == nullptr || min_sync->placeholder) return;
    const auto min_ms = kube_proxy::duration_ms(min_sync->value.value);
    if (!min_ms || *min_ms < 0) {
      report(out, *min_sync, fmt::format("{} \"{}\" is not a duration", min_sync->path, min_sync->value.value));
    } else if (*min_ms > *sync_ms) {
      report(out, *min_sync,
             fmt::format("{} {} is longer than syncPeriod {}", min_sync->path, min_sync->value.value,
                         sync != nullptr ? sync->value.value : std::string("30s (the default)")));
    }
  }
};

}  // namespace

const engine::Rule* kube_proxy_config_invalid() {
  static const KubeProxyConfigInvalid rule;
  return &rule;
}

}  // namespace netlint::rules
