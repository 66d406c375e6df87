// What the NL51xx rules read besides the facts: every place in the view that states a pod range,
// each with its role (RULES.md NL5102: which component must contain which), and how to name and
// anchor the source of a fact's value in a message.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/util/cidr.h"

namespace netlint::rules::addressing {

enum class RangeRole {
  kFlannelNetwork,  // Flannel (or Canal) net-conf.json Network / IPv6Network
  kCalicoPool,      // IPPool spec.cidr, Installation ipPools[i].cidr, CALICO_IPV4POOL_CIDR
  kCiliumPool,      // cilium-config cluster-pool-ipv4-cidr / -ipv6-cidr (any ipam mode)
  kClusterCidr,     // kubeadm networking.podSubnet, kube-controller-manager --cluster-cidr
  kKubeProxy,       // KubeProxyConfiguration clusterCIDR
};

struct PodRange {
  RangeRole role;
  std::vector<Cidr> cidrs;  // one per item of a (dual-stack) list
  std::string text;         // as written
  SourceRange range;        // the value
  std::string what;         // "ConfigMap kube-flannel/kube-flannel-cfg key net-conf.json Network"
};

// Every parsable pod range of the view, in model order. Placeholders and values that do not
// parse are left out (they are unknown, not wrong).
std::vector<PodRange> pod_ranges(const model::Model& model);

// Where a fact's value comes from, for messages and anchors: the .netlint.yaml key when
// configured, else the evidence that states `value` (the fact's first evidence otherwise).
struct Source {
  SourceRange range;
  std::string what;
};
template <class T>
Source source_of(const facts::Fact<T>& fact, std::string_view key, std::string_view value) {
  if (fact.configured()) return {fact.config_key, fmt::format("{} in .netlint.yaml", key)};
  for (const facts::Evidence& e : fact.evidence) {
    if (!value.empty() && e.what.find(value) != std::string::npos) return {e.range, e.what};
  }
  if (!fact.evidence.empty()) return {fact.evidence.front().range, fact.evidence.front().what};
  return {};
}

// Where one of the pod CIDR fact's values is written: the config key when configured, else the
// pod range that states it, in the order the fact ranks its sources (the CNI's own pools, then
// the cluster CIDR, then kube-proxy).
Source pod_cidr_source(const engine::View& view, const Cidr& cidr, std::string_view text);

// The parsable CIDRs of a usable list fact, each with the text it was written as.
struct FactCidr {
  Cidr cidr;
  std::string text;
};
std::vector<FactCidr> fact_cidrs(const facts::Fact<std::vector<std::string>>& fact);
std::vector<FactCidr> fact_cidrs(const facts::Fact<std::string>& fact);  // a single-valued slot

}  // namespace netlint::rules::addressing
