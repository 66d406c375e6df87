// The pod DNS model (RULES.md NL4xxx preamble, knowledge/domain.md section 5): for a pod source,
// its effective dnsPolicy, whether it resolves through cluster DNS, and the resolv.conf the
// kubelet writes for it (nameservers, search list, options with ndots defaulting to 5).
// Cluster facts come in as parameters: rules pass engine::View::dns_facts(), derived from the
// facts layer (domain, node search domains, clusterDNS).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/pod_source.h"

namespace netlint::index {

struct DnsFacts {
  std::string domain = "cluster.local";
  std::vector<std::string> node_search_domains;  // config only; unknown means []
  // kubelet clusterDNS in its order (RULES.md Facts: every entry goes first into resolv.conf);
  // empty when unknown.
  std::vector<std::string> cluster_dns;
};

struct ResolverOption {
  std::string name;
  std::optional<std::string> value;
};

struct PodDns {
  std::string policy;            // the written dnsPolicy, or ClusterFirst
  std::string effective_policy;  // ClusterFirst with hostNetwork behaves as Default
  bool host_network = false;
  bool cluster_dns = false;              // resolves through cluster DNS
  bool node_resolver = false;            // starts from the node's resolv.conf (Default)
  std::vector<std::string> nameservers;  // cluster DNS (when known) and dnsConfig's
  std::vector<std::string> searches;     // in the order the resolver tries them
  std::vector<ResolverOption> options;   // ndots:5 (cluster DNS) then dnsConfig's, merged by name
  // ndots as the resolver reads it: a value that is not a number reads as 0; above 15 is capped.
  int ndots = 1;
};

PodDns pod_dns(const model::PodSource& pod, const DnsFacts& facts);

// The resolver's reading of an ndots value ("5" -> 5, "20" -> 15, "x" -> 0).
int resolver_ndots(const std::optional<std::string>& value);

}  // namespace netlint::index
