// Whether an ipBlock points inside the cluster where NetworkPolicies do not see those addresses:
// the pod CIDR (pod addresses churn; Cilium never matches ipBlocks against pods) or Service
// ClusterIPs (policies see the packet after the Service's DNAT). Shared by NL2010, which reports
// it, and NL2005/NL2006, which yield to NL2010 when the only DNS rule is such a block.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/engine/view.h"
#include "analyzer/model/network_policy.h"
#include "analyzer/util/cidr.h"

namespace netlint::rules {

struct ClusterTarget {
  std::string reason;                          // "is inside the pod CIDR 10.244.0.0/16: ..."
  bool kube_dns = false;                       // the block is the kube-dns ClusterIP
  std::vector<diag::RelatedLocation> related;  // the Service or the fact's evidence
};

// The kube-dns ClusterIPs the view shows, one per family (IPv4 first): the Service's clusterIPs,
// else the kubelet's clusterDNS entries when no NodeLocal DNSCache changes what clusterDNS means;
// empty when unknown.
std::vector<std::string> kube_dns_cluster_ips(const engine::View& view);

// The Services of the view by their clusterIP (the first in model order per address), parsed
// once: testing every Service's clusterIP against every ipBlock was quadratic (thousands of /32
// peers against thousands of Services). Build one per rule check and pass it to every lookup.
class ClusterIpServices {
 public:
  explicit ClusterIpServices(const engine::View& view);
  // The Service whose clusterIP, as a host route, equals `block`; nullptr when none.
  const model::Service* find(const Cidr& block) const;

 private:
  std::map<std::pair<bool, std::array<std::uint8_t, 16>>, const model::Service*> by_address_;
};

// nullopt when the block is fine, unparsable (NL2009), `0.0.0.0/0`, or the facts are unknown.
std::optional<ClusterTarget> ip_block_targets_cluster(const engine::View& view, const ClusterIpServices& services,
                                                      const model::IpBlock& block);

}  // namespace netlint::rules
