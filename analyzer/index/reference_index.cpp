#include "analyzer/index/reference_index.h"

#include <map>
#include <set>

namespace netlint::index {

ReferenceIndex::ReferenceIndex(const model::Model& model, std::string domain, ConfigFileValuesCache* file_values,
                               HostScanCache* host_scans) {
  std::set<std::string, std::less<>> namespaces;
  for (const model::ObjectMeta& o : model.objects) {
    if (!o.namespace_name.value.empty()) namespaces.insert(o.namespace_name.value);
    if (o.kind.value == "Namespace") namespaces.insert(o.name.value);
  }
  const HostClassifier classifier([&namespaces](std::string_view n) { return namespaces.count(n) != 0; },
                                  std::move(domain));
  // First definition of each (namespace, name), as the scan it replaces returned: one lookup per
  // consumed ConfigMap of every pod made that scan quadratic (17% of a 100,000-object run).
  std::map<std::pair<std::string_view, std::string_view>, const model::ConfigMap*> by_name;
  for (const model::ConfigMap& cm : model.config_maps)
    by_name.emplace(std::pair{std::string_view(cm.meta.namespace_name.value), std::string_view(cm.meta.name.value)},
                    &cm);
  const ConfigMapLookup config_maps = [&by_name](std::string_view ns,
                                                 std::string_view name) -> const model::ConfigMap* {
    const auto it = by_name.find({ns, name});
    return it == by_name.end() ? nullptr : it->second;
  };
  const SourceTextLookup text = [&model](FileId id) -> std::string_view { return model.file(id).text; };
  ConfigFileValuesCache local_files;
  ConfigFileValuesCache* const files = file_values != nullptr ? file_values : &local_files;
  HostScanCache local_scans;
  HostScanCache* const scans = host_scans != nullptr ? host_scans : &local_scans;
  for (const model::PodSource& pod : model.pod_sources) {
    if (pod.synthetic || !pod.containers_known) continue;
    PodReferences entry{&pod, extract_references(pod, config_maps, classifier, text, files, scans)};
    if (!entry.references.empty()) pods_.push_back(std::move(entry));
  }
}

std::string service_namespace(const Reference& r, const model::PodSource& pod) {
  switch (r.kind) {
    case HostKind::kServiceShort:
      return pod.meta.namespace_name.value;
    case HostKind::kServiceNamespace:
    case HostKind::kServiceSvc:
      return r.namespace_name;
    case HostKind::kServiceFqdn:
      return r.other_domain ? std::string() : r.namespace_name;
    default:
      return {};
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
