// NL4108 coredns-lameduck-missing: `health` without `lameduck`.
#include <fmt/format.h>

#include "rules/coredns/corefile_query.h"
#include "rules/coredns/corefile_walk.h"
#include "rules/coredns/plugin_table.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4108",
                               .name = "coredns-lameduck-missing",
                               .severity = diag::Severity::kNote,
                               .group = diag::Group::kBestPractice,
                               .summary = "health without lameduck: queries are dropped during rollouts",
                               .doc = R"md(## What it finds
The `health` plugin without a `lameduck` duration in the cluster's CoreDNS Corefile (not in
NodeLocal DNSCache's, which is not behind a Service).

## Why is this bad?
On SIGTERM CoreDNS stops at once, while the kube-dns Service still sends it queries until the
endpoint update reaches every node: those queries time out during each rollout or scale-down.
With `lameduck`, CoreDNS keeps answering for that long while `ready` reports not-ready.

## How to fix
Write `health { lameduck 5s }` (kubeadm's default since Kubernetes 1.17).

## Known limitations
None known.
)md"};

class LameduckMissing final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime& runtime) {
      if (runtime.node_local_dns) return;
      // RULES.md v3: silent when the CoreDNS in use lacks the option the help recommends.
      if (!option_available("health", "lameduck", runtime.version)) return;
      out.checking(source.text.anchor());
      for (const Block& b : blocks_of(source)) {
        for (const corefile::Directive* h : find_all(b.directives, "health")) {
          if (find_directive(h->block, "lameduck") != nullptr) continue;
          diag::Diagnostic& d =
              out.report(range_of(source, h->name),
                         "health without lameduck: CoreDNS stops at once on shutdown and the queries still sent to "
                         "it during a rollout are dropped");
          d.help = "write `health { lameduck 5s }`";
        }
      }
    });
  }
};

}  // namespace

const engine::Rule* coredns_lameduck_missing() {
  static const LameduckMissing rule;
  return &rule;
}

}  // namespace netlint::rules
