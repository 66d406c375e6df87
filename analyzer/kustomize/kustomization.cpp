#include "analyzer/kustomize/kustomization.h"

#include <filesystem>

#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::kustomize {
Entry entry_of(const yaml::NodeRef& node) {
  return {node.scalar(), node.range()};
}

std::optional<Entry> optional_entry(const yaml::NodeRef& node) {
  if (!node.is_scalar()) return std::nullopt;
  return entry_of(node);
}

namespace {}  // namespace

std::vector<LabelPair> label_pairs_of(const yaml::NodeRef& map) {
  std::vector<LabelPair> out;
  for (std::uint32_t i = 0; i < map.size(); ++i) {
    if (!map.key_at(i).is_scalar()) continue;
    LabelPair pair{entry_of(map.key_at(i)), entry_of(map.value_at(i))};
    if (!map.value_at(i).is_scalar()) pair.value.at = map.key_at(i).range();
    out.push_back(std::move(pair));
  }
  return out;
}

Target target_of(const yaml::NodeRef& t) {
  Target target;
  if (!t.is_map()) return target;
  target.any = false;
  target.group = t.get("group").scalar();
  target.version = t.get("version").scalar();
  target.kind = t.get("kind").scalar();
  target.name = t.get("name").scalar();
  target.name_space = t.get("namespace").scalar();
  target.label_selector = t.get("labelSelector").scalar();
  target.annotation_selector = t.get("annotationSelector").scalar();
  return target;
}

std::vector<FieldSpec> field_specs_of(const yaml::NodeRef& list) {
  std::vector<FieldSpec> out;
  for (std::uint32_t i = 0; i < list.size(); ++i) {
    const yaml::NodeRef item = list.item(i);
    if (!item.get("path").is_scalar()) continue;
    out.push_back({item.get("group").scalar(), item.get("version").scalar(), item.get("kind").scalar(),
                   entry_of(item.get("path")), item.get("create").scalar() == "true"});
  }
  return out;
}

namespace {

// An inline patch is a multi-line string; a file path is one line.
bool is_inline(const std::string& s) {
  return s.find('\n') != std::string::npos;
}

void read_patches(const yaml::NodeRef& root, Kustomization& k) {
  const yaml::NodeRef sm = root.get("patchesStrategicMerge");
  for (std::uint32_t i = 0; i < sm.size(); ++i) {
    const yaml::NodeRef item = sm.item(i);
    Patch p;
    p.origin = Patch::Origin::kStrategicMerge;
    p.at = item.range();
    if (item.is_scalar() && !is_inline(item.scalar()))
      p.path = entry_of(item);
    else
      p.inline_patch = item;
    k.patches.push_back(std::move(p));
  }
  for (const char* key : {"patches", "patchesJson6902"}) {
    const yaml::NodeRef list = root.get(key);
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      const yaml::NodeRef item = list.item(i);
      Patch p;
      p.origin = std::string_view(key) == "patches" ? Patch::Origin::kPatches : Patch::Origin::kJson6902;
      p.at = item.range();
      if (item.is_scalar()) {
        p.path = entry_of(item);  // a bare path (kustomize v5 accepts it under `patches`)
      } else {
        if (item.get("path").is_scalar()) p.path = entry_of(item.get("path"));
        if (item.get("patch")) p.inline_patch = item.get("patch");
        p.target = target_of(item.get("target"));
      }
      k.patches.push_back(std::move(p));
    }
  }
}

}  // namespace

std::string resolve(const Kustomization& k, const std::string& entry) {
  return (std::filesystem::path(k.dir) / entry).lexically_normal().generic_string();
}

bool is_remote(std::string_view entry) {
  return entry.find("://") != std::string_view::npos || entry.rfind("github.com/", 0) == 0 ||
         entry.rfind("git@", 0) == 0 || entry.find("?ref=") != std::string_view::npos;
}

