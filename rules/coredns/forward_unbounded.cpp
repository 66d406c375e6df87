// NL4107 coredns-forward-unbounded: `forward` without `max_concurrent`.
#include <fmt/format.h>

#include "rules/coredns/corefile_query.h"
#include "rules/coredns/corefile_walk.h"
#include "rules/rule_factories.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{
    .code = "NL4107",
    .name = "coredns-forward-unbounded",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kBestPractice,
    .summary = "forward without max_concurrent: a slow upstream grows memory without bound",
    .doc = R"md(## What it finds
A `forward` plugin without `max_concurrent` in its block.

## Why is this bad?
Each query in flight to the upstream holds memory (about 2 kB). Without a bound, a slow or
unreachable upstream lets the queue grow until CoreDNS hits its memory limit and is killed,
taking cluster DNS down with it (the CoreDNS OOM pattern). With `max_concurrent`, queries over
the limit get REFUSED at once and CoreDNS stays up. kubeadm sets `max_concurrent 1000` since
Kubernetes 1.19.

## How to fix
Add `max_concurrent 1000` (or a bound that fits the memory limit) to the forward block.

## Known limitations
None known. NodeLocal DNSCache runs the same forward plugin and is reported too.
)md"};

class ForwardUnbounded final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime& runtime) {
      const std::string_view server = runtime.node_local_dns ? "NodeLocal DNSCache" : "CoreDNS";
      out.checking(source.text.anchor());
      for (const Block& b : blocks_of(source)) {
        for (const corefile::Directive* f : find_all(b.directives, "forward")) {
          if (find_directive(f->block, "max_concurrent") != nullptr) continue;
          diag::Diagnostic& d = out.report(range_of(source, f->name),
                                           fmt::format("forward without max_concurrent: a slow upstream lets queries in flight grow until "
                                                       "{} runs out of memory",
                                                       server));
          d.help = "add `max_concurrent 1000` to the forward block";
        }
      }
    });
  }
};

}  // namespace

const engine::Rule* coredns_forward_unbounded() {
  static const ForwardUnbounded rule;
  return &rule;
}

}  // namespace netlint::rules
