#include "rules/networkpolicy/dns_destinations.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzer/index/label_selector.h"
#include "analyzer/netpol/ipv4_ranges.h"
#include "analyzer/netpol/policy_engine.h"
#include "rules/networkpolicy/ipblock_targets.h"
#include "rules/service/selector_outcome.h"

namespace netlint::rules {
namespace {

bool runs_node_cache(const model::PodSource& pod) {
  for (const model::Container& c : pod.containers) {
    if (c.image.value.find("k8s-dns-node-cache") != std::string::npos) return true;
  }
  return false;
}

// The external destination piece holding an IPv4 address (pieces are cut at every egress ipBlock
// boundary, so one piece is either inside or outside each block).
std::optional<std::uint32_t> piece_of(const netpol::PolicyEngine& engine, const std::string& address) {
  const auto range = netpol::ipv4_range(address + "/32");
  if (!range) return std::nullopt;
  const auto& pieces = engine.external_destinations();
  for (std::uint32_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].low <= range->first && range->first <= pieces[i].high) return i;
  }
  return std::nullopt;
}

}  // namespace

std::string dns_pods_text(const facts::DnsTarget& dns) {
  const std::string labels = format_selector(dns.pod_labels);
  return fmt::format("{}, {}", dns.namespace_name, labels.empty() ? "k8s-app=kube-dns" : labels);
}

std::string DnsDestinations::describe(netpol::Protocol protocol) const {
  const std::string_view proto = netpol::protocol_name(protocol);
  const std::string pods = fmt::format("{} {} to {} ({})", proto, dns_port, pods_noun, dns_pods);
  if (node_local.empty()) return pods;
  if (!pods_dialled) return fmt::format("{} 53 to {}", proto, node_local);
  return fmt::format("{} 53 to {}, nor {}", proto, node_local, pods);
}

std::string DnsDestinations::help(netpol::Protocol protocol) const {
  const std::string_view proto = netpol::protocol_name(protocol);
  if (node_local.empty())
    return fmt::format("add an egress rule to {} ({}) on {} {}", pods_noun, dns_pods, proto, dns_port);
  if (!pods_dialled) return fmt::format("add an egress rule with an ipBlock /32 of {} on {} 53", node_local, proto);
  return fmt::format(
      "add an egress rule with an ipBlock /32 of each address of {} on {} 53, and one to the DNS pods ({}) on {} {}",
      node_local, proto, dns_pods, proto, dns_port);
}

std::optional<DnsDestinations> dns_destinations(const engine::View& view) {
  const facts::ClusterFacts& f = view.facts();
  if (!f.dns.usable()) return std::nullopt;
  const netpol::PolicyEngine& engine = view.policies();
  DnsDestinations out;
  out.dns_pods = dns_pods_text(f.dns.value);
  out.dns_port = static_cast<std::uint32_t>(f.dns.value.port);
  const index::LabelSelector selector = index::selector_from_map(f.dns.value.pod_labels);
  std::uint64_t comparisons = 0;
  std::vector<std::uint32_t> caches;
  for (std::uint32_t w = 0; w < engine.workloads().size(); ++w) {
    const netpol::Workload& workload = engine.workloads()[w];
    const model::PodSource& pod = view.model().pod_sources[workload.pods.front()];
    if (runs_node_cache(pod)) caches.push_back(w);
    if (workload.namespace_name != f.dns.value.namespace_name) continue;
    if (index::evaluate(selector, pod, comparisons) == index::Tri::kYes) out.servers.emplace_back(w, out.dns_port);
  }
  if (f.node_local_dns.state == facts::State::kUnknown) {
    if (out.servers.empty()) return std::nullopt;
    return out;
  }
  if (f.node_local_dns.state != facts::State::kKnown) return std::nullopt;
  const facts::NodeLocalDns& nl = f.node_local_dns.value;
  if (nl.mode == "cilium-lrp") {
    // The redirect lands on the node's cache pod on 53 (the DNS pods serve only while it is down).
    if (caches.empty()) return std::nullopt;
    out.servers.clear();
    for (std::uint32_t w : caches) out.servers.emplace_back(w, 53);
    const model::PodSource& cache = view.model().pod_sources[engine.workloads()[caches.front()].pods.front()];
    out.pods_noun = "the NodeLocal DNSCache pods";
    out.dns_pods = fmt::format("{}, {}", cache.meta.namespace_name.value, format_selector(cache.labels));
    out.dns_port = 53;
    return out;
  }
  if (nl.mode != "iptables" && nl.mode != "ipvs") return std::nullopt;
  std::vector<std::string> addresses;
  if (!nl.address.empty()) addresses.push_back(nl.address);
  auto add = [&](const std::string& a) {
    if (std::find(addresses.begin(), addresses.end(), a) == addresses.end()) addresses.push_back(a);
  };
  const std::vector<std::string> kube_dns = kube_dns_cluster_ips(view);
  if (nl.mode == "iptables") {
    for (const std::string& ip : kube_dns) add(ip);  // the cache binds them on every node
  }
  // Every kubelet clusterDNS entry is a nameserver pods ask (RULES.md Facts "Dual-stack"). In
  // IPVS mode the cache binds only its local address: a kube-dns ClusterIP listed beside it is
  // DNATed to the DNS pods, which pods then dial as well. An entry the view cannot place leaves
  // the destinations unknown (NL4005 reports it).
  bool pods_via_cluster_ip = false;
  if (f.cluster_dns.usable()) {
    for (const std::string& a : f.cluster_dns.value) {
      const bool cluster_ip = std::find(kube_dns.begin(), kube_dns.end(), a) != kube_dns.end();
      if (a == nl.address || (cluster_ip && nl.mode == "iptables")) continue;
      if (!cluster_ip) return std::nullopt;
      pods_via_cluster_ip = true;
    }
  }
  if (nl.mode == "ipvs" && !pods_via_cluster_ip) {
    out.servers.clear();  // IPVS mode: clusterDNS is the local address; the DNS pods are not dialled
    out.pods_dialled = false;
  }
  if (addresses.empty() || (nl.mode == "ipvs" && nl.address.empty())) return std::nullopt;
  for (const std::string& a : addresses) {
    const std::optional<std::uint32_t> piece = piece_of(engine, a);
    if (!piece) return std::nullopt;  // an IPv6 address: not modelled as an external piece
    out.addresses.emplace_back(*piece, a);
  }
  out.ingress_side = false;
  out.node_local = fmt::format("NodeLocal DNSCache ({})", fmt::join(addresses, ", "));
  return out;
}

}  // namespace netlint::rules
