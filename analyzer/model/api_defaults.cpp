#include "analyzer/model/api_defaults.h"

#include <string>

#include "analyzer/model/extract_util.h"

namespace netlint::model {
namespace {

// A field the API server defaults when it is not written or written as "" (Go's zero value):
// the default, unpositioned; a written value (valid or not) is kept.
void default_text(Text& field, std::string_view value) {
  if (field.value.empty()) field = synthesised(std::string(value));
}

}  // namespace

void apply_api_defaults(Service& service) {
  // pkg/apis/core/v1/defaults.go SetDefaults_Service:
  //   if obj.Spec.Type == "" { obj.Spec.Type = v1.ServiceTypeClusterIP }
  default_text(service.type, "ClusterIP");
  //   if obj.Spec.InternalTrafficPolicy == nil && obj.Spec.Type != ExternalName { ... = Cluster }
  if (service.type.value != "ExternalName") default_text(service.internal_traffic_policy, "Cluster");
  for (ServicePort& port : service.ports) {
    //   if sp.Protocol == "" { sp.Protocol = v1.ProtocolTCP }
    default_text(port.protocol, "TCP");
    //   if sp.TargetPort == intstr.FromInt32(0) || sp.TargetPort == intstr.FromString("") {
    //       sp.TargetPort = intstr.FromInt32(sp.Port) }
    // An unknown targetPort (one the API rejects) is not defaulted: it stays unknown.
    if (port.target_port_unknown) continue;
    const bool unset = !port.target_port || port.target_port->value.empty() ||
                       (port.target_port_number && *port.target_port_number == 0);
    if (!unset) continue;
    port.target_port = Text{std::to_string(port.port.value), port.item};
    port.target_port_number = port.port.value;
    port.target_port_is_name = false;
    port.target_port_defaulted = true;
  }
}

void apply_api_defaults(NetworkPolicy& policy) {
  // pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicyPort:
  //   if obj.Protocol == nil { proto := v1.ProtocolTCP; obj.Protocol = &proto }
  // (SetDefaults_NetworkPolicy's policyTypes: NetworkPolicy::affects_ingress/affects_egress.)
  for (auto* rules : {&policy.ingress, &policy.egress}) {
    for (PolicyRule& rule : *rules) {
      for (PolicyPort& port : rule.ports) default_text(port.protocol, "TCP");
    }
  }
}

void apply_api_defaults(PodSource& pod) {
  // pkg/apis/core/v1/defaults.go SetDefaults_PodSpec:
  //   if obj.DNSPolicy == "" { obj.DNSPolicy = v1.DNSClusterFirst }
  default_text(pod.dns_policy, "ClusterFirst");
  for (Container& c : pod.containers) {
    // SetDefaults_ContainerPort: if obj.Protocol == "" { obj.Protocol = v1.ProtocolTCP }
    for (ContainerPort& port : c.ports) default_text(port.protocol, "TCP");
  }
}

}  // namespace netlint::model
