// NL4106 coredns-autopath-ineffective: `autopath @kubernetes` that cannot work.
#include <fmt/format.h>

#include "rules/coredns/corefile_query.h"
#include "rules/coredns/corefile_walk.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4106",
                               .name = "coredns-autopath-ineffective",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "autopath @kubernetes without pods verified, or behind NodeLocal DNSCache",
                               .doc = R"md(## What it finds
`autopath @kubernetes` in a server block whose `kubernetes` plugin does not use `pods verified`
(or that has no `kubernetes` plugin), or in a cluster where NodeLocal DNSCache is in the view.

## Why is this bad?
autopath answers a pod's first query with the result of its whole search path, which needs to
know the pod's namespace from the query's source IP: the kubernetes plugin only keeps that map
with `pods verified`. Behind NodeLocal DNSCache (or any SNAT) CoreDNS sees the cache's address,
not the pod's. In both cases autopath silently does nothing, and clients keep walking their
search list (the ndots amplification it was meant to remove).

## How to fix
Set `pods verified` in the kubernetes block (it watches all pods: more memory), or remove
`autopath` and lower `ndots` in the pods' `dnsConfig` instead; with NodeLocal DNSCache, remove
`autopath`.

## Known limitations
SNAT in front of CoreDNS other than NodeLocal DNSCache is not detected.
)md"};

class AutopathIneffective final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const bool node_local = view.facts().node_local_dns.usable();
    for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime& runtime) {
      if (source.fragment || runtime.node_local_dns) return;
      out.checking(source.text.anchor());
      for (const Block& b : blocks_of(source)) {
        const corefile::Directive* autopath = find_directive(b.directives, "autopath");
        if (autopath == nullptr || autopath->args.empty() || autopath->args.back().text != "@kubernetes") continue;
        const corefile::Directive* k8s = find_directive(b.directives, "kubernetes");
        const corefile::Directive* pods = k8s != nullptr ? find_directive(k8s->block, "pods") : nullptr;
        const std::string mode = pods != nullptr && !pods->args.empty() ? pods->args[0].text : "disabled";
        if (k8s == nullptr || mode != "verified") {
          diag::Diagnostic& d = out.report(
              range_of(source, autopath->name),
              k8s == nullptr
                  ? std::string(
                        "autopath @kubernetes in a block without the kubernetes plugin: it silently does nothing")
                  : fmt::format(
                        "autopath @kubernetes while the kubernetes plugin uses pods {}: without pods verified it "
                        "cannot tell a client's namespace and silently does nothing",
                        mode));
          if (pods != nullptr) d.related.push_back({range_of(source, pods->name), "the pods mode"});
          d.help = "set `pods verified` in the kubernetes block, or remove autopath";
        } else if (node_local) {
          diag::Diagnostic& d =
              out.report(range_of(source, autopath->name),
                         "autopath @kubernetes behind NodeLocal DNSCache: CoreDNS sees the cache's address instead of "
                         "the pod's, so autopath silently does nothing");
          for (const facts::Evidence& e : view.facts().node_local_dns.evidence) d.related.push_back({e.range, e.what});
          d.help = "remove autopath; lower ndots in the pods' dnsConfig instead";
        }
      }
    });
  }
};

}  // namespace

const engine::Rule* coredns_autopath_ineffective() {
  static const AutopathIneffective rule;
  return &rule;
}

}  // namespace netlint::rules