std::optional<Kustomization> read_kustomization(std::string_view text, std::string path, FileId file) {
  const auto spans = yaml::split_documents(text);
  if (spans.empty()) return std::nullopt;
  yaml::ParseResult parsed = yaml::parse_document(text, spans[0].begin, spans[0].end, file);
  if (!parsed.tree) return std::nullopt;
  Kustomization k;
  k.tree = std::make_shared<yaml::Tree>(std::move(*parsed.tree));
  const yaml::NodeRef root = yaml::root_of(*k.tree);
  if (!root.is_map()) return std::nullopt;
  k.path = std::filesystem::path(path).lexically_normal().generic_string();
  k.dir = std::filesystem::path(k.path).parent_path().generic_string();
  k.file = file;
  k.component = root.get("kind").scalar() == "Component";
  for (const char* key : {"resources", "bases"}) {
    const yaml::NodeRef list = root.get(key);
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      if (list.item(i).is_scalar()) k.resources.push_back(entry_of(list.item(i)));
    }
  }
  const yaml::NodeRef components = root.get("components");
  for (std::uint32_t i = 0; i < components.size(); ++i) {
    if (components.item(i).is_scalar()) k.components.push_back(entry_of(components.item(i)));
  }
  k.namespace_name = optional_entry(root.get("namespace"));
  k.name_prefix = optional_entry(root.get("namePrefix"));
  k.name_suffix = optional_entry(root.get("nameSuffix"));
  if (const yaml::NodeRef common = root.get("commonLabels"); common.is_map()) {
    k.labels.push_back({label_pairs_of(common), true, true, {}});
  }
  const yaml::NodeRef labels = root.get("labels");
  for (std::uint32_t i = 0; i < labels.size(); ++i) {
    const yaml::NodeRef item = labels.item(i);
    LabelSet set{label_pairs_of(item.get("pairs")), item.get("includeSelectors").scalar() == "true",
                 item.get("includeTemplates").scalar() == "true", field_specs_of(item.get("fields"))};
    if (set.include_selectors) set.include_templates = true;
    k.labels.push_back(std::move(set));
  }
  k.annotations = label_pairs_of(root.get("commonAnnotations"));
  read_patches(root, k);
  const yaml::NodeRef replicas = root.get("replicas");
  for (std::uint32_t i = 0; i < replicas.size(); ++i) {
    const yaml::NodeRef item = replicas.item(i);
    if (item.get("name").is_scalar() && item.get("count").is_scalar()) {
      k.replicas.push_back({entry_of(item.get("name")), entry_of(item.get("count"))});
    }
  }
  const yaml::NodeRef images = root.get("images");
  for (std::uint32_t i = 0; i < images.size(); ++i) {
    const yaml::NodeRef item = images.item(i);
    if (!item.get("name").is_scalar()) continue;
    k.images.push_back({entry_of(item.get("name")), optional_entry(item.get("newName")),
                        optional_entry(item.get("newTag")), optional_entry(item.get("digest"))});
  }
  k.config_map_generator = root.get("configMapGenerator");
  k.secret_generator = root.get("secretGenerator");
  k.generator_options = root.get("generatorOptions");
  const yaml::NodeRef vars = root.get("vars");
  for (std::uint32_t i = 0; i < vars.size(); ++i) {
    if (vars.item(i).get("name").is_scalar()) k.vars.push_back(entry_of(vars.item(i).get("name")));
  }
  const yaml::NodeRef replacements = root.get("replacements");
  for (std::uint32_t i = 0; i < replacements.size(); ++i) {
    const yaml::NodeRef item = replacements.item(i);
    ReplacementEntry r{optional_entry(item.get("path")), item, item.range()};
    k.replacements.push_back(std::move(r));
  }
  const yaml::NodeRef configurations = root.get("configurations");
  for (std::uint32_t i = 0; i < configurations.size(); ++i) {
    if (configurations.item(i).is_scalar()) k.configurations.push_back(entry_of(configurations.item(i)));
  }
  const yaml::NodeRef transformers = root.get("transformers");
  for (std::uint32_t i = 0; i < transformers.size(); ++i) {
    const yaml::NodeRef item = transformers.item(i);
    // A file path; an inline config (a multi-line string or a map) is not read.
    if (item.is_scalar() && !is_inline(item.scalar()))
      k.transformers.push_back(entry_of(item));
    else
      k.unsupported.push_back({"transformers", item.range()});
  }
  // What netlint does not build: each makes what it may write unknown.
  for (const char* key : {"openapi", "crds"}) {
    const yaml::NodeRef::Entry e = root.find(key);
    if (e && e.value.size() != 0) k.custom_schemas = Entry{key, e.key.range()};
  }
  for (const char* key : {"helmCharts", "helmChartInflationGenerator", "helmGlobals", "generators", "validators"}) {
    const yaml::NodeRef::Entry e = root.find(key);
    if (e && e.value.size() != 0) k.unsupported.push_back({key, e.key.range()});
  }
  return k;
}

}  // namespace netlint::kustomize
