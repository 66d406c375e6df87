// NL4006 dns-config-truncated: the resolv.conf the kubelet writes, or the resolver's reading of
// it, silently differs from what the manifest asks for (knowledge/domain.md section 5: the
// kubelet cuts nameservers to 3 and searches to 32; glibc caps ndots at 15 and reads a value
// that is not a number as 0).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "analyzer/engine/rule.h"
#include "analyzer/index/pod_dns.h"
#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"

namespace netlint::rules {
namespace {

constexpr std::size_t kMaxNameservers = 3;
constexpr std::size_t kMaxSearches = 32;
constexpr int kNdotsCap = 15;

constexpr diag::RuleInfo kInfo{
    .code = "NL4006",
    .name = "dns-config-truncated",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kSuspicious,
    .summary = "a pod's resolver config that the kubelet or the resolver silently cuts or alters",
    .doc = R"md(## What it finds
A pod template whose `dnsConfig` the API server accepts, but whose effective resolver
configuration differs from what it says:

- more than 3 nameservers after the kubelet puts the cluster DNS addresses (`ClusterFirst`;
  every entry of the kubelet's `clusterDNS`, e.g. one per family on dual-stack nodes) before
  the `dnsConfig` ones: only the first 3 are written;
- more than 32 search domains after the kubelet merges `<ns>.svc.<domain> svc.<domain>
  <domain>`, the node's search domains and `dnsConfig.searches`: the list is cut to 32;
- an `ndots` above 15: the resolver caps it at 15;
- an `ndots` that is not a number (`"two"`): glibc reads it as 0.

## Why is this bad?
Nothing fails at apply time; the kubelet only records a `DNSConfigForming` event. The
nameserver or search domain that was cut is never used, so the names it was added for do not
resolve, and a mistyped `ndots` changes which names are searched.

## How to fix
Keep at most 2 extra nameservers under `ClusterFirst` (or use `dnsPolicy: None` with all of
them), fewer search domains, and an `ndots` between 1 and 15 written as digits
(`value: "2"`).

## Known limitations
The node's own nameservers (`dnsPolicy: Default`) are not in the manifests, so their count is
not known; node search domains count only when configured (`cluster.nodeSearchDomains`).
)md"};

class DnsConfigTruncated final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::PodSource& pod : view.model().pod_sources) {
      if (pod.synthetic || !pod.dns_config) continue;
      out.checking(pod.meta.object_range);
      const model::DnsConfig& config = *pod.dns_config;
      const index::PodDns dns = index::pod_dns(pod, view.dns_facts());
      check_nameservers(pod, config, dns, view.dns_facts().cluster_dns.size(), out);
      check_searches(config, dns, view, out);
      check_ndots(config, out);
    }
  }

 private:
  // ClusterFirst writes every clusterDNS entry first; the nameservers from dnsConfig past the
  // third are dropped. (More than 3 in dnsConfig alone is NL4003.)
  static void check_nameservers(const model::PodSource& pod, const model::DnsConfig& config, const index::PodDns& dns,
                                std::size_t cluster_dns_entries, engine::Sink& out) {
    if (dns.effective_policy != "ClusterFirst" || config.nameservers.size() > kMaxNameservers) return;
    const model::Text* dropped = nullptr;
    if (cluster_dns_entries > 0) {
      // The kubelet drops duplicates before it cuts: dns.nameservers is the merged list.
      if (dns.nameservers.size() <= kMaxNameservers) return;
      for (const model::Text& server : config.nameservers) {
        if (server.value == dns.nameservers[kMaxNameservers]) dropped = &server;
      }
    } else {
      // The address is unknown: a private address in dnsConfig may be the cluster DNS itself.
      if (config.nameservers.size() < kMaxNameservers) return;
      for (const model::Text& server : config.nameservers) {
        if (may_be_cluster_address(server.value)) return;
      }
      dropped = &config.nameservers[kMaxNameservers - 1];
    }
    if (dropped == nullptr) return;
    diag::Diagnostic& d = out.report(
        dropped->range,
        fmt::format("{} puts {} before the {} dnsConfig nameservers: the kubelet keeps only the first {}, "
                    "so {} is never asked",
                    pod.dns_policy.value.empty() ? "ClusterFirst" : pod.dns_policy.value,
                    cluster_dns_entries > 1
                        ? fmt::format("the {} cluster DNS addresses (kubelet clusterDNS)", cluster_dns_entries)
                        : std::string("the cluster DNS address"),
                    config.nameservers.size(), kMaxNameservers, dropped->value));
    const std::size_t first = std::min(std::max<std::size_t>(cluster_dns_entries, 1), kMaxNameservers);
    d.help = fmt::format(
        "keep at most {} dnsConfig nameservers under ClusterFirst, or use dnsPolicy None and list all of them",
        kMaxNameservers - first);
  }

  static bool may_be_cluster_address(const std::string& ip) {
    return ip.starts_with("10.") || ip.starts_with("172.") || ip.starts_with("192.168.") ||
           ip.starts_with("169.254.") || ip.starts_with("fd") || ip.starts_with("fc");
  }

  static void check_searches(const model::DnsConfig& config, const index::PodDns& dns, const engine::View& view,
                             engine::Sink& out) {
    if (config.searches.size() > kMaxSearches || dns.searches.size() <= kMaxSearches) return;
    const std::string& first_dropped = dns.searches[kMaxSearches];
    for (const model::Text& search : config.searches) {
      if (search.value != first_dropped) continue;
      diag::Diagnostic& d = out.report(
          search.range,
          fmt::format(
              "the merged search list has {} domains ({} from the cluster{} and {} from dnsConfig): the kubelet keeps "
              "the first {}, so {} and the ones after it are dropped",
              dns.searches.size(), dns.searches.size() - config.searches.size(),
              view.dns_facts().node_search_domains.empty() ? "" : " and the node", config.searches.size(), kMaxSearches,
              search.value));
      d.help = "list fewer search domains, or write fully qualified names instead";
      return;
    }
  }

  // The effective ndots is the last one written (the kubelet merges options by name).
  static void check_ndots(const model::DnsConfig& config, engine::Sink& out) {
    const model::DnsOption* ndots = nullptr;
    for (const model::DnsOption& option : config.options) {
      if (option.name.value == "ndots") ndots = &option;
    }
    // A value that is not a string is rejected by the API server (NL4003); none is written.
    if (ndots == nullptr || !ndots->value || !ndots->value_type.empty() || ndots->value->value.empty()) return;
    const std::string& value = ndots->value->value;
    if (all_ascii_digits(value)) {
      if (value.size() <= 6 && go_atoi(value).value_or(0) <= kNdotsCap) return;
      diag::Diagnostic& d =
          out.report(ndots->value->range,
                     fmt::format("ndots {} is above {}: the resolver caps it at {}", value, kNdotsCap, kNdotsCap));
      d.help = "write the ndots you mean, at most 15 (usually 1 to 5)";
      return;
    }
    if (std::isdigit(static_cast<unsigned char>(value[0])) != 0 || value[0] == '-' || value[0] == '+')
      return;  // atoi reads a prefix
    diag::Diagnostic& d =
        out.report(ndots->value->range, fmt::format("ndots \"{}\" is not a number: the resolver reads it as 0", value));
    d.help = "write ndots as digits, e.g. value: \"2\"";
  }
};

}  // namespace

const engine::Rule* dns_config_truncated() {
  static const DnsConfigTruncated rule;
  return &rule;
}

}  // namespace netlint::rules
