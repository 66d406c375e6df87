#include "analyzer/kustomize/builtin_transformers.h"

#include <algorithm>
#include <string>

namespace netlint::kustomize {
namespace {

// True when the fieldSpecs are exactly `path` on every kind (or absent): what the transformer
// does without them, which netlint's own transformer writes.
bool only_default_spec(const yaml::NodeRef& specs, std::string_view path) {
  const std::vector<FieldSpec> list = field_specs_of(specs);
  return std::all_of(list.begin(), list.end(),
                     [&](const FieldSpec& s) { return s.kind.empty() && s.path.value == path; });
}

bool run_labels(const yaml::NodeRef& config, std::vector<Resource>& resources, const char* key) {
  const std::vector<LabelPair> pairs = label_pairs_of(config.get(key));
  if (pairs.empty()) return true;
  for (Resource& r : resources) {
    for (const FieldSpec& spec : field_specs_of(config.get("fieldSpecs"))) add_pairs_at(r, spec, pairs);
  }
  return true;
}

}  // namespace

bool run_builtin_transformer(const yaml::NodeRef& config, std::vector<Resource>& resources) {
  if (!config.is_map() || config.get("apiVersion").scalar() != "builtin") return false;
  const std::string& kind = config.get("kind").scalar();
  if (kind == "LabelTransformer") return run_labels(config, resources, "labels");
  if (kind == "AnnotationsTransformer") return run_labels(config, resources, "annotations");
  if (kind == "NamespaceTransformer") {
    const yaml::NodeRef ns = config.get("metadata").get("namespace");
    if (!ns.is_scalar() || config.get("unsetOnly").scalar() == "true" ||
        !only_default_spec(config.get("fieldSpecs"), "metadata/namespace"))
      return false;
    set_namespace(resources, entry_of(ns));
    return true;
  }
  if (kind == "PrefixSuffixTransformer") {
    if (!only_default_spec(config.get("fieldSpecs"), "metadata/name")) return false;
    add_name_affixes(resources, optional_entry(config.get("prefix")), optional_entry(config.get("suffix")));
    return true;
  }
  if (kind == "ImageTagTransformer") {
    const yaml::NodeRef image = config.get("imageTag");
    if (!image.get("name").is_scalar() || config.get("fieldSpecs")) return false;
    set_image(resources, {entry_of(image.get("name")), optional_entry(image.get("newName")),
                          optional_entry(image.get("newTag")), optional_entry(image.get("digest"))});
    return true;
  }
  if (kind == "ReplicaCountTransformer") {
    const yaml::NodeRef replica = config.get("replica");
    if (!replica.get("name").is_scalar() || !replica.get("count").is_scalar()) return false;
    set_replicas(resources, {entry_of(replica.get("name")), entry_of(replica.get("count"))});
    return true;
  }
  return false;
}

}  // namespace netlint::kustomize
