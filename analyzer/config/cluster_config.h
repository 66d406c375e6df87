// The `cluster:` settings of .netlint.yaml (global, or a `clusters:` entry's) as typed values. They
// are read from the YAML once, here, and every reader uses them: config's own cross-field checks,
// the loader (applyNamespace, the views' paths) and the facts layer (config over detection). Each
// value keeps where it is written (ranges in the config file, whose FileId only the loader knows),
// so a fact's note can point at the key that set it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/object_meta.h"
#include "analyzer/source/source_file.h"
#include "analyzer/yaml/node_ref.h"

namespace netlint::config {

// A setting and the key that writes it (a `cluster:` key: `dns`, `podCIDRs`, ...).
template <class T>
struct Keyed {
  T value{};
  SourceRange key;
};

struct DnsSettings {
  std::optional<std::string> namespace_name;
  std::optional<model::Labels> pod_labels;  // when a mapping (possibly empty)
  std::optional<std::int64_t> port;
};

struct LoadBalancerSettings {
  std::optional<std::string> kind;          // l4 | l7
  std::optional<int> idle_timeout_seconds;  // seconds, or a Go duration truncated to seconds
  std::optional<bool> proxy_protocol;
};

struct IngressControllerSettings {
  std::optional<std::string> class_name;
  std::optional<std::string> namespace_name;
  model::Labels pod_labels;
  std::optional<LoadBalancerSettings> load_balancer;  // when a mapping
};

// `namespaces:` (RULES.md "Namespace states").
struct NamespaceSettings {
  std::vector<model::Text> complete;
  std::vector<model::Text> open;
};

// `nodeBlockSize:` (RULES.md Facts "Dual-stack"): a prefix length per family, where written.
struct NodeBlockSettings {
  std::optional<model::Spanned<std::int64_t>> ipv4;
  std::optional<model::Spanned<std::int64_t>> ipv6;
};

struct PortRangeSetting {
  int low = 0;
  int high = 0;
  std::string written;  // as in the file ("30000-32767")
};

// Absent: not written (or not of its type). The object-valued keys (namespaces, nodeBlockSize,
// scale) are present whenever written, even empty, so a cluster's own `namespaces:` hides the
// global one; `dns` only as a mapping (its keys go over the global ones one by one).
struct ClusterSettings {
  std::optional<model::Text> apply_namespace;
  std::optional<Keyed<NamespaceSettings>> namespaces;
  std::optional<Keyed<std::string>> domain;
  std::optional<Keyed<std::string>> cni;  // as written, `auto` included
  std::optional<Keyed<std::vector<model::Text>>> pod_cidrs;
  std::optional<Keyed<std::vector<model::Text>>> service_cidrs;
  std::optional<Keyed<std::vector<model::Text>>> node_cidrs;
  std::optional<Keyed<NodeBlockSettings>> node_block_size;
  std::optional<Keyed<std::vector<model::Text>>> cluster_dns;
  std::optional<Keyed<std::int64_t>> node_mtu;
  std::optional<Keyed<std::vector<model::Text>>> node_search_domains;
  std::optional<Keyed<PortRangeSetting>> node_port_range;
  std::optional<Keyed<std::string>> kubernetes_version;
  std::optional<Keyed<bool>> network_policy_enforced;
  std::optional<Keyed<bool>> kube_proxy;
  std::optional<Keyed<DnsSettings>> dns;
  std::optional<Keyed<std::vector<IngressControllerSettings>>> ingress_controllers;
  std::optional<Keyed<std::optional<std::int64_t>>> scale_services;  // `scale:`, and its `services`
};

// A `clusters:` entry: the files of the view and its own settings (over the global ones).
struct ClusterView {
  std::vector<std::string> paths;
  ClusterSettings cluster;
};

// Reads a `clusters:` entry ({paths, cluster}).
ClusterView read_cluster_view(const yaml::NodeRef& entry);

// Reads a `cluster:` mapping (an invalid or null node reads as no settings). Values of the wrong
// type are left out; config validation reports them, and a config with errors is not used.
ClusterSettings read_cluster_settings(const yaml::NodeRef& cluster);

// `([0-9]{1,5})-([0-9]{1,5})` with 1 <= low <= high <= 65535, as `nodePortRange` takes it.
std::optional<PortRangeSetting> parse_port_range(std::string_view text);

}  // namespace netlint::config
