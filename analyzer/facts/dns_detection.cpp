// The DNS fact (RULES.md Facts, Clarifications "DNS port fact"): the pods behind the kube-dns
// Service (`dns-default` on OpenShift), their port after DNAT and the Service's ClusterIP; the
// default (kube-system, `k8s-app: kube-dns`, 53) when the Service is not in the view.
#include <fmt/format.h>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/facts/evidence.h"

namespace netlint::facts {
namespace {

// The DNS pods' port for the Service's UDP 53 port: a numeric targetPort, or a named one
// resolved on the selected pods' containers; 53 when the name resolves on no pod in the view.
int dns_port(const model::Service& svc, const model::Model& m) {
  for (const model::ServicePort& p : svc.ports) {
    if (p.port.value != 53 || p.protocol.value != "UDP") continue;
    if (!p.target_port || p.target_port_placeholder) return 53;  // unknown (NL0004) or a placeholder: the default
    if (p.target_port_number) return static_cast<int>(*p.target_port_number);  // as written, or defaulted to 53
    for (const model::PodSource& pod : m.pod_sources) {
      if (pod.meta.namespace_name.value != svc.meta.namespace_name.value || pod.synthetic ||
          !model::selector_matches(svc.selector, pod.labels))
        continue;
      for (const model::Container& c : pod.containers) {
        for (const model::ContainerPort& cp : c.ports) {
          if (cp.name.value == p.target_port->value && cp.protocol.value == "UDP")
            return static_cast<int>(cp.number.value);
        }
      }
    }
    return 53;
  }
  return 53;
}

}  // namespace

void detect_dns(const model::Model& m, ClusterFacts& facts) {
  DnsTarget fallback;
  fallback.pod_labels.push_back({{"k8s-app", {}}, {"kube-dns", {}}});
  facts.dns.set(fallback, State::kDefault);

  const model::Service* chosen = nullptr;
  std::string chosen_value;
  for (const model::Service& svc : m.services) {
    if (svc.meta.name.value != "kube-dns" && svc.meta.name.value != "dns-default") continue;
    if (!svc.has_selector()) continue;
    DnsTarget t;
    t.namespace_name = svc.meta.namespace_name.value;
    t.pod_labels = svc.selector;
    t.port = dns_port(svc, m);
    t.service = svc.meta.namespace_name.value + "/" + svc.meta.name.value;
    // spec.clusterIPs holds one address per family on dual-stack Services; clusterIP is its first.
    if (!svc.cluster_ip.value.empty() && svc.cluster_ip.value != "None") t.primary = family_of(svc.cluster_ip.value);
    std::vector<model::Text> ips = svc.cluster_ips;
    if (ips.empty()) ips.push_back(svc.cluster_ip);
    for (const model::Text& ip : ips) {
      if (ip.value.empty() || ip.value == "None") continue;
      std::string& slot = t.cluster_ips[static_cast<std::size_t>(family_of(ip.value))];
      if (slot.empty()) slot = ip.value;
    }
    std::vector<std::string> labels;
    for (const model::Label& l : t.pod_labels) labels.push_back(l.key.value + "=" + l.value.value);
    const std::string value = fmt::format("{} {} port {} {}", t.namespace_name, fmt::join(labels, ","), t.port,
                                          fmt::join(t.cluster_ips, ","));
    facts.dns.evidence.push_back(
        {svc.selector_key, fmt::format("{} selector {}", svc.meta.display(), fmt::join(labels, ","))});
    if (chosen == nullptr) {
      chosen = &svc;
      chosen_value = value;
      facts.dns.set(std::move(t));
    } else if (identity_of(chosen->meta) == identity_of(svc.meta) && value != chosen_value) {
      facts.dns.state = State::kAmbiguous;
      facts.conflicts.push_back({"dns",
                                 svc.selector_key,
                                 {{chosen->selector_key, "the other variant"}},
                                 fmt::format("the view mixes variants of {} that disagree on the DNS pods or their "
                                             "address: rules that depend on them stay silent",
                                             svc.meta.display())});
    }
  }
}

}  // namespace netlint::facts
