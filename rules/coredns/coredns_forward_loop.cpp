// NL4104 coredns-forward-loop: `forward` to a resolv.conf file or a loopback address in a
// block without `loop`.
#include <fmt/format.h>

#include "rules/coredns/corefile_query.h"
#include "rules/coredns/corefile_walk.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4104",
                               .name = "coredns-forward-loop",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "forward to /etc/resolv.conf or a loopback address in a block without loop",
                               .doc = R"md(## What it finds
A `forward` plugin whose upstreams include a resolv.conf-style file (`/etc/resolv.conf`) or a
loopback address (`127.0.0.0/8`, `::1`, `localhost`) in a server block without the `loop`
plugin. The message names the CoreDNS pods' `dnsPolicy` when the pods that mount the Corefile
are in the view.

## Why is this bad?
When that resolver leads back to CoreDNS, every query circles until CoreDNS runs out of
memory. Under `dnsPolicy: Default` (kubeadm's) `/etc/resolv.conf` is the node's, which on
systemd-resolved nodes lists `127.0.0.53`: inside the pod that is the pod's own loopback.
Under `ClusterFirst` it lists the cluster DNS, which is CoreDNS itself. The `loop` plugin
detects such a loop at startup and makes CoreDNS exit, so the pods crash-loop visibly instead.

## How to fix
Add `loop` to the block. Then fix the loop itself: point the kubelet's `resolvConf` at
`/run/systemd/resolve/resolv.conf`, or forward to explicit upstream addresses.

## Known limitations
Whether the node's resolv.conf really leads back is not known from manifests; the rule reports
the missing guard.
)md"};

class ForwardLoop final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime& runtime) {
      if (source.fragment) return;  // imported into a block the fragment does not show
      out.checking(source.text.anchor());
      for (const Block& b : blocks_of(source)) {
        if (find_directive(b.directives, "loop") != nullptr) continue;
        for (const corefile::Directive* f : find_all(b.directives, "forward")) {
          for (std::size_t i = 1; i < f->args.size(); ++i) {
            const corefile::Token& to = f->args[i];
            if (to.env_placeholder || to.installer_placeholder) continue;
            const bool file = to.text.starts_with("/");
            if (!file && !is_loopback_upstream(to.text)) continue;
            diag::Diagnostic& d = out.report(
                range_of(source, to),
                fmt::format("forward to {} in a block without loop: if that resolver leads back to CoreDNS, queries "
                            "circle until CoreDNS runs out of memory{}",
                            to.text, file ? policy_note(runtime) : ""));
            d.help = "add `loop` to the block, and forward to explicit upstream addresses";
          }
        }
      }
    });
  }

 private:
  static std::string policy_note(const CorefileRuntime& runtime) {
    if (runtime.pods.empty()) return "";
    const model::PodSource& pod = *runtime.pods.front();
    const std::string& policy = pod.dns_policy.value;
    if (policy == "Default") {
      return fmt::format(
          " ({} uses dnsPolicy Default: the file is the node's, which lists 127.0.0.53 on systemd-resolved nodes)",
          pod.meta.display());
    }
    if ((policy == "ClusterFirst" && !pod.host_network.value) || policy == "ClusterFirstWithHostNet") {
      return fmt::format(" ({} uses dnsPolicy {}: the file lists the cluster DNS, which is CoreDNS itself)",
                         pod.meta.display(), policy);
    }
    return "";
  }
};

}  // namespace

const engine::Rule* coredns_forward_loop() {
  static const ForwardLoop rule;
  return &rule;
}

}  // namespace netlint::rules
