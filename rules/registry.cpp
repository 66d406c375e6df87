#include "rules/registry.h"

#include <array>

#include "rules/rule_factories.h"

namespace netlint::rules {

std::span<const engine::Rule* const> all_rules() {
  // Keep sorted by code; the registry test checks it.
  static const std::array<const engine::Rule*, 84> kRules = {
      parse_error(),                       // NL0001
      internal_error(),                    // NL0002
      unused_suppression(),                // NL0003
      invalid_field(),                     // NL0004
      duplicate_resource(),                // NL0005
      ambiguous_view(),                    // NL0006
      service_selector_typo(),             // NL1001
      service_selector_matches_no_pods(),  // NL1002
      service_target_port_unresolved(),    // NL1003
      service_without_endpoints(),         // NL1004
      service_node_port_conflict(),        // NL1005
      service_external_name_unresolvable(),  // NL1006
      statefulset_service_not_headless(),  // NL1007
      service_selector_spans_workloads(),  // NL1008
      service_target_port_undeclared(),    // NL1009
      service_internal_traffic_local(),    // NL1010
      networkpolicy_selector_typo(),       // NL2001
      networkpolicy_selects_no_pods(),     // NL2002
      networkpolicy_peer_typo(),           // NL2003
      networkpolicy_peer_selects_nothing(),  // NL2004
      networkpolicy_blocks_dns(),          // NL2005
      networkpolicy_blocks_dns_tcp(),      // NL2006
      networkpolicy_dns_egress_too_broad(),  // NL2007
      networkpolicy_rules_ignored(),       // NL2008
      networkpolicy_ipblock_invalid(),     // NL2009
      networkpolicy_ipblock_targets_cluster(),  // NL2010
      networkpolicy_port_invalid(),        // NL2011
      networkpolicy_rules_shadowed(),      // NL2012
      networkpolicy_peer_or_instead_of_and(),  // NL2013
      networkpolicy_blocks_ingress_controller(),  // NL2014
      networkpolicy_not_enforced(),        // NL2015
      networkpolicy_blocks_service_reference(),  // NL2016
      networkpolicy_ipblock_host_bits(),   // NL2017
      networkpolicy_allows_service_port(),  // NL2018
      ingress_backend_missing(),           // NL3001
      ingress_backend_port_unresolved(),   // NL3002
      ingress_route_conflict(),            // NL3003
      ingress_class_unresolved(),          // NL3004
      ingress_tls_secret_missing(),        // NL3005
      ingress_path_invalid(),              // NL3006
      ingress_api_removed(),               // NL3007
      dns_ndots_amplification(),           // NL4001
      dns_name_unresolvable(),             // NL4002
      dns_config_invalid(),                // NL4003
      dns_policy_skips_cluster_dns(),      // NL4004
      dns_cluster_domain_mismatch(),       // NL4005
      dns_config_truncated(),              // NL4006
      coredns_corefile_invalid(),          // NL4101
      coredns_removed_directive(),         // NL4102
      coredns_deprecated_directive(),      // NL4103
      coredns_forward_loop(),              // NL4104
      coredns_negative_cache_long(),       // NL4105
      coredns_autopath_ineffective(),      // NL4106
      coredns_forward_unbounded(),         // NL4107
      coredns_lameduck_missing(),          // NL4108
      coredns_deployment_fragile(),        // NL4109
      coredns_probe_mismatch(),            // NL4110
      coredns_metrics_port_mismatch(),     // NL4111
      coredns_reverse_zones_swallowed(),   // NL4112
      kube_proxy_config_invalid(),         // NL5001
      kube_proxy_iptables_at_scale(),      // NL5002
      kube_proxy_ipvs_deprecated(),        // NL5003
      kube_proxy_replacement_conflict(),   // NL5004
      kube_proxy_unknown_field(),          // NL5005
      cilium_kpr_without_apiserver(),      // NL5006
      pod_cidr_overlap(),                  // NL5101
      pod_cidr_mismatch(),                 // NL5102
      node_pod_capacity(),                 // NL5103
      cni_mtu_mismatch(),                  // NL5104
      ingress_nginx_unknown_key(),         // NL6001
      ingress_nginx_invalid_value(),       // NL6002
      ingress_nginx_unknown_annotation(),  // NL6003
      ingress_nginx_invalid_annotation(),  // NL6004
      timeout_lb_idle_exceeds_keepalive(), // NL6005
      timeout_read_exceeds_lb_idle(),      // NL6006
      timeout_upstream_keepalive_exceeds_backend(),  // NL6007
      timeout_backend_exceeds_proxy_read(),          // NL6008
      lb_annotation_ineffective(),         // NL6009
      proxy_protocol_mismatch(),           // NL6010
      snippet_annotation_blocked(),        // NL6011
      ingress_nginx_keepalive_disabled(),  // NL6012
      termination_grace_too_short(),       // NL6101
      prestop_missing_behind_service(),    // NL6102
      probe_port_unresolved(),             // NL6103
  };
  return kRules;
}

const engine::Rule* find_rule(std::string_view code_or_name) {
  for (const engine::Rule* rule : all_rules()) {
    if (rule->info().code == code_or_name || rule->info().name == code_or_name) return rule;
  }
  return nullptr;
}

std::span<const engine::Precedence> precedence() {
  // Filled as the rule families arrive (NL4102 over NL4101, NL2018 over NL2005, ...).
  static const std::array<engine::Precedence, 9> kPrecedence = {{
      {.winner = "NL2003", .loser = "NL2005"},  // the DNS rule's peer is a near miss
      {.winner = "NL2003", .loser = "NL2006"},
      {.winner = "NL2010", .loser = "NL2005"},  // the only DNS rule is an ipBlock of the kube-dns ClusterIP
      {.winner = "NL2010", .loser = "NL2006"},
      {.winner = "NL2018", .loser = "NL2005"},  // the DNS rule names the Service port, not the pods'
      {.winner = "NL2018", .loser = "NL2006"},
      {.winner = "NL4003", .loser = "NL0004"},  // a dnsConfig option value that is not a string
      {.winner = "NL4102", .loser = "NL4101"},  // a removed plugin is NL4102, not an unknown directive
      {.winner = "NL2013", .loser = "NL2004"},  // a peer podSelector that only matches in the sibling namespaceSelector's namespaces
  }};
  return kPrecedence;
}

}  // namespace netlint::rules
