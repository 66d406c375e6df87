#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/object_meta.h"

namespace netlint::model {

struct ServicePort {
  Text name;
  Spanned<std::int64_t> port;
  // targetPort after API defaulting (api_defaults.h): a number or a name as written, or, when
  // not written, 0 or "", the port's number (target_port_defaulted; the range is then the port
  // entry's). nullopt when its value is unknown: one the API server rejects (NL0004).
  std::optional<Text> target_port;
  bool target_port_is_name = false;
  std::optional<std::int64_t> target_port_number;  // when targetPort is a number (always when defaulted)
  bool target_port_defaulted = false;
  bool target_port_unknown = false;  // set by extraction: never defaulted
  // targetPort is a placeholder (`$PORT`, `<port>`, `PORT`): written, but its value is unknown
  // (neither a name nor a number; target_port holds the text for anchors; also target_port_unknown).
  bool target_port_placeholder = false;
  Text protocol;  // defaulted "TCP" (invalid range) when not written
  std::optional<Spanned<std::int64_t>> node_port;
  SourceRange item;
};

struct Service {
  ObjectMeta meta;
  Text type;                 // defaulted "ClusterIP" (invalid range) when not written
  Labels selector;           // empty when absent or `{}`
  SourceRange selector_key;  // `selector:` (invalid when absent)
  std::vector<ServicePort> ports;
  // False when a port or port name is a placeholder: `ports` lacks what it stands for, so no
  // rule may conclude that the Service has no such port.
  bool ports_known = true;
  Text cluster_ip;
  // spec.clusterIPs: one address per IP family on dual-stack Services (the first equals
  // clusterIP); empty when not written.
  std::vector<Text> cluster_ips;
  Text external_name;
  Text internal_traffic_policy;  // defaulted "Cluster" except for ExternalName
  // spec.loadBalancerClass: empty when not written. When set, the cloud provider's built-in
  // controller leaves the Service alone and the controller of that class provisions the LB.
  Text load_balancer_class;
  std::optional<Spanned<std::int64_t>> health_check_node_port;

  bool has_selector() const { return !selector.empty(); }
  bool headless() const { return cluster_ip.value == "None"; }
};

}  // namespace netlint::model
