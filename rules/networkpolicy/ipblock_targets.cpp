#include "rules/networkpolicy/ipblock_targets.h"

#include <fmt/format.h>

#include <algorithm>

namespace netlint::rules {
namespace {

std::optional<Cidr> host_route(std::string_view ip) {
  if (ip.empty() || ip == "None") return std::nullopt;
  return parse_cidr(fmt::format("{}/{}", ip, ip.find(':') == std::string_view::npos ? 32 : 128));
}

bool is_host(const Cidr& block, std::string_view ip) {
  const std::optional<Cidr> host = host_route(ip);
  return host && *host == block;
}

bool is_any_host(const Cidr& block, const std::vector<std::string>& ips) {
  return std::any_of(ips.begin(), ips.end(), [&](const std::string& ip) { return is_host(block, ip); });
}

// Addresses NodeLocal DNSCache answers on in its mode (domain-addendum.md 3): iptables mode binds
// the local address and the kube-dns ClusterIP on every node, IPVS mode the local address only.
bool node_local_answers(const engine::View& view, const Cidr& block) {
  const auto& nl = view.facts().node_local_dns;
  if (nl.state != facts::State::kKnown) return false;
  if (nl.value.mode == "iptables")
    return is_host(block, nl.value.address) || is_any_host(block, kube_dns_cluster_ips(view));
  if (nl.value.mode == "ipvs") return is_host(block, nl.value.address);
  return false;
}

// RULES.md NL2010: against the pod ranges of the block's family only.
std::optional<ClusterTarget> in_pod_cidr(const engine::View& view, const Cidr& block) {
  const facts::ClusterFacts& f = view.facts();
  const auto& pod_cidrs = f.pod_cidrs[facts::family_of_v6(block.v6)];
  if (!pod_cidrs.usable()) return std::nullopt;
  for (const std::string& text : pod_cidrs.value) {
    const std::optional<Cidr> pods = parse_cidr(text);
    if (!pods || !contains(*pods, block)) continue;
    ClusterTarget t;
    t.reason =
        f.cni.state == facts::State::kKnown && f.cni.value.ip_blocks_skip_pods()
            ? fmt::format(
                  "is inside the pod CIDR {}: Cilium never matches ipBlocks against pods (they are selected by "
                  "identity), so "
                  "it admits no pod",
                  pods->str())
            : fmt::format(
                  "is inside the pod CIDR {}: pod addresses change whenever pods are rescheduled, so the rule follows "
                  "addresses rather than workloads",
                  pods->str());
    if (!pod_cidrs.evidence.empty()) t.related.push_back({pod_cidrs.evidence.front().range, "the pod CIDR"});
    return t;
  }
  return std::nullopt;
}

std::optional<ClusterTarget> on_cluster_ips(const engine::View& view, const ClusterIpServices& by_cluster_ip,
                                            const Cidr& block) {
  const facts::ClusterFacts& f = view.facts();
  const std::vector<std::string> dns_ips = kube_dns_cluster_ips(view);
  const bool node_local = f.node_local_dns.state == facts::State::kKnown;
  const std::string_view dnat =
      "policies see the packet after the Service's DNAT (the pods' addresses), so it never matches";
  if (is_any_host(block, dns_ips)) {
    // A NodeLocal DNSCache whose mode is not known may answer on the address.
    if (f.node_local_dns.state == facts::State::kAmbiguous || (node_local && f.node_local_dns.value.mode == "unknown"))
      return std::nullopt;
    ClusterTarget t{
        .reason = fmt::format("is the kube-dns ClusterIP: {}{}", dnat,
                              node_local ? fmt::format(", and NodeLocal DNSCache ({} mode) does not answer on it",
                                                       f.node_local_dns.value.mode)
                                         : std::string(", and no NodeLocal DNSCache answers on it")),
        .kube_dns = true,
        .related = {}};
    if (!f.dns.evidence.empty()) t.related.push_back({f.dns.evidence.front().range, "the kube-dns Service"});
    return t;
  }
  if (const model::Service* svc = by_cluster_ip.find(block)) {
    return ClusterTarget{.reason = fmt::format("is the ClusterIP of {}: {}", svc->meta.display(), dnat),
                         .kube_dns = false,
                         .related = {{svc->cluster_ip.range, fmt::format("clusterIP of {}", svc->meta.display())}}};
  }
  const auto& service_cidr = f.service_cidr[facts::family_of_v6(block.v6)];
  if (!service_cidr.usable()) return std::nullopt;
  const std::optional<Cidr> services = parse_cidr(service_cidr.value);
  if (!services || !contains(*services, block)) return std::nullopt;
  ClusterTarget t{.reason = fmt::format("is inside the Service CIDR {}: {}", services->str(), dnat),
                  .kube_dns = false,
                  .related = {}};
  if (!service_cidr.evidence.empty()) t.related.push_back({service_cidr.evidence.front().range, "the Service CIDR"});
  return t;
}

}  // namespace

std::vector<std::string> kube_dns_cluster_ips(const engine::View& view) {
  const facts::ClusterFacts& f = view.facts();
  if (f.dns.state != facts::State::kAmbiguous && !f.dns.value.all_cluster_ips().empty())
    return f.dns.value.all_cluster_ips();
  // In IPVS and Cilium LRP modes clusterDNS may be NodeLocal DNSCache's local address, not the
  // kube-dns ClusterIP; in iptables mode it stays the ClusterIP.
  const bool plain = f.node_local_dns.state == facts::State::kUnknown ||
                     (f.node_local_dns.state == facts::State::kKnown && f.node_local_dns.value.mode == "iptables");
  if (f.cluster_dns.usable() && plain) return f.cluster_dns.value;
  return {};
}

ClusterIpServices::ClusterIpServices(const engine::View& view) {
  for (const model::Service& svc : view.model().services) {
    if (const std::optional<Cidr> host = host_route(svc.cluster_ip.value))
      by_address_.try_emplace({host->v6, host->address}, &svc);
    for (const model::Text& ip : svc.cluster_ips) {  // dual-stack: the address of the other family
      if (const std::optional<Cidr> host = host_route(ip.value))
        by_address_.try_emplace({host->v6, host->address}, &svc);
    }
  }
}

const model::Service* ClusterIpServices::find(const Cidr& block) const {
  // Equal to a host route: a full-length prefix, which never has host bits.
  if (block.prefix != block.bits() || !block.canonical) return nullptr;
  const auto it = by_address_.find({block.v6, block.address});
  return it == by_address_.end() ? nullptr : it->second;
}

std::optional<ClusterTarget> ip_block_targets_cluster(const engine::View& view, const ClusterIpServices& services,
                                                      const model::IpBlock& block) {
  const std::optional<Cidr> cidr = parse_cidr(block.cidr.value);
  if (!cidr || cidr->prefix == 0) return std::nullopt;
  if (node_local_answers(view, *cidr)) return std::nullopt;
  if (auto t = on_cluster_ips(view, services, *cidr)) return t;
  return in_pod_cidr(view, *cidr);
}

}  // namespace netlint::rules
