// Services and ConfigMaps.
#include <fmt/format.h>

#include "analyzer/model/extract.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/model/field_checks.h"

namespace netlint::model {
namespace {

void check_service_port(const yaml::NodeRef& p, const Text& type, Problems& problems) {
  const yaml::NodeRef::Entry name = p.find("name");
  check_string(name.key, name.value, {"Service port name", "Service port name", "port names must be strings"}, problems);
  check_port(p.find("port"), PortField::kPort, "port", problems);
  check_port(p.find("targetPort"), PortField::kNumberOrName, "targetPort", problems);
  check_protocol(p.find("protocol"), problems);
  const yaml::NodeRef::Entry node_port = p.find("nodePort");
  const std::size_t before = problems.size();
  check_port(node_port, PortField::kNodePort, "nodePort", problems);
  const Resolved value = resolve(node_port.value);
  if (problems.size() == before && type.value == "ClusterIP" && value.type == YamlType::kInt && value.number != 0) {
    // The API server forbids nodePort on ClusterIP Services (the default type).
    problems.push_back(InputProblem{
        "NL0004", node_port.value.range(),
        fmt::format("nodePort {} is not allowed for a Service of type ClusterIP{}", node_port.value.scalar(),
                    type.range.valid() ? "" : " (the default type)"),
        "set type: NodePort or LoadBalancer, or remove the nodePort", {}});
  }
}

}  // namespace

Service extract_service(const yaml::NodeRef& object, const ObjectMeta& meta, std::vector<InputProblem>& problems) {
  Service svc;
  svc.meta = meta;
  const yaml::NodeRef spec = object.get("spec");
  svc.type = text_field(spec, "type", "ClusterIP");
  const auto selector = spec.find("selector");
  svc.selector_key = selector.key.range();
  svc.selector = string_map(selector.value);
  check_string_map(selector, "selector", problems);
  svc.cluster_ip = text_field(spec, "clusterIP");
  svc.external_name = text_field(spec, "externalName");
  // A placeholder host (`${DB_HOST}`, `<db-host>`) is unknown: nothing to resolve (NL1006).
  if (unknown_placeholder(svc.external_name, FieldKind::kLowerCase, problems)) svc.external_name.value.clear();
  svc.internal_traffic_policy = text_field(spec, "internalTrafficPolicy", "Cluster");
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
    check_service_port(p, svc.type, problems);
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
    if (const yaml::NodeRef target = p.get("targetPort"); target.is_scalar()) {
      port.target_port = text_of(target);
      port.target_port_number = integer_of(target);
      port.target_port_is_name = !port.target_port_number.has_value();
      // `$MINIO_CONSOLE_PORT`, `<port>`, `PORT`: the pods' port is unknown, so the pairings
      // through it (NL1003, NL1009, NL2011, NL2018, NL3002) stay silent.
      if (!port.target_port_number && is_placeholder(port.target_port->value, FieldKind::kLowerCase)) {
        port.target_port_placeholder = true;
        port.target_port_is_name = false;
      }
    }
    port.protocol = text_field(p, "protocol", "TCP");
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
