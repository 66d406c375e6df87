#include "analyzer/index/reference_index.h"

#include <map>
#include <set>
#include <unordered_map>

#include "analyzer/index/kept_references.h"
#include "analyzer/util/key_writer.h"

namespace netlint::index {

namespace {

// What the classifier answers from: the view's namespaces and the cluster domain.
std::string classifier_key(const std::set<std::string, std::less<>>& namespaces, const std::string& domain) {
  std::string key;
  for (const std::string& ns : namespaces) {
    key += ns;
    key += '\0';
  }
  key += '\0';
  key += domain;
  return key;
}

void append_id(std::string& key, std::uint64_t id) {
  KeyWriter(key).number(id);
}

}  // namespace

ReferenceIndex::ReferenceIndex(const model::Model& model, std::string domain, ConfigFileValuesCache* file_values,
                               HostScanCache* host_scans, KeptReferences* kept) {
  std::set<std::string, std::less<>> namespaces;
  for (const model::ObjectMeta& o : model.objects) {
    if (!o.namespace_name.value.empty()) namespaces.insert(o.namespace_name.value);
    if (o.kind.value == "Namespace") namespaces.insert(o.name.value);
  }
  // Every pod's key starts with the classifier's id (namespace names hold no NUL).
  const std::string pod_key_prefix = [&] {
    std::string prefix;
    if (kept != nullptr) append_id(prefix, kept->content_id(classifier_key(namespaces, domain)));
    return prefix;
  }();
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
  // Each ConfigMap's content id, written once per index however many pods read it.
  std::unordered_map<const model::ConfigMap*, std::uint64_t> config_map_ids;
  const ConfigMapKeyWriter config_map_key = [&](std::string& key, const model::ConfigMap* cm) {
    if (cm == nullptr) return append_id(key, 0);
    auto [it, added] = config_map_ids.emplace(cm, 0);
    if (added) {
      std::string content;
      write_config_map_key(content, *cm, text);
      it->second = kept->content_id(content);
    }
    append_id(key, it->second);
  };
  std::string key;
  for (const model::PodSource& pod : model.pod_sources) {
    if (pod.synthetic || !pod.containers_known) continue;
    const auto extract = [&] { return extract_references(pod, config_maps, classifier, text, files, scans); };
    PodReferences entry{&pod, {}, nullptr};
    if (kept != nullptr) {
      key = pod_key_prefix;
      write_extraction_key(key, pod, config_maps, text, config_map_key);
      entry.owned = kept->references(key, extract);
    } else {
      entry.owned = std::make_shared<const std::vector<Reference>>(extract());
    }
    entry.references = *entry.owned;
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
