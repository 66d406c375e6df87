// Where the DNS queries of pods that resolve through cluster DNS go, as NetworkPolicies see them
// (RULES.md NL2005; domain-addendum.md 3): the DNS pods at their port after the Service's DNAT,
// and with NodeLocal DNSCache per its mode: in iptables mode its local address and the kube-dns
// ClusterIP on the node (the DNS pods remain the path when the cache is down), in IPVS mode its
// local address only, in Cilium LRP mode the node-local-dns pods (Cilium redirects the ClusterIP to
// the node's cache pod at the socket, so policies see that pod as the destination).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/netpol/conn_set.h"

namespace netlint::rules {

struct DnsDestinations {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> servers;  // (workload, port) answering queries
  std::vector<std::pair<std::uint32_t, std::string>> addresses;  // (external destination interval, address) on port 53
  // Whether clients reach the server pods directly, so an ingress policy on those pods blocks
  // them (not with a hostNetwork cache in between: then the cache's node address is the source).
  bool ingress_side = true;
  // "to the DNS pods (kube-system, k8s-app=kube-dns)"; `what` is prepended per destination kind.
  std::string describe(netpol::Protocol protocol) const;
  std::string help(netpol::Protocol protocol) const;

  // For describe(): the DNS pods' selector text and port, NodeLocal's text.
  std::string pods_noun = "the DNS pods";  // or "the NodeLocal DNSCache pods" (Cilium LRP mode)
  std::string dns_pods;
  std::uint32_t dns_port = 53;
  std::string node_local;    // "", or "NodeLocal DNSCache (169.254.20.10, 10.96.0.10)"
  bool pods_dialled = true;  // false in IPVS mode: clusterDNS is the cache's local address only
};

// "kube-system, k8s-app=kube-dns": the DNS pods' namespace and labels, as messages name them.
std::string dns_pods_text(const facts::DnsTarget& dns);

// nullopt when the destination cannot be told: the DNS fact ambiguous, NodeLocal DNSCache of an
// unknown mode or without a usable address, no DNS workload.
std::optional<DnsDestinations> dns_destinations(const engine::View& view);

}  // namespace netlint::rules
