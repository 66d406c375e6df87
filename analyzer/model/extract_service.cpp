// Services and ConfigMaps.
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/model/extract.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/model/field_checks.h"
#include "analyzer/model/placeholder.h"

namespace netlint::model {
namespace {

constexpr std::string_view kServiceTypes[] = {"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"};
constexpr std::string_view kTrafficPolicies[] = {"Cluster", "Local"};
constexpr std::string_view kSessionAffinities[] = {"None", "ClientIP"};

// The enums of a Service's spec (pkg/apis/core/validation ValidateService): wrong-case or
// unknown values are NL0004 and stay as written, so rules read them as unknown.
void check_service_enums(const yaml::NodeRef& spec, Problems& problems) {
  check_enum(spec.find("type"), {"type", kServiceTypes}, problems);
  check_enum(spec.find("externalTrafficPolicy"), {"externalTrafficPolicy", kTrafficPolicies}, problems);
  // A pointer in the API: "" is written, not unset, and rejected.
  check_enum(spec.find("internalTrafficPolicy"), {"internalTrafficPolicy", kTrafficPolicies, false}, problems);
  check_enum(spec.find("sessionAffinity"), {"sessionAffinity", kSessionAffinities}, problems);
}

// Checks one `ports` item; false when its targetPort or protocol is invalid (NL0004): the API
// server rejects the Service, and rules pair nothing through that value.
struct PortChecks {
  bool target_port_ok = true;
  bool protocol_ok = true;
};

PortChecks check_service_port(const yaml::NodeRef& p, const Text& type, Problems& problems) {
  PortChecks ok;
  const yaml::NodeRef::Entry name = p.find("name");
  check_string(name.key, name.value, {"Service port name", "Service port name", "port names must be strings"},
               problems);
  check_port(p.find("port"), PortField::kPort, "port", problems);
  std::size_t before = problems.size();
  check_port(p.find("targetPort"), PortField::kTargetPort, "targetPort", problems);
  // A placeholder is marked among the problems but is no NL0004: extraction flags it unknown.
  ok.target_port_ok =
      std::all_of(problems.begin() + static_cast<std::ptrdiff_t>(before), problems.end(),
                  [](const InputProblem& problem) { return problem.kind == InputProblemKind::kPlaceholder; });
  ok.protocol_ok = check_protocol(p.find("protocol"), problems);
  const yaml::NodeRef::Entry node_port = p.find("nodePort");
  before = problems.size();
  check_port(node_port, PortField::kNodePort, "nodePort", problems);
  const Resolved value = resolve(node_port.value);
  const bool cluster_ip = type.value.empty() || type.value == "ClusterIP";  // "": the default (api_defaults.h)
  if (problems.size() == before && cluster_ip && value.type == YamlType::kInt && value.number != 0) {
    // The API server forbids nodePort on ClusterIP Services (the default type).
    problems.push_back(
        InputProblem{InputProblemKind::kInvalidField,
                     node_port.value.range(),
                     fmt::format("nodePort {} is not allowed for a Service of type ClusterIP{}",
                                 node_port.value.scalar(), type.value.empty() ? " (the default type)" : ""),
                     "set type: NodePort or LoadBalancer, or remove the nodePort",
                     {}});
  }
  return ok;
}

}  // namespace

Service extract_service(const yaml::NodeRef& object, const ObjectMeta& meta, std::vector<InputProblem>& problems) {
  Service svc;
  svc.meta = meta;
  const yaml::NodeRef spec = object.get("spec");
  svc.type = text_field(spec, "type");
  check_service_enums(spec, problems);
  const auto selector = spec.find("selector");
  svc.selector_key = selector.key.range();
  svc.selector = string_map(selector.value);
  check_string_map(selector, "selector", problems);
  svc.cluster_ip = text_field(spec, "clusterIP");
  svc.cluster_ips = string_list(spec.get("clusterIPs"));
  svc.external_name = text_field(spec, "externalName");
  // A placeholder host (`${DB_HOST}`, `<db-host>`) is unknown: nothing to resolve (NL1006).
  if (unknown_placeholder(svc.external_name, FieldKind::kLowerCase, problems)) svc.external_name.value.clear();
  svc.internal_traffic_policy = text_field(spec, "internalTrafficPolicy");
  svc.load_balancer_class = text_field(spec, "loadBalancerClass");
  if (const yaml::NodeRef hc = spec.get("healthCheckNodePort"); hc.is_scalar()) {
    if (auto n = integer_of(hc)) svc.health_check_node_port = Spanned<std::int64_t>{*n, hc.range()};
  }
  const yaml::NodeRef ports = spec.get("ports");
  check_list(spec.find("ports"), problems);
  svc.ports.reserve(ports.size());
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    const yaml::NodeRef p = ports.item(i);
    if (!p.is_map()) continue;
    const PortChecks checks = check_service_port(p, svc.type, problems);
    // A protocol the API rejects (`tcp`) leaves the port's traffic unknown: as for an invalid
    // port number, the API rejects the Service and no rule pairs anything through the port.
    if (!checks.protocol_ok) continue;
    ServicePort port;
    port.item = p.range();
    port.name = text_of(p.get("name"));
    // A placeholder port name (`${PORT_NAME}`) is unknown: which port a backend names is too.
    if (unknown_placeholder(port.name, FieldKind::kLowerCase, problems)) svc.ports_known = false;
    const yaml::NodeRef number = p.get("port");
    const std::optional<std::int64_t> port_number = integer_of(number);
    // A port that is no number from 1 to 65535 is NL0004, and the API rejects the Service: no
    // rule pairs anything through it (an invalid port as -1 reached messages and NL1009). A
    // placeholder (`$PORT`) is not invalid but unknown: the Service's ports are then not known.
    if (!port_number || *port_number < 1 || *port_number > 65535) {
      if (number.is_scalar() && is_placeholder(number.scalar(), FieldKind::kLowerCase)) svc.ports_known = false;
      continue;
    }
    port.port = {*port_number, number.range()};
    // targetPort as written; api_defaults.h defaults it (not written, 0 or "") to the port.
    if (!checks.target_port_ok) {
      port.target_port_unknown = true;
    } else if (const yaml::NodeRef target = p.get("targetPort");
               target.is_scalar() && resolve(target).type != YamlType::kNull) {
      port.target_port = text_of(target);
      const Resolved r = resolve(target);
      // A whole float reaches the API server as a JSON integer (`8080.0` is 8080).
      if (r.type == YamlType::kInt || r.type == YamlType::kFloat)
        port.target_port_number = static_cast<std::int64_t>(r.number);
      port.target_port_is_name = !port.target_port_number.has_value() && !port.target_port->value.empty();
      // `$MINIO_CONSOLE_PORT`, `<port>`, `PORT`: the pods' port is unknown, so the pairings
      // through it (NL1003, NL1009, NL2011, NL2018, NL3002) stay silent, and it is not defaulted.
      if (!port.target_port_number && is_placeholder(port.target_port->value, FieldKind::kLowerCase)) {
        port.target_port_placeholder = true;
        port.target_port_is_name = false;
        port.target_port_unknown = true;
      }
    }
    port.protocol = text_field(p, "protocol");
    if (const yaml::NodeRef node_port = p.get("nodePort"); node_port.is_scalar()) {
      port.node_port = Spanned<std::int64_t>{integer_of(node_port).value_or(-1), node_port.range()};
    }
    svc.ports.push_back(std::move(port));
  }
  return svc;
}

ConfigMap extract_config_map(const yaml::NodeRef& object, const ObjectMeta& meta, std::vector<InputProblem>& problems) {
  ConfigMap cm;
  cm.meta = meta;
  check_string_map(object.find("data"), "ConfigMap data", problems);
  check_string_map(object.find("binaryData"), "binaryData", problems);
  for (const auto& [key, binary] : {std::pair{"data", false}, std::pair{"binaryData", true}}) {
    for (const auto& [k, v] : map_entries(object.get(key))) {
      if (!k.is_scalar() || !v.is_scalar()) continue;
      ConfigMapEntry entry;
      entry.key = text_of(k);
      entry.value = text_of(v);
      entry.block_scalar = v.style() == yaml::ScalarStyle::kLiteral || v.style() == yaml::ScalarStyle::kFolded;
      entry.binary = binary;
      cm.data.push_back(std::move(entry));
    }
  }
  return cm;
}

}  // namespace netlint::model
