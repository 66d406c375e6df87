// One accessor per rule, each defined in the rule's own file (a function-local static).
#pragma once

#include "analyzer/engine/rule.h"

namespace netlint::rules {

const engine::Rule* parse_error();
const engine::Rule* internal_error();
const engine::Rule* unused_suppression();
const engine::Rule* invalid_field();
const engine::Rule* duplicate_resource();
const engine::Rule* ambiguous_view();
const engine::Rule* service_selector_typo();
const engine::Rule* service_selector_matches_no_pods();
const engine::Rule* service_target_port_unresolved();
const engine::Rule* service_target_port_undeclared();
const engine::Rule* service_without_endpoints();
const engine::Rule* service_node_port_conflict();
const engine::Rule* service_external_name_unresolvable();
const engine::Rule* statefulset_service_not_headless();
const engine::Rule* service_internal_traffic_local();
const engine::Rule* ingress_route_conflict();
const engine::Rule* ingress_class_unresolved();
const engine::Rule* ingress_tls_secret_missing();
const engine::Rule* service_selector_spans_workloads();
const engine::Rule* ingress_path_invalid();
const engine::Rule* ingress_api_removed();
const engine::Rule* coredns_corefile_invalid();
const engine::Rule* coredns_removed_directive();
const engine::Rule* coredns_deprecated_directive();
const engine::Rule* coredns_forward_loop();
const engine::Rule* coredns_negative_cache_long();
const engine::Rule* coredns_autopath_ineffective();
const engine::Rule* coredns_forward_unbounded();
const engine::Rule* coredns_lameduck_missing();
const engine::Rule* coredns_deployment_fragile();
const engine::Rule* coredns_probe_mismatch();
const engine::Rule* coredns_metrics_port_mismatch();
const engine::Rule* coredns_reverse_zones_swallowed();
const engine::Rule* kube_proxy_config_invalid();
const engine::Rule* kube_proxy_iptables_at_scale();
const engine::Rule* kube_proxy_ipvs_deprecated();
const engine::Rule* kube_proxy_replacement_conflict();
const engine::Rule* kube_proxy_unknown_field();
const engine::Rule* cilium_kpr_without_apiserver();
const engine::Rule* termination_grace_too_short();
const engine::Rule* prestop_missing_behind_service();
const engine::Rule* probe_port_unresolved();
const engine::Rule* ingress_backend_missing();
const engine::Rule* ingress_backend_port_unresolved();
const engine::Rule* networkpolicy_selector_typo();
const engine::Rule* networkpolicy_selects_no_pods();
const engine::Rule* networkpolicy_peer_typo();
const engine::Rule* networkpolicy_peer_selects_nothing();
const engine::Rule* networkpolicy_not_enforced();
const engine::Rule* networkpolicy_blocks_dns();
const engine::Rule* networkpolicy_blocks_dns_tcp();
const engine::Rule* networkpolicy_dns_egress_too_broad();
const engine::Rule* networkpolicy_rules_ignored();
const engine::Rule* networkpolicy_ipblock_invalid();
const engine::Rule* networkpolicy_port_invalid();
const engine::Rule* networkpolicy_rules_shadowed();
const engine::Rule* networkpolicy_ipblock_host_bits();
const engine::Rule* pod_cidr_overlap();
const engine::Rule* pod_cidr_mismatch();
const engine::Rule* node_pod_capacity();
const engine::Rule* cni_mtu_mismatch();
const engine::Rule* ingress_nginx_unknown_key();
const engine::Rule* ingress_nginx_invalid_value();
const engine::Rule* ingress_nginx_unknown_annotation();
const engine::Rule* ingress_nginx_invalid_annotation();
const engine::Rule* timeout_lb_idle_exceeds_keepalive();
const engine::Rule* timeout_read_exceeds_lb_idle();
const engine::Rule* timeout_upstream_keepalive_exceeds_backend();
const engine::Rule* timeout_backend_exceeds_proxy_read();
const engine::Rule* lb_annotation_ineffective();
const engine::Rule* proxy_protocol_mismatch();
const engine::Rule* snippet_annotation_blocked();
const engine::Rule* ingress_nginx_keepalive_disabled();
const engine::Rule* dns_ndots_amplification();
const engine::Rule* dns_name_unresolvable();
const engine::Rule* dns_config_invalid();
const engine::Rule* dns_policy_skips_cluster_dns();
const engine::Rule* dns_cluster_domain_mismatch();
const engine::Rule* dns_config_truncated();

}  // namespace netlint::rules
