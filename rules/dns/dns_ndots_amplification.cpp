// NL4001 dns-ndots-amplification: a pod resolves external names through the whole search list
// first (knowledge/domain.md section 5, "Query amplification"): with S search domains a name
// with fewer dots than ndots costs 2 x (S + 1) queries (A and AAAA) instead of 2.
#include <fmt/format.h>

#include <algorithm>

#include "rules/dns/dns_support.h"
#include "rules/rule_factories.h"

namespace netlint::rules {
namespace {

constexpr int kDefaultClusterNdots = 5;

constexpr diag::RuleInfo kInfo{
    .code = "NL4001",
    .name = "dns-ndots-amplification",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kPerf,
    .summary = "a pod resolves external names through every search domain first",
    .doc = R"md(## What it finds
A pod that resolves through cluster DNS with the default `ndots: 5` and names an external
host (under a public suffix) with fewer dots than that and no trailing dot, in an env value,
an argument, the command or a mounted ConfigMap file. One finding per workload, on the first
such host; the others are related locations. The message gives the cost: with S search
domains (`<ns>.svc.<domain> svc.<domain> <domain>`, the node's, `dnsConfig.searches`) each
lookup tries S wrong names before the real one, A and AAAA each: 2 x (S + 1) queries instead
of 2 ("at least" while the node's search domains are not configured in `.netlint.yaml`).

Not reported: variables that name the app's own public URL (`*ROOT_URL`, `*PUBLIC_URL`,
`*BASE_URL`, `*EXTERNAL_URL`, `*REDIRECT_URI*`, `*ORIGIN*`), documentation names
(`example.com`, `.test`), pods whose `ndots` is already lowered, and views whose CoreDNS runs
`autopath @kubernetes` with `pods verified` (and no NodeLocal DNSCache in front), which
answers the first search query with the real name.

## Why is this bad?
Every connection to `api.stripe.com` from a pod in `production` first asks cluster DNS for
`api.stripe.com.production.svc.cluster.local`, `api.stripe.com.svc.cluster.local` and
`api.stripe.com.cluster.local`, each answered NXDOMAIN, before the real name: 4 times the load
on CoreDNS and the upstream, added latency on every uncached lookup, and a common cause of
CoreDNS overload and conntrack races on UDP.

## How to fix
Lower `ndots` for the pod, so names with dots are tried as written first:

```yaml
dnsConfig:
  options:
    - {name: ndots, value: "2"}
```

or write the name with a trailing dot (`api.stripe.com.`) where the client allows it; for
HTTP and TLS targets a trailing dot changes the `Host` header and certificate checks, so prefer
`ndots` there.

## Known limitations
Only names the reference extractor is sure of count (URLs, `host:port` words, hosts under
address-like variables); names built at run time are not seen. Which names the app actually
resolves is not known: a URL it only displays counts too. The node's search domains are only
known when configured (`cluster.nodeSearchDomains`).
)md"};

int dots(std::string_view host) { return static_cast<int>(std::count(host.begin(), host.end(), '.')); }

class DnsNdotsAmplification final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    if (dns::autopath_effective(view)) return;
    const bool node_searches_known = view.facts().node_search_domains.configured();
    for (const index::PodReferences& pod_refs : view.references().by_pod()) {
      const model::PodSource& pod = *pod_refs.pod;
      if (pod.synthetic) continue;
      const index::PodDns dns = index::pod_dns(pod, view.dns_facts());
      // Only the cluster default ndots (or a raised one) amplifies: a lowered ndots is the fix.
      if (!dns.cluster_dns || dns.ndots < kDefaultClusterNdots || dns.searches.empty()) continue;
      std::vector<const index::Reference*> amplified;
      for (const index::Reference& ref : pod_refs.references) {
        if (ref.kind != index::HostKind::kExternal || ref.trailing_dot || dots(ref.host) >= dns.ndots) continue;
        if (dns::is_reserved_example(ref.host) || dns::names_own_public_url(ref)) continue;
        amplified.push_back(&ref);
      }
      if (amplified.empty()) continue;
      out.checking(pod.meta.object_range);
      const index::Reference& first = *amplified.front();
      const std::size_t s = dns.searches.size();
      const int d = dots(first.host);
      diag::Diagnostic& diagnostic = out.report(
          first.range,
          fmt::format("{} has {} dot{} < ndots {}: each lookup tries {}.{}{} before the real name: {}{} queries instead of 2",
                      first.host, d, d == 1 ? "" : "s", dns.ndots, first.host, dns.searches.front(), s > 1 ? ", ..." : "",
                      node_searches_known ? "" : "at least ", 2 * (s + 1)));
      diagnostic.help = "lower ndots for the pod: dnsConfig.options [{name: ndots, value: \"2\"}]; a trailing dot "
                        "(api.example.com.) only for non-HTTP targets";
      for (std::size_t i = 1; i < amplified.size(); ++i) {
        const index::Reference& other = *amplified[i];
        if (other.range == first.range && other.host == first.host) continue;
        diagnostic.related.push_back({other.range, fmt::format("{} is searched the same way", other.host)});
      }
    }
  }
};

}  // namespace

const engine::Rule* dns_ndots_amplification() {
  static const DnsNdotsAmplification rule;
  return &rule;
}

}  // namespace netlint::rules
