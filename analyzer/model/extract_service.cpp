// Services and ConfigMaps.
#include "analyzer/model/extract.h"
#include "analyzer/model/extract_util.h"

namespace netlint::model {

Service extract_service(const yaml::NodeRef& object, const ObjectMeta& meta) {
  Service svc;
  svc.meta = meta;
  const yaml::NodeRef spec = object.get("spec");
  svc.type = text_field(spec, "type", "ClusterIP");
  const auto selector = spec.find("selector");
  svc.selector_key = selector.key.range();
  svc.selector = string_map(selector.value);
  svc.cluster_ip = text_field(spec, "clusterIP");
  svc.external_name = text_field(spec, "externalName");
  svc.internal_traffic_policy = text_field(spec, "internalTrafficPolicy", "Cluster");
  const yaml::NodeRef ports = spec.get("ports");
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    const yaml::NodeRef p = ports.item(i);
    if (!p.is_map()) continue;
    ServicePort port;
    port.item = p.range();
    port.name = text_of(p.get("name"));
    const yaml::NodeRef number = p.get("port");
    port.port = {integer_of(number).value_or(-1), number.range()};
    if (const yaml::NodeRef target = p.get("targetPort"); target.is_scalar()) {
      port.target_port = text_of(target);
      port.target_port_is_name = !integer_of(target).has_value();
    }
    port.protocol = text_field(p, "protocol", "TCP");
    if (const yaml::NodeRef node_port = p.get("nodePort"); node_port.is_scalar()) {
      port.node_port = Spanned<std::int64_t>{integer_of(node_port).value_or(-1), node_port.range()};
    }
    svc.ports.push_back(std::move(port));
  }
  return svc;
}

ConfigMap extract_config_map(const yaml::NodeRef& object, const ObjectMeta& meta) {
  ConfigMap cm;
  cm.meta = meta;
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
