// kustomize's builtin transformers on built objects (RULES.md "Kustomize"; kustomize
// `api/internal/builtinpluginconsts`): namespace, name prefix and suffix with the name
// references they rename, labels, annotations, replicas and images. Each written value carries the
// kustomization entry that wrote it.
#pragma once

#include <string>
#include <vector>

#include "analyzer/kustomize/doc.h"
#include "analyzer/kustomize/kustomization.h"

namespace netlint::kustomize {

// A built object and the names it had before (patches and replicas match any of them, as
// kustomize matches a resource by any id it has had).
struct Resource {
  Doc doc;
  FileId file = kNoFile;
  std::uint32_t document = 0;
  std::vector<std::string> names;  // earlier names, oldest first
  std::string original_namespace;
  bool hash_suffix = false;  // generated: gets `-<hash>` when the build ends

  std::string kind() const;
  std::string api_group() const;  // "" for the core group
  std::string name() const;
  std::string name_space() const;
  bool has_name(std::string_view n) const;
};

// Every transformer below also writes the paths a `configurations` file adds (`extra`).
void set_namespace(std::vector<Resource>& resources, const Entry& ns, const FieldSpecTables& extra = {});
// Prefix and suffix of every name but CustomResourceDefinitions, APIServices and Namespaces, then
// the references kustomize's nameReference table renames.
void add_name_affixes(std::vector<Resource>& resources, const std::optional<Entry>& prefix,
                      const std::optional<Entry>& suffix, const FieldSpecTables& extra = {});
void add_labels(std::vector<Resource>& resources, const LabelSet& labels, const FieldSpecTables& extra = {});
// Each pair at a fieldSpec's path of a resource of that kind (`labels[].fields`, a
// `configurations` commonLabels entry, a builtin LabelTransformer), created as the spec says.
void add_pairs_at(Resource& r, const FieldSpec& spec, const std::vector<LabelPair>& pairs);
void add_annotations(std::vector<Resource>& resources, const std::vector<LabelPair>& annotations,
                     const FieldSpecTables& extra = {});
void set_replicas(std::vector<Resource>& resources, const Replica& replica, const FieldSpecTables& extra = {});
void set_image(std::vector<Resource>& resources, const Image& image, const FieldSpecTables& extra = {});

// Renames the references kustomize's nameReference table lists to an object of `kind` in
// namespace `name_space` ("" for any), in every resource.
void rename_references(std::vector<Resource>& resources, const std::string& kind, const std::string& name_space,
                       const std::string& from, const std::string& to, const std::vector<NameReference>& extra = {});

// True for a kind of a Kubernetes API group (core, apps, networking.k8s.io, ...), false for a
// custom resource (Gateway API and other *.k8s.io CRDs included).
bool is_builtin_api(const Resource& r);

// The pod spec of a workload or Pod (spec, spec.template.spec, CronJob's jobTemplate), or nullptr.
Doc* pod_spec_of(Doc& object);

}  // namespace netlint::kustomize
