// Ingresses: networking.k8s.io/v1 backends (`service: {name, port: {number|name}}`) and the
// v1beta1 ones (`serviceName`, `servicePort`) of the removed API groups, which NL3007 reports
// but whose wiring is still checked.
#include "analyzer/model/extract.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/model/field_checks.h"

namespace netlint::model {
namespace {

// A placeholder name (`<editme>`, `${SERVICE}`) is unknown: kept empty, so no rule resolves it.
Text known(Text value, Problems& problems) {
  if (unknown_placeholder(value, FieldKind::kLowerCase, problems)) value.value.clear();
  return value;
}

IngressBackend backend_of(const yaml::NodeRef::Entry& entry, Problems& problems) {
  IngressBackend b;
  b.key = entry.key.range();
  const yaml::NodeRef node = entry.value;
  if (const yaml::NodeRef service = node.get("service"); service.is_map()) {
    b.service_name = known(text_of(service.get("name")), problems);
    const yaml::NodeRef port = service.get("port");
    if (const yaml::NodeRef number = port.get("number"); number.is_scalar()) {
      if (auto n = integer_of(number))
        b.port_number = Spanned<std::int64_t>{*n, number.range()};
      else
        unknown_placeholder(text_of(number), FieldKind::kLowerCase, problems);
    }
    b.port_name = known(text_of(port.get("name")), problems);
  } else if (const yaml::NodeRef name = node.get("serviceName"); name.is_scalar()) {
    b.service_name = known(text_of(name), problems);
    const yaml::NodeRef port = node.get("servicePort");
    if (auto n = integer_of(port))
      b.port_number = Spanned<std::int64_t>{*n, port.range()};
    else if (port.is_scalar())
      b.port_name = known(text_of(port), problems);
  }
  b.resource = node.get("resource").is_map();
  return b;
}

}  // namespace

Ingress extract_ingress(const yaml::NodeRef& object, const ObjectMeta& meta, Problems& problems) {
  Ingress ing;
  ing.meta = meta;
  const yaml::NodeRef spec = object.get("spec");
  ing.class_name = text_of(spec.get("ingressClassName"));
  if (const Label* a = find_label(meta.annotations, "kubernetes.io/ingress.class")) ing.class_annotation = a->value;
  for (std::string_view key : {"defaultBackend", "backend"}) {  // `backend` in v1beta1
    if (const yaml::NodeRef::Entry e = spec.find(key); e.value.is_map()) ing.default_backend = backend_of(e, problems);
  }
  const yaml::NodeRef rules = spec.get("rules");
  for (std::uint32_t i = 0; i < rules.size(); ++i) {
    const yaml::NodeRef r = rules.item(i);
    if (!r.is_map()) continue;
    IngressRule rule;
    rule.host = text_of(r.get("host"));
    rule.host_unknown = unknown_placeholder(rule.host, FieldKind::kLowerCase, problems);
    const yaml::NodeRef paths = r.get("http").get("paths");
    for (std::uint32_t j = 0; j < paths.size(); ++j) {
      const yaml::NodeRef p = paths.item(j);
      if (!p.is_map()) continue;
      IngressPath path;
      path.path = text_of(p.get("path"));
      path.path_type = text_of(p.get("pathType"));
      if (const yaml::NodeRef::Entry e = p.find("backend"); e.value.is_map()) path.backend = backend_of(e, problems);
      rule.paths.push_back(std::move(path));
    }
    ing.rules.push_back(std::move(rule));
  }
  const yaml::NodeRef tls = spec.get("tls");
  for (std::uint32_t i = 0; i < tls.size(); ++i) {
    const yaml::NodeRef t = tls.item(i);
    if (!t.is_map()) continue;
    IngressTls entry{known(text_of(t.get("secretName")), problems), string_list(t.get("hosts"))};
    // A placeholder host matches no written host: dropped, so no rule compares it.
    std::erase_if(entry.hosts,
                  [&](const Text& host) { return unknown_placeholder(host, FieldKind::kLowerCase, problems); });
    ing.tls.push_back(std::move(entry));
  }
  return ing;
}

std::optional<SecretProducer> extract_secret_producer(const yaml::NodeRef& object, const ObjectMeta& meta) {
  const std::string& kind = meta.kind.value;
  const std::string group = meta.group();
  const yaml::NodeRef spec = object.get("spec");
  Text name;
  bool tls = true;
  if (kind == "Secret" && meta.api_version.value == "v1") {
    name = meta.name;
    tls = object.get("type").scalar() == "kubernetes.io/tls";
  } else if (kind == "Certificate" && group == "cert-manager.io") {
    name = text_of(spec.get("secretName"));
  } else if (kind == "ExternalSecret" && group.starts_with("external-secrets.io")) {
    name = text_of(spec.get("target").get("name"));
    if (name.value.empty()) name = meta.name;
  } else if (kind == "SealedSecret" && group == "bitnami.com") {
    name = text_of(spec.get("template").get("metadata").get("name"));
    if (name.value.empty()) name = meta.name;
  } else {
    return std::nullopt;
  }
  if (name.value.empty()) return std::nullopt;
  return SecretProducer{meta, name, tls};
}

}  // namespace netlint::model
