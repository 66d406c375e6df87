// Everything the cross-object rules need to know about the cluster that the manifests only imply
// (RULES.md Facts), derived once per view from the model and .netlint.yaml. Detection lives in
// one file per subject (cni_detection.cpp, dns_detection.cpp, ...); this header is the shape.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/config/cluster_config.h"
#include "analyzer/diag/diagnostic.h"
#include "analyzer/facts/fact.h"
#include "analyzer/facts/family.h"
#include "analyzer/model/model.h"
#include "analyzer/model/namespace_name.h"

namespace netlint::facts {

// Whether a component enforces NetworkPolicy.
enum class Enforcement { kUnknown, kYes, kNo };
std::string_view enforcement_name(Enforcement e);

struct Cni {
  std::string name;  // flannel | calico | canal | cilium | weave | antrea | kube-router | aws-vpc | azure | k3s
  Enforcement enforces = Enforcement::kUnknown;
  std::string why;  // "kube-network-policies container", "enable-policy: never"
  std::vector<Evidence> evidence;
  // The identity the evidence comes from ("apps/DaemonSet kube-flannel/kube-flannel-ds"), so
  // variants of one object are told from separate components.
  std::string identity;
};

struct CniFact {
  std::vector<Cni> cnis;        // one, or the members of a known combination
  std::string combination;      // "", or e.g. "cilium chained on aws-vpc", "calico policy on aws-vpc"
  std::string display() const;  // "flannel", "canal", "cilium + aws-vpc (chained)"
  // Cilium, alone or chained, enforces policy by cluster identity: an ipBlock never matches a pod
  // there (RULES.md NL2xxx preamble). The evaluator and NL2010's message both ask this.
  bool ip_blocks_skip_pods() const;
};

struct DnsTarget {
  std::string namespace_name = "kube-system";
  model::Labels pod_labels;  // default {k8s-app: kube-dns}
  int port = 53;             // the DNS pods' port after Service DNAT
  std::string service;       // "kube-system/kube-dns" when the Service is in view
  // The Service's ClusterIP per family (spec.clusterIPs, else clusterIP); empty when not written.
  std::array<std::string, 2> cluster_ips;
  Family primary = Family::kIPv4;  // the family of spec.clusterIP (the first of clusterIPs)

