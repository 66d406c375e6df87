// NL4112 coredns-reverse-zones-swallowed: the kubernetes plugin serves reverse zones without a
// fallthrough for them.
#include <fmt/format.h>

#include "rules/coredns/corefile_query.h"
#include "rules/coredns/corefile_walk.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4112",
                               .name = "coredns-reverse-zones-swallowed",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "the kubernetes plugin serves reverse zones without a fallthrough for them",
                               .doc = R"md(## What it finds
A `kubernetes` plugin whose zones include reverse zones (`in-addr.arpa`, `ip6.arpa`, a zone
below them, or a CIDR) while its `fallthrough` option is missing or does not cover them.

## Why is this bad?
Without fallthrough, the kubernetes plugin's NXDOMAIN is final for every name in its zones.
For reverse zones that means every PTR lookup of an IP outside the cluster (node IPs, external
peers: what SSH, databases and log pipelines look up) gets NXDOMAIN instead of reaching
`forward`.

## How to fix
Write `fallthrough in-addr.arpa ip6.arpa` in the kubernetes block, as kubeadm does.

## Known limitations
An IPv6 CIDR zone is treated as `ip6.arpa`; IPv4 CIDRs are taken at their last whole octet.
)md"};

class ReverseZonesSwallowed final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime&) {
      out.checking(source.text.anchor());
      for (const Block& b : blocks_of(source)) {
        const corefile::Directive* k8s = find_directive(b.directives, "kubernetes");
        if (k8s == nullptr) continue;
        const corefile::Directive* fallthrough = find_directive(k8s->block, "fallthrough");
        if (fallthrough != nullptr && fallthrough->args.empty()) continue;  // falls through for all zones
        for (const corefile::Token& zone : k8s->args) {
          if (zone.env_placeholder || zone.installer_placeholder) continue;
          const auto reverse = reverse_zone(zone.text);
          if (!reverse) continue;
          bool covered = false;
          if (fallthrough != nullptr) {
            for (const corefile::Token& f : fallthrough->args)
              covered = covered || f.installer_placeholder || in_zone(*reverse, fqdn(f.text));
          }
          if (covered) continue;
          diag::Diagnostic& d = out.report(
              range_of(source, zone),
              fmt::format("the kubernetes plugin serves the reverse zone {} without a fallthrough for it: PTR "
                          "lookups of IPs outside the cluster get NXDOMAIN instead of being forwarded",
                          zone.text));
          if (fallthrough != nullptr)
            d.related.push_back({range_of(source, fallthrough->name), "the fallthrough zones"});
          d.help = "write `fallthrough in-addr.arpa ip6.arpa` in the kubernetes block";
        }
      }
    });
  }
};

}  // namespace

const engine::Rule* coredns_reverse_zones_swallowed() {
  static const ReverseZonesSwallowed rule;
  return &rule;
}

}  // namespace netlint::rules
