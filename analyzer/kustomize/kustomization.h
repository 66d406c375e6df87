// One kustomization file as kustomize reads it (kustomize v5 `types.Kustomization`): what it
// includes (resources, bases, components), what it generates and which transformers it runs,
// each entry with the range it is written at (findings anchor on kustomization keys).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/source/source_file.h"
#include "analyzer/yaml/node_ref.h"
#include "analyzer/yaml/tree.h"

namespace netlint::kustomize {

// A scalar entry with where it is written.
struct Entry {
  std::string value;
  SourceRange at;
};

struct LabelPair {
  Entry key;
  Entry value;
};

// A fieldSpec (kustomize `types.FieldSpec`): where a transformer writes, in objects of a kind
// (empty: every kind); `path` in the slash form of kustomize/field_path.h.
struct FieldSpec {
  std::string group, version, kind;
  Entry path;
  bool create = false;
};

// A `nameReference` entry of a `configurations` file: fields of other kinds that name an object
// of `kind` and follow its renames.
struct NameReference {
  std::string kind;
  std::vector<FieldSpec> referrers;
};

// The fieldSpec tables a `configurations` file adds to kustomize's builtin ones (kustomize
// `builtinconfig.TransformerConfig`); each transformer writes these paths too.
struct FieldSpecTables {
  std::vector<FieldSpec> common_labels, template_labels, common_annotations, name_prefix, name_suffix, name_space,
      images, replicas;
  std::vector<NameReference> name_references;
};

// A `labels:` item, or `commonLabels` (selectors and templates both included).
struct LabelSet {
  std::vector<LabelPair> pairs;
  bool include_selectors = false;
  bool include_templates = false;
  std::vector<FieldSpec> fields;  // `labels[].fields`: further places the pairs are written
};

// Which resources a patch applies to (`patches[].target`); empty fields match anything.
struct Target {
  std::string group, version, kind, name, name_space, label_selector, annotation_selector;
  bool any = true;  // no target written
};

struct Patch {
  std::optional<Entry> path;                  // a file, relative to the kustomization
  std::optional<yaml::NodeRef> inline_patch;  // `patch:` text, or an inline patchesStrategicMerge entry
  Target target;
  SourceRange at;  // the entry
  enum class Origin { kStrategicMerge, kPatches, kJson6902 } origin = Origin::kPatches;
};

struct Replica {
  Entry name;
  Entry count;
};

struct Image {
  Entry name;
  std::optional<Entry> new_name, new_tag, digest;
};

// A `replacements:` item: inline (`source`/`targets`), or a file holding one or a list.
struct ReplacementEntry {
  std::optional<Entry> path;
  yaml::NodeRef node;  // the inline item (its kustomization's tree stays alive)
  SourceRange at;
};

struct Kustomization {
  std::string path;  // normalised
  std::string dir;   // normalised folder
  FileId file = kNoFile;
  bool component = false;  // kind: Component
  std::shared_ptr<yaml::Tree> tree;
  std::vector<Entry> resources;  // resources, then bases
  std::vector<Entry> components;
  std::optional<Entry> namespace_name, name_prefix, name_suffix;
  std::vector<LabelSet> labels;  // commonLabels first, then `labels` items
  std::vector<LabelPair> annotations;
  std::vector<Patch> patches;  // patchesStrategicMerge, patches, patchesJson6902 in that order
  std::vector<Replica> replicas;
  std::vector<Image> images;
  yaml::NodeRef config_map_generator, secret_generator, generator_options;
  std::vector<Entry> vars;  // the names `vars:` declares
  std::vector<ReplacementEntry> replacements;
  std::vector<Entry> configurations;  // files extending the builtin fieldSpec tables
  std::vector<Entry> transformers;    // `transformers:` config files, run in order after the builtins
  // `openapi:` or `crds:` (its key): schemas netlint does not read, which give custom resources
  // their merge keys and name references.
  std::optional<Entry> custom_schemas;
  // Features netlint does not build (RULES.md "Kustomize", Unsupported): key and what it is.
  std::vector<Entry> unsupported;
};

// nullopt when the text does not parse as a mapping.
std::optional<Kustomization> read_kustomization(std::string_view text, std::string path, FileId file);

bool is_remote(std::string_view entry);

// A scalar node as an Entry (its text and range); optional_entry: nullopt unless a scalar.
Entry entry_of(const yaml::NodeRef& node);
std::optional<Entry> optional_entry(const yaml::NodeRef& node);

// A patch target or a replacement's `select`/`reject` (kustomize `types.Selector`).
Target target_of(const yaml::NodeRef& t);

// The pairs of a map (commonLabels, a builtin LabelTransformer's labels), each where written.
std::vector<LabelPair> label_pairs_of(const yaml::NodeRef& map);

// The fieldSpecs of a list (`labels[].fields`, a `configurations` table).
std::vector<FieldSpec> field_specs_of(const yaml::NodeRef& list);

// An entry of `k` (a resource, patch or generator source path) as a normalised path from the
// working directory: `k`'s folder joined with it.
std::string resolve(const Kustomization& k, const std::string& entry);

}  // namespace netlint::kustomize