  const std::string& cluster_ip(Family f) const { return cluster_ips[static_cast<std::size_t>(f)]; }
  // Every written ClusterIP, IPv4 first.
  std::vector<std::string> all_cluster_ips() const;
};

// A CNI pool (RULES.md Facts "Dual-stack": pools are sets per family, several never conflict):
// a Calico IPPool with its blockSize, a Cilium cluster pool, Flannel's Network or IPv6Network.
struct Pool {
  std::string cidr;
  std::optional<int> block_size;  // Calico's per-block prefix (default 26 for IPv4, 122 for IPv6)
};

struct PortRange {
  int low = 30000;
  int high = 32767;
};

struct NodeLocalDns {
  std::string mode;     // iptables | ipvs | cilium-lrp | unknown
  std::string address;  // the local IP (169.254.20.10), empty when a placeholder
};

struct LoadBalancerFacts {
  std::string service;   // namespace/name of the LoadBalancer Service
  std::string provider;  // "", or what classify_load_balancer found
  std::string kind;      // l4 | l7 | "" (unknown)
  std::optional<int> idle_timeout_seconds;
  bool idle_timeout_default = false;
  std::optional<bool> proxy_protocol;
  std::vector<Evidence> evidence;
};

struct IngressController {
  std::string workload;  // "apps/Deployment ingress-nginx/ingress-nginx-controller"
  std::string namespace_name;
  model::Labels pod_labels;
  std::string controller_class = "k8s.io/ingress-nginx";
  std::vector<std::string> classes;  // IngressClass names (or --ingress-class) it serves
  std::string config_map;            // namespace/name from --configmap
  SourceRange config_map_flag;       // where --configmap is written (invalid when configured or absent)
  // Whether the ConfigMap is known: a detected controller without --configmap reads none (its
  // defaults apply); a controller from .netlint.yaml does not say which one it reads.
  bool config_map_known = true;
  // --annotations-prefix: the prefix of the annotations the controller reads.
  std::string annotations_prefix = "nginx.ingress.kubernetes.io";
  // --watch-ingress-without-class: the controller also takes Ingresses that name no class.
  bool watches_classless = false;
  std::optional<LoadBalancerFacts> load_balancer;
  std::vector<Evidence> evidence;
};

// What a conflict is, which decides its run-level note's topic (RULES.md "Run-level notes
// (NL0006)"): evidence of the view that disagrees (`ambiguous-fact`), or .netlint.yaml setting a
// fact the manifests contradict (`config-overrides-detection`).
enum class ConflictKind : std::uint8_t { kAmbiguousFact, kConfigOverridesDetection };
std::string_view conflict_topic(ConflictKind kind);  // "ambiguous-fact", "config-overrides-detection"

// A run-level note (NL0006): evidence that conflicts, or config that contradicts detection.
struct Conflict {
  std::string fact;    // "cni", "podCIDRs", ...
  SourceRange anchor;  // the later conflicting evidence, or the config key
  std::vector<diag::RelatedLocation> related;
  std::string message;
  ConflictKind kind = ConflictKind::kAmbiguousFact;
};

struct ClusterFacts {
  Fact<CniFact> cni;
  Fact<bool> network_policy_enforced;
  Fact<DnsTarget> dns;
  Fact<PortRange> node_port_range;
  // Per family (RULES.md Facts "Dual-stack"): the cluster pod CIDR (kubeadm podSubnet,
  // --cluster-cidr, kube-proxy clusterCIDR) is one value per family; the CNI's pools are a set.
  PerFamily<std::string> cluster_pod_cidr;
  PerFamily<std::vector<Pool>> cni_pools;
  // The pod ranges of a family: its cluster pod CIDR and its CNI pools (or `podCIDRs` from
  // .netlint.yaml, which replaces them for each family it names). What the rules read.
  PerFamily<std::vector<std::string>> pod_cidrs;
  Fact<std::string> ipam_mode;
  PerFamily<int> node_block_prefix;  // per-node block of host-local style IPAM as a prefix length
  PerFamily<std::string> service_cidr;
  Fact<std::string> domain;
  // kubelet clusterDNS in its order: every entry goes first into a ClusterFirst pod's resolv.conf.
  Fact<std::vector<std::string>> cluster_dns;
  Fact<int> max_pods;
  Fact<std::string> kubernetes_version;
  Fact<std::string> coredns_version;
  Fact<std::string> ingress_nginx_version;
  Fact<std::string> cilium_version;
  Fact<std::vector<IngressController>> ingress_controllers;
  Fact<NodeLocalDns> node_local_dns;
  PerFamily<std::vector<std::string>> node_cidrs;  // config only; a set per family
  Fact<int> node_mtu;
  Fact<std::vector<std::string>> node_search_domains;
  Fact<int> scale_services;
  // RULES.md Facts `kubeProxy`: true present, false absent (known only from a kube-proxy
  // DaemonSet or config, kubeadm's proxy.disabled/skipPhases, or .netlint.yaml).
  Fact<bool> kube_proxy;
  // .netlint.yaml `cluster.namespaces` (RULES.md "Namespace states": config wins over detection;
  // "~" names the apply-time namespace). Read by index::NamespaceCatalog.
  model::NamespaceStateConfig namespace_states;
  std::vector<Conflict> conflicts;
};

// The `cluster:` settings of .netlint.yaml for this view (global, with a `clusters:` entry's
// `cluster:` over it), with their ranges in the config file.
struct FactsConfig {
  config::ClusterSettings global;
  config::ClusterSettings view;  // the view's own `cluster:`
  FileId config_file = kNoFile;  // the config file's id in the model, for anchors
};

ClusterFacts derive_facts(const model::Model& model, const FactsConfig& config = {});

// The newest releases known to this build: rules use them when a version is unknown (RULES.md
// Conventions: an unknown version counts as the newest release).
struct NewestVersions {
  static constexpr std::string_view kubernetes = "1.35";
  static constexpr std::string_view coredns = "1.14.7";
  static constexpr std::string_view ingress_nginx = "1.15.1";
  static constexpr std::string_view cilium = "1.18.13";
};

// Detectors, one subject each (called by derive_facts in this order).
void detect_cni(const model::Model& model, ClusterFacts& facts);
void detect_dns(const model::Model& model, ClusterFacts& facts);
void detect_addressing(const model::Model& model, ClusterFacts& facts);
void detect_cidrs(const model::Model& model, ClusterFacts& facts);  // the per-family CIDR facts
void detect_versions(const model::Model& model, ClusterFacts& facts);
void detect_ingress_controllers(const model::Model& model, ClusterFacts& facts);
void detect_node_local_dns(const model::Model& model, ClusterFacts& facts);
void detect_kube_proxy(const model::Model& model, ClusterFacts& facts);
// Applies .netlint.yaml over detection; contradictions become conflicts.
void apply_config(const FactsConfig& config, ClusterFacts& facts);

}  // namespace netlint::facts
