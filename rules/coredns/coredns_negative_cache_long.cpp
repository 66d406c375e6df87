// NL4105 coredns-negative-cache-long: NXDOMAIN answers for the cluster zone cached longer than
// the bound.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "analyzer/util/go_values.h"
#include "rules/coredns/corefile_query.h"
#include "rules/coredns/corefile_walk.h"
#include "rules/coredns/plugin_table.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4105",
                               .name = "coredns-negative-cache-long",
                               .severity = diag::Severity::kNote,
                               .group = diag::Group::kBestPractice,
                               .summary = "negative answers for the cluster zone cached longer than 10 s",
                               .doc = R"md(## What it finds
A server block with `cache` in front of the `kubernetes` plugin where negative answers for the
cluster zone are cached for more than 10 seconds. The time is the kubernetes plugin's `ttl`
(default 5 s: its negative answers carry it), raised to the cache's minimum denial TTL
(default 5 s) and capped by the cache's maximum (`cache TTL`, `denial CAP TTL`; default
1800 s). Silent when the cache leaves the cluster zone out (`disable denial <zone>`, cache
zones that do not cover it).

## Why is this bad?
A name looked up before its Service exists (a client starting before its backend, a Service
recreated during a deploy) stays NXDOMAIN for that long after the Service appears.

## How to fix
Add `disable denial cluster.local` (and `disable success cluster.local`) to the cache block,
as kubeadm does since v1.32, or lower the kubernetes `ttl` or the cache TTL to 10 s or less.

## Known limitations
The bound is fixed at 10 s.
)md"};

constexpr long kBoundSeconds = 10;
constexpr long kDefaultKubernetesTtl = 5;
constexpr long kDefaultDenialMax = 1800;
constexpr long kDefaultMinTtl = 5;

// CoreDNS reads TTLs with strconv.Atoi.
std::optional<long> number(const corefile::Token& t) {
  const std::optional<std::int64_t> v = go_atoi(t.text);
  if (!v) return std::nullopt;
  return static_cast<long>(*v);
}

class NegativeCacheLong final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime& runtime) {
      // RULES.md v3: silent when the CoreDNS in use lacks `cache { disable denial }`, which the
      // help recommends (1.9.4 and later).
      if (!option_available("cache", "disable", runtime.version)) return;
      out.checking(source.text.anchor());
      for (const Block& b : blocks_of(source)) {
        const corefile::Directive* cache = find_directive(b.directives, "cache");
        const corefile::Directive* k8s = find_directive(b.directives, "kubernetes");
        if (cache == nullptr || k8s == nullptr) continue;
        check_block(source, *cache, *k8s, out);
      }
    });
  }

 private:
  static void check_block(const model::CorefileSource& source, const corefile::Directive& cache,
                          const corefile::Directive& k8s, engine::Sink& out) {
    // The cluster zone: the kubernetes plugin's first zone that is not a reverse zone.
    std::string zone;
    for (const corefile::Token& z : k8s.args) {
      if (z.env_placeholder || z.installer_placeholder) return;
      if (!reverse_zone(z.text)) {
        zone = fqdn(z.text);
        break;
      }
    }
    if (zone.empty()) return;
    // Cache zones (after an optional TTL) must cover it.
    std::size_t first_zone = 0;
    std::optional<long> cache_ttl;
    const corefile::Token* cap_token = &cache.name;
    if (!cache.args.empty()) {
      if ((cache_ttl = number(cache.args[0]))) {
        first_zone = 1;
        cap_token = &cache.args[0];
      }
    }
    if (first_zone < cache.args.size()) {
      bool covered = false;
      for (std::size_t i = first_zone; i < cache.args.size(); ++i)
        covered = covered || in_zone(zone, fqdn(cache.args[i].text));
      if (!covered) return;
    }
    for (const corefile::Directive* disable : find_all(cache.block, "disable")) {
      if (disable->args.empty() || disable->args[0].text != "denial") continue;
      if (disable->args.size() == 1) return;
      for (std::size_t i = 1; i < disable->args.size(); ++i) {
        if (disable->args[i].installer_placeholder || in_zone(zone, fqdn(disable->args[i].text))) return;
      }
    }
    long cap = cache_ttl.value_or(kDefaultDenialMax);
    long min_ttl = kDefaultMinTtl;
    const corefile::Token* min_token = nullptr;
    if (const corefile::Directive* denial = find_directive(cache.block, "denial")) {
      if (denial->args.size() >= 2) {
        if (auto v = number(denial->args[1])) {
          cap = *v;
          cap_token = &denial->args[1];
        }
      }
      if (denial->args.size() >= 3) {
        if (auto v = number(denial->args[2])) {
          min_ttl = *v;
          min_token = &denial->args[2];
        }
      }
    }
    const corefile::Directive* ttl_option = find_directive(k8s.block, "ttl");
    const long k8s_ttl = int_option(k8s, "ttl").value_or(kDefaultKubernetesTtl);
    const long cached = std::min(std::max(k8s_ttl, min_ttl), cap);
    if (cached <= kBoundSeconds) return;
    // The value to edit: the cache's minimum when it raised the time, else its maximum.
    const corefile::Token* anchor = min_token != nullptr && min_ttl > k8s_ttl ? min_token : cap_token;
    diag::Diagnostic& d = out.report(
        range_of(source, *anchor),
        fmt::format("NXDOMAIN answers for {} are cached for {} s (kubernetes ttl {}{}, cache minimum {} s, maximum {} "
                    "s), longer than {} s: a Service "
                    "created or recovered meanwhile stays unresolvable that long",
                    zone, cached, k8s_ttl, ttl_option == nullptr ? " (default)" : "", min_ttl, cap, kBoundSeconds));
    if (ttl_option != nullptr) d.related.push_back({range_of(source, ttl_option->name), "the kubernetes ttl"});
    d.help = fmt::format("add `disable denial {}` to the cache block, or lower the TTL to {} s or less",
                         zone.substr(0, zone.size() - 1), kBoundSeconds);
  }
};

}  // namespace

const engine::Rule* coredns_negative_cache_long() {
  static const NegativeCacheLong rule;
  return &rule;
}

}  // namespace netlint::rules
