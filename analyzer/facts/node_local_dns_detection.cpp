// NodeLocal DNSCache (knowledge/domain-addendum.md 3): present when its DaemonSet is in the view;
// the mode from a CiliumLocalRedirectPolicy or non-hostNetwork pods (Cilium LRP), else from the
// Corefile's `bind` or the `-localip` flag (two addresses: iptables; one: IPVS).
#include <fmt/format.h>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/facts/evidence.h"

namespace netlint::facts {
void detect_node_local_dns(const model::Model& m, ClusterFacts& facts) {
  const model::PodSource* cache = nullptr;
  for (const model::PodSource& pod : m.pod_sources) {
    for (const model::Container& c : pod.containers) {
      if (image_is(c.image.value, "dns/k8s-dns-node-cache") || image_is(c.image.value, "k8s-dns-node-cache"))
        cache = &pod;
    }
    if (cache != nullptr) break;
  }
  if (cache == nullptr) return;
  NodeLocalDns value;
  facts.node_local_dns.evidence.push_back({cache->meta.name.range, cache->meta.display()});
  bool lrp = false;
  for (const model::ConfigDocument& doc : m.configs) {
    if (doc.kind == "CiliumLocalRedirectPolicy") {
      lrp = true;
      facts.node_local_dns.evidence.push_back({doc.owner.name.range, doc.display()});
    }
  }
  if (lrp || (cache->host_network.range.valid() && !cache->host_network.value)) {
    value.mode = "cilium-lrp";
  } else {
    for (const model::Container& c : cache->containers) {
      const auto local = flag_value(c, "localip");
      if (!local) continue;
      const std::vector<std::string> addresses = split_commas(local->value);
      facts.node_local_dns.evidence.push_back({local->range, fmt::format("-localip {}", local->value)});
      value.mode = addresses.size() >= 2 ? "iptables" : "ipvs";
      if (!addresses.empty() && !model::is_installer_placeholder(addresses[0])) value.address = addresses[0];
    }
  }
  if (value.mode.empty()) value.mode = "unknown";
  facts.node_local_dns.set(std::move(value));
}

}  // namespace netlint::facts
