#include "analyzer/facts/cluster_facts.h"

namespace netlint::facts {

std::string_view state_name(State state) {
  switch (state) {
    case State::kKnown:
      return "known";
    case State::kDefault:
      return "default";
    case State::kUnknown:
      return "unknown";
    case State::kAmbiguous:
      return "ambiguous";
  }
  return "unknown";
}

std::string_view conflict_topic(ConflictKind kind) {
  return kind == ConflictKind::kConfigOverridesDetection ? "config-overrides-detection" : "ambiguous-fact";
}

std::vector<std::string> DnsTarget::all_cluster_ips() const {
  std::vector<std::string> out;
  for (const std::string& ip : cluster_ips) {
    if (!ip.empty()) out.push_back(ip);
  }
  return out;
}

ClusterFacts derive_facts(const model::Model& model, const FactsConfig& config) {
  ClusterFacts facts;
  // The four facts with defaults (RULES.md Facts); dns's default is set by detect_dns.
  facts.domain.set("cluster.local", State::kDefault);
  facts.node_port_range.set(PortRange{}, State::kDefault);
  facts.node_search_domains.set({}, State::kDefault);
  detect_cni(model, facts);
  detect_dns(model, facts);
  detect_cidrs(model, facts);
  detect_addressing(model, facts);
  detect_versions(model, facts);
  detect_node_local_dns(model, facts);
  detect_ingress_controllers(model, facts);
  detect_kube_proxy(model, facts);
  apply_config(config, facts);
  return facts;
}

}  // namespace netlint::facts
