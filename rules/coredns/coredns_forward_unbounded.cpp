// NL4107 coredns-forward-unbounded: `forward` without `max_concurrent` in a cluster DNS server
// whose CoreDNS supports it (RULES.md v3: narrowed).
#include <fmt/format.h>

#include <algorithm>

#include "rules/coredns/corefile_query.h"
#include "rules/coredns/corefile_runtime.h"
#include "rules/coredns/plugin_table.h"
#include "rules/coredns/corefile_walk.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4107",
                               .name = "coredns-forward-unbounded",
                               .severity = diag::Severity::kNote,
                               .group = diag::Group::kBestPractice,
                               .summary = "forward without max_concurrent: a slow upstream grows memory without bound",
                               .doc = R"md(## What it finds
A `forward` plugin without `max_concurrent` in a cluster DNS server: a Corefile with the
`kubernetes` plugin, or NodeLocal DNSCache's. One finding per Corefile, on its first such
`forward`, the others related.

## Why is this bad?
Each query in flight to the upstream holds memory (about 2 kB). Without a bound, a slow or
unreachable upstream lets the queue grow until CoreDNS hits its memory limit and is killed,
taking cluster DNS down with it (the CoreDNS OOM pattern). With `max_concurrent`, queries over
the limit get REFUSED at once and CoreDNS stays up. kubeadm sets `max_concurrent 1000` since
Kubernetes 1.19.

## How to fix
Add `max_concurrent 1000` (or a bound that fits the memory limit) to the forward block.

## Known limitations
A CoreDNS that serves something else (a test backend answering a zone of its own) is not cluster
DNS and is left alone. `max_concurrent` exists from CoreDNS 1.7.0 (coredns#3640); an older image
is silent, and so is NodeLocal DNSCache before 1.16.0, which embeds an older CoreDNS.
)md"};

class ForwardUnbounded final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime& runtime) {
      out.checking(source.text.anchor());
      const std::vector<Block> blocks = blocks_of(source);
      if (!cluster_dns(blocks, runtime) || !supports_max_concurrent(runtime)) return;
      std::vector<const corefile::Directive*> unbounded;
      for (const Block& b : blocks) {
        for (const corefile::Directive* f : find_all(b.directives, "forward")) {
          if (find_directive(f->block, "max_concurrent") == nullptr) unbounded.push_back(f);
        }
      }
      if (unbounded.empty()) return;
      const std::string_view server = runtime.node_local_dns ? "NodeLocal DNSCache" : "CoreDNS";
      diag::Diagnostic& d =
          out.report(range_of(source, unbounded.front()->name),
                     fmt::format("forward without max_concurrent: a slow upstream lets queries in flight grow until "
                                 "{} runs out of memory",
                                 server));
      for (std::size_t i = 1; i < unbounded.size(); ++i)
        d.related.push_back({range_of(source, unbounded[i]->name), "another unbounded forward"});
      d.help = "add `max_concurrent 1000` to the forward block";
    });
  }

 private:
  // Cluster DNS: the Corefile serves the cluster's names (`kubernetes`), or NodeLocal DNSCache
  // runs it in front of them. A CoreDNS answering a zone of its own is some app's backend.
  static bool cluster_dns(const std::vector<Block>& blocks, const CorefileRuntime& runtime) {
    if (runtime.node_local_dns) return true;
    return std::any_of(blocks.begin(), blocks.end(),
                       [](const Block& b) { return find_directive(b.directives, "kubernetes") != nullptr; });
  }

  static bool supports_max_concurrent(const CorefileRuntime& runtime) {
    if (runtime.node_local_dns)
      return !runtime.node_cache_version || !(*runtime.node_cache_version < kNodeCacheWithMaxConcurrent);
    const PluginSpec* forward = find_plugin("forward");
    const OptionSpec* option = forward != nullptr ? find_option(*forward, "max_concurrent") : nullptr;
    return option == nullptr || status_at(option->life, runtime.version) == Status::kCurrent;
  }

  // k8s-dns-node-cache 1.16.0 is the first built on a CoreDNS with forward's max_concurrent.
  static inline const facts::Version kNodeCacheWithMaxConcurrent = *facts::parse_version("1.16.0");
};

}  // namespace

const engine::Rule* coredns_forward_unbounded() {
  static const ForwardUnbounded rule;
  return &rule;
}

}  // namespace netlint::rules
