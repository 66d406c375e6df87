#include "analyzer/index/pod_dns.h"

#include <algorithm>
#include <cstdint>

#include "analyzer/util/go_values.h"

namespace netlint::index {
namespace {

constexpr int kResolverNdotsCap = 15;  // glibc caps ndots at 15
constexpr int kClusterNdots = 5;       // the kubelet's default for cluster DNS pods

void add_unique(std::vector<std::string>& to, const std::string& value) {
  if (!value.empty() && std::find(to.begin(), to.end(), value) == to.end()) to.push_back(value);
}

void set_option(std::vector<ResolverOption>& options, ResolverOption option) {
  for (ResolverOption& existing : options) {
    if (existing.name == option.name) {
      existing.value = std::move(option.value);  // dnsConfig options override by name
      return;
    }
  }
  options.push_back(std::move(option));
}

}  // namespace

int resolver_ndots(const std::optional<std::string>& value) {
  if (!value || value->empty() || !std::all_of(value->begin(), value->end(), ::isdigit) || value->size() > 6) return 0;
  return static_cast<int>(std::min<std::int64_t>(go_atoi(*value).value_or(0), kResolverNdotsCap));  // at most 6 digits
}

PodDns pod_dns(const model::PodSource& pod, const DnsFacts& facts) {
  PodDns dns;
  dns.policy = pod.dns_policy.value.empty() ? "ClusterFirst" : pod.dns_policy.value;
  dns.host_network = pod.host_network.value;
  dns.effective_policy = dns.policy;
  if (dns.policy == "ClusterFirst" && dns.host_network) dns.effective_policy = "Default";
  if (dns.policy == "ClusterFirstWithHostNet") dns.effective_policy = "ClusterFirst";

  if (dns.effective_policy == "ClusterFirst") {
    dns.cluster_dns = true;
    for (const std::string& server : facts.cluster_dns) add_unique(dns.nameservers, server);
    const std::string& ns = pod.meta.namespace_name.value;
    add_unique(dns.searches, ns + ".svc." + facts.domain);
    add_unique(dns.searches, "svc." + facts.domain);
    add_unique(dns.searches, facts.domain);
    for (const std::string& s : facts.node_search_domains) add_unique(dns.searches, s);
    dns.options.push_back({"ndots", std::to_string(kClusterNdots)});
  } else if (dns.effective_policy == "Default") {
    dns.node_resolver = true;  // the node's resolv.conf: its nameservers are not in the manifests
    for (const std::string& s : facts.node_search_domains) add_unique(dns.searches, s);
  }
  if (pod.dns_config) {
    for (const model::Text& server : pod.dns_config->nameservers) add_unique(dns.nameservers, server.value);
    for (const model::Text& search : pod.dns_config->searches) add_unique(dns.searches, search.value);
    for (const model::DnsOption& option : pod.dns_config->options) {
      set_option(dns.options,
                 {option.name.value, option.value ? std::optional<std::string>(option.value->value) : std::nullopt});
    }
  }
  if (dns.effective_policy == "None" && !facts.cluster_dns.empty()) {
    // A None pod resolves through cluster DNS only when it names a cluster DNS address.
    dns.cluster_dns = std::any_of(facts.cluster_dns.begin(), facts.cluster_dns.end(), [&](const std::string& server) {
      return std::find(dns.nameservers.begin(), dns.nameservers.end(), server) != dns.nameservers.end();
    });
  }
  dns.ndots = 1;  // the resolver's own default
  for (const ResolverOption& option : dns.options) {
    // The kubelet writes a valueless option as `options ndots`; glibc and musl only read
    // `ndots:` with its colon and ignore the rest, so the default stays. The kubelet's own
    // ndots:5 is gone by then: dnsConfig options replace the defaults by name.
    if (option.name == "ndots" && option.value) dns.ndots = resolver_ndots(option.value);
  }
  return dns;
}

}  // namespace netlint::index
