#include "analyzer/index/reference_index.h"

#include <set>

namespace netlint::index {

ReferenceIndex::ReferenceIndex(const model::Model& model, std::string domain) {
  std::set<std::string, std::less<>> namespaces;
  for (const model::ObjectMeta& o : model.objects) {
    if (!o.namespace_name.value.empty()) namespaces.insert(o.namespace_name.value);
    if (o.kind.value == "Namespace") namespaces.insert(o.name.value);
  }
  const HostClassifier classifier([&namespaces](std::string_view n) { return namespaces.count(n) != 0; }, std::move(domain));
  const ConfigMapLookup config_maps = [&model](std::string_view ns, std::string_view name) -> const model::ConfigMap* {
    for (const model::ConfigMap& cm : model.config_maps) {
      if (cm.meta.namespace_name.value == ns && cm.meta.name.value == name) return &cm;
    }
    return nullptr;
  };
  const SourceTextLookup text = [&model](FileId id) -> std::string_view { return model.file(id).text; };
  for (const model::PodSource& pod : model.pod_sources) {
    if (pod.synthetic || !pod.containers_known) continue;
    PodReferences entry{&pod, extract_references(pod, config_maps, classifier, text)};
    if (!entry.references.empty()) pods_.push_back(std::move(entry));
  }
}

std::string service_namespace(const Reference& r, const model::PodSource& pod) {
  switch (r.kind) {
    case HostKind::kServiceShort: return pod.meta.namespace_name.value;
    case HostKind::kServiceNamespace:
    case HostKind::kServiceSvc: return r.namespace_name;
    case HostKind::kServiceFqdn: return r.other_domain ? std::string() : r.namespace_name;
    default: return {};
  }
}

std::vector<ServiceReference> ReferenceIndex::to_service(std::string_view ns, std::string_view name) const {
  std::vector<ServiceReference> out;
  for (const PodReferences& p : pods_) {
    for (const Reference& r : p.references) {
      if (r.service != name) continue;
      if (!ns.empty() && service_namespace(r, *p.pod) == ns) out.push_back({p.pod, &r});
    }
  }
  return out;
}

}  // namespace netlint::index
