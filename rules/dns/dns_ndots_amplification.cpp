// NL4001 dns-ndots-amplification: a pod resolves external names through the whole search list
// first (knowledge/domain.md section 5, "Query amplification"): with S search domains a name
// with fewer dots than ndots costs 2 x (S + 1) queries (A and AAAA) instead of 2.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "analyzer/engine/rule.h"
#include "analyzer/index/pod_dns.h"
#include "analyzer/index/reference_index.h"
#include "rules/dns/dns_support.h"

namespace netlint::rules {
namespace {

constexpr int kDefaultClusterNdots = 5;

constexpr diag::RuleInfo kInfo{.code = "NL4001",
                               .name = "dns-ndots-amplification",
                               .severity = diag::Severity::kNote,
                               .group = diag::Group::kPerf,
                               .summary = "a pod resolves external names through every search domain first",
                               .doc = R"md(## What it finds
A pod that resolves through cluster DNS with the default `ndots: 5` and names an external
host (under a public suffix) with fewer dots than that and no trailing dot, where the pod is a
client of it: an env value (also from a ConfigMap key), a flag value, or a `sh -c` body that ends
by `exec`-ing the long-running program. One finding per workload, on the first
such host; the others are related locations. The message gives the cost: with S search
domains (`<ns>.svc.<domain> svc.<domain> <domain>`, the node's, `dnsConfig.searches`) each
lookup tries S wrong names before the real one, A and AAAA each: 2 x (S + 1) queries instead
of 2 ("at least" while the node's search domains are not configured in `.netlint.yaml`).

Not reported: files embedded in ConfigMaps (ini, JSON, YAML, dashboards), other `sh -c` bodies
(one-shot startup work such as a `git clone`), a value that follows an in-cluster endpoint under
the same flag or variable (a fallback: Prow's `--github-endpoint=https://api.github.com` after
`--github-endpoint=http://ghproxy`), keys naming webhooks, update checks, telemetry, analytics,
docs or links, variables that name the app's own public URL (`*ROOT_URL`, `*PUBLIC_URL`,
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

int dots(std::string_view host) {
  return static_cast<int>(std::count(host.begin(), host.end(), '.'));
}

// Keys and flags that name links, UIs, webhooks, telemetry or update checks: the pod shows or
// posts to them rarely, if ever (RULES.md NL4001, v3). Matched on `_`/`-` separated segments.
bool names_rare_endpoint(std::string_view name) {
  std::string upper;
  for (char c : name)
    upper += c == '-' || c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (std::size_t begin = 0; begin <= upper.size();) {
    const std::size_t end = std::min(upper.find('_', begin), upper.size());
    const std::string_view segment = std::string_view(upper).substr(begin, end - begin);
    for (std::string_view word : {"WEBHOOK", "UPDATE", "TELEMETRY", "ANALYTICS", "DOCS", "LINK"}) {
      if (segment.starts_with(word)) return true;
    }
    begin = end + 1;
  }
  return false;
}

// `sh -c BODY` (bash, ash, dash too): the body runs once at start unless it ends by handing the
// process over with `exec PROGRAM`, so the names it resolves are one-shot startup work.
bool one_shot_shell(const model::Container& c) {
  std::vector<const model::Text*> words;
  for (const model::Text& w : c.command) words.push_back(&w);
  for (const model::Text& w : c.args) words.push_back(&w);
  if (words.size() < 3) return false;
  const std::string_view command = words[0]->value;
  const std::string_view program = command.substr(command.rfind('/') + 1);
  if (program != "sh" && program != "bash" && program != "ash" && program != "dash") return false;
  if (words[1]->value != "-c" && words[1]->value != "-ec" && words[1]->value != "-ce") return false;
  // The last statement of the body: after the last newline, `;` or `&&`.
  std::string_view body = words[2]->value;
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ' || body.back() == ';')) body.remove_suffix(1);
  std::size_t cut = 0;
  for (std::string_view sep : {"\n", ";", "&&"}) {
    const std::size_t at = body.rfind(sep);
    if (at != std::string_view::npos) cut = std::max(cut, at + sep.size());
  }
  std::string_view last = body.substr(cut);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  return !last.starts_with("exec ");
}

// Which of a pod's external names are client endpoints it resolves over and over (RULES.md
// NL4001 v3): not files embedded in ConfigMaps (configs, dashboards), not one-shot shell bodies,
// not a value after an in-cluster endpoint under the same flag or variable (a fallback, as Prow's
// repeated --github-endpoint after http://ghproxy), not links, UIs, webhooks or update checks.
std::vector<const index::Reference*> client_endpoints(const index::PodReferences& pod_refs) {
  std::vector<const index::Reference*> out;
  std::set<std::tuple<std::uint32_t, index::ReferenceOrigin, std::string, std::string>> after_cluster;
  for (const index::Reference& ref : pod_refs.references) {
    const auto key = std::tuple{ref.container, ref.origin, ref.name, ref.variable};
    const bool in_cluster = ref.kind == index::HostKind::kServiceShort ||
                            ref.kind == index::HostKind::kServiceNamespace ||
                            ref.kind == index::HostKind::kServiceSvc || ref.kind == index::HostKind::kServiceFqdn ||
                            ref.kind == index::HostKind::kPodName;
    if (in_cluster && (!ref.name.empty() || !ref.variable.empty())) after_cluster.insert(key);
    if (ref.kind != index::HostKind::kExternal) continue;
    if (ref.origin == index::ReferenceOrigin::kConfigMapFile) continue;
    if (after_cluster.count(key) != 0) continue;
    if (names_rare_endpoint(ref.variable) || names_rare_endpoint(ref.name)) continue;
    if ((ref.origin == index::ReferenceOrigin::kArg || ref.origin == index::ReferenceOrigin::kCommand) &&
        ref.container < pod_refs.pod->containers.size() && one_shot_shell(pod_refs.pod->containers[ref.container])) {
      continue;
    }
    out.push_back(&ref);
  }
  return out;
}

// RULES.md NL4001 help: ndots = 1 + the most dots among the pod's in-cluster names that are not
// fully qualified (at least 2), so that those still go through the search list; an external host
// with fewer dots than that can only skip the search with a trailing dot.
std::string ndots_help(const index::PodReferences& pod_refs, const index::Reference& external) {
  int deepest = 0;
  const index::Reference* deepest_name = nullptr;
  for (const index::Reference& ref : pod_refs.references) {
    const bool searched = ref.kind == index::HostKind::kServiceShort ||
                          ref.kind == index::HostKind::kServiceNamespace || ref.kind == index::HostKind::kServiceSvc ||
                          (ref.kind == index::HostKind::kPodName && ref.domain.empty());
    if (!searched || ref.trailing_dot) continue;
    if (const int d = dots(ref.host); deepest_name == nullptr || d > deepest) {
      deepest = d;
      deepest_name = &ref;
    }
  }
  const int ndots = std::max(2, deepest + 1);
  const std::string why =
      deepest_name == nullptr || deepest + 1 < 2
          ? ""
          : fmt::format(" (1 + the {} dot{} of its in-cluster name {}, which must still be searched)", deepest,
                        deepest == 1 ? "" : "s", deepest_name->host);
  if (dots(external.host) < ndots) {
    return fmt::format(
        "lower ndots for the pod: dnsConfig.options [{{name: ndots, value: \"{}\"}}]{}; {} has fewer dots and is "
        "still searched then: a trailing dot ({}.) avoids it where the client accepts one (not in HTTP URLs)",
        ndots, why, external.host, external.host);
  }
  return fmt::format(
      "lower ndots for the pod: dnsConfig.options [{{name: ndots, value: \"{}\"}}]{}; a trailing dot ({}.) only for "
      "non-HTTP targets",
      ndots, why, external.host);
}

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
      for (const index::Reference* ref : client_endpoints(pod_refs)) {
        if (ref->trailing_dot || dots(ref->host) >= dns.ndots) continue;
        if (dns::is_reserved_example(ref->host) || dns::names_own_public_url(*ref)) continue;
        amplified.push_back(ref);
      }
      if (amplified.empty()) continue;
      out.checking(pod.meta.object_range);
      const index::Reference& first = *amplified.front();
      const std::size_t s = dns.searches.size();
      const int d = dots(first.host);
      diag::Diagnostic& diagnostic = out.report(
          first.range,
          fmt::format(
              "{} has {} dot{} < ndots {}: each lookup tries {}.{}{} before the real name: {}{} queries instead of 2",
              first.host, d, d == 1 ? "" : "s", dns.ndots, first.host, dns.searches.front(), s > 1 ? ", ..." : "",
              node_searches_known ? "" : "at least ", 2 * (s + 1)));
      diagnostic.help = ndots_help(pod_refs, first);
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
