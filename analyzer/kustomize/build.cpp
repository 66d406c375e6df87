#include "analyzer/kustomize/build.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "analyzer/kustomize/builtin_transformers.h"
#include "analyzer/kustomize/generators.h"
#include "analyzer/kustomize/patches.h"
#include "analyzer/kustomize/selection.h"
#include "analyzer/kustomize/transformers.h"
#include "analyzer/kustomize/unknown_values.h"
#include "analyzer/model/embedded_text.h"
#include "analyzer/source/path_parts.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::kustomize {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kNodeBudget = 1u << 20;  // per document: an alias bomb is not built

std::string normal(const fs::path& p) {
  return p.lexically_normal().generic_string();
}

bool is_kustomization_name(std::string_view path) {
  const std::string_view name = path_basename(path);
  return name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization";
}

std::map<std::string, FileId> files_by_path(const std::vector<InputText>& inputs) {
  std::map<std::string, FileId> out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i].config) out.emplace(normal(inputs[i].path), static_cast<FileId>(i));
  }
  return out;
}

// The files a generator reads: `files` (`key=path` or `path`) and `envs`/`env`.
std::vector<std::string> generator_sources(const yaml::NodeRef& generators) {
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < generators.size(); ++i) {
    const yaml::NodeRef g = generators.item(i);
    const yaml::NodeRef files = g.get("files");
    for (std::uint32_t j = 0; j < files.size(); ++j) {
      const std::string& f = files.item(j).scalar();
      const auto eq = f.find('=');
      out.push_back(eq == std::string::npos ? f : f.substr(eq + 1));
    }
    const yaml::NodeRef envs = g.get("envs");
    for (std::uint32_t j = 0; j < envs.size(); ++j) out.push_back(envs.item(j).scalar());
    if (g.get("env").is_scalar()) out.push_back(g.get("env").scalar());
  }
  return out;
}

class Builder {
 public:
  Builder(const BuildPlan& plan, const std::vector<InputText>& inputs, const DocumentsOf& documents,
          std::vector<BuildNote>& notes)
      : plan_(plan), inputs_(inputs), documents_(documents), notes_(notes), files_(files_by_path(inputs)) {}

  Build build_root(const Kustomization& root) {
    build_ = Build{};
    build_.root = root.path;
    build_.root_file = root.file;
    std::vector<Resource> resources;
    stack_.clear();
    vars_.clear();
    name_references_.clear();
    custom_schemas_.reset();
    build_.built = accumulate(root, resources);
    // Last, generated names get their hash and the references follow (kustomize's
    // nameReference run after the hash, RULES.md "Kustomize", Order).
    for (Resource& r : resources) {
      if (!r.hash_suffix) continue;
      Doc* name = r.doc.at({"metadata", "name"});
      if (name == nullptr || !name->is_scalar()) continue;
      const std::string from = name->value;
      name->value = from + "-" + generated_name_hash(r.doc);
      r.names.push_back(from);
      rename_references(resources, r.kind(), r.name_space(), from, name->value, name_references_);
    }
    // Vars are resolved when the whole build is done (kustomize `ResolveVars`, after the hash).
    substitute_vars(resources, vars_);
    // Objects annotated `config.kubernetes.io/local-config: "true"` are not applied.
    std::erase_if(resources, [](const Resource& r) {
      const Doc* local = r.doc.at({"metadata", "annotations", "config.kubernetes.io/local-config"});
      return local != nullptr && local->text() == "true";
    });
    // With `openapi`/`crds`, patches and name references on custom resources follow schemas
    // netlint does not read (RULES.md "Kustomize"): what they hold is unknown, so their
    // namespaces are open; builtin kinds are built as usual.
    if (custom_schemas_) {
      for (const Resource& r : resources) {
        if (is_builtin_api(r) || r.name_space().empty()) continue;
        build_.open_namespaces.emplace(
            r.name_space(), fmt::format("{} {} follows the {} schemas of {}, which netlint does not read", r.kind(),
                                        r.name(), custom_schemas_->value, build_.root));
      }
    }
    for (Resource& r : resources) {
      if (r.doc.at({"metadata", "namespace"}) != nullptr) build_.namespaces.insert(r.name_space());
      build_.objects.push_back({std::move(r.doc), r.file, r.document});
    }
    return std::move(build_);
  }

 private:
  void note(std::string topic, std::string message, SourceRange at) {
    const bool seen = std::any_of(notes_.begin(), notes_.end(),
                                  [&](const BuildNote& n) { return n.topic == topic && n.message == message; });
    if (!seen) notes_.push_back({std::move(topic), std::move(message), at});
  }

  void unsupported(const Kustomization& k, const std::string& feature, SourceRange at) {
    build_.unsupported.push_back(feature);
    note("kustomize-unsupported",
         fmt::format("the build of {} uses {} ({}), which netlint does not build: what it may write is unknown and the "
                     "namespaces the build writes into are open",
                     build_.root, feature, k.path),
         at);
  }

  bool not_built(const std::string& why, SourceRange at) {
    note("kustomize-not-built",
         fmt::format("{} is not built: {}; `kubectl apply -k` fails on it, so its files are linted as plain manifests",
                     build_.root, why),
         at);
    return false;
  }

  // Every object of a resource file, in document order (`kind: List` items one by one).
  void load_file(FileId file, std::vector<Resource>& out) {
    const auto* docs = documents_(file);
    if (docs == nullptr) return;
    for (std::uint32_t d = 0; d < docs->size(); ++d) {
      if (!(*docs)[d]) continue;
      const yaml::NodeRef root = yaml::root_of(*(*docs)[d]);
      if (!root.is_map() || !root.get("kind").is_scalar()) continue;
      const std::string& api_version = root.get("apiVersion").scalar();
      if (api_version.rfind("kustomize.config.k8s.io", 0) == 0 || api_version.rfind("config.kubernetes.io", 0) == 0)
        continue;
      std::vector<yaml::NodeRef> objects;
      const std::string& kind = root.get("kind").scalar();
      if (kind == "List" && root.get("items").is_sequence()) {
        for (std::uint32_t i = 0; i < root.get("items").size(); ++i) objects.push_back(root.get("items").item(i));
      } else {
        objects.push_back(root);
      }
      for (const yaml::NodeRef& object : objects) {
        std::size_t budget = kNodeBudget;
        auto copy = copy_node(object, budget);
        if (!copy || !copy->is_map()) continue;
        Resource r;
        build_.members.insert(file);  // read by the build, even when it drops the object
        r.doc = std::move(*copy);
        r.file = file;
        r.document = d;
        r.original_namespace = r.name_space();
        out.push_back(std::move(r));
      }
    }
  }

  // kustomize's accumulateTarget: resources, generators, components, then transformers.
  bool accumulate(const Kustomization& k, std::vector<Resource>& resources) {
    if (std::find(stack_.begin(), stack_.end(), k.path) != stack_.end()) return false;  // a cycle: NL0001 elsewhere
    stack_.push_back(k.path);
    const bool ok = accumulate_unguarded(k, resources);
    stack_.pop_back();
    return ok;
  }

  bool accumulate_unguarded(const Kustomization& k, std::vector<Resource>& resources) {
    for (const Entry& unsupported_feature : k.unsupported)
      unsupported(k, unsupported_feature.value, unsupported_feature.at);
    vars_.insert(vars_.end(), k.vars.begin(), k.vars.end());
    if (k.custom_schemas) custom_schemas_ = k.custom_schemas;
    for (const Entry& entry : k.resources) {
      if (is_remote(entry.value)) {
        unsupported(k, "the remote resource " + entry.value, entry.at);
        continue;
      }
      const std::string path = resolve(k, entry.value);
      if (const auto sub = plan_.kustomizations.find(path); sub != plan_.kustomizations.end()) {
        std::vector<Resource> built;
        if (!accumulate(sub->second, built)) return false;
        for (Resource& r : built) resources.push_back(std::move(r));
      } else if (const auto file = files_.find(path); file != files_.end()) {
        load_file(file->second, resources);
      } else if (!fs::exists(path)) {
        return not_built(fmt::format("{} names {}, which does not exist", k.path, entry.value), entry.at);
      } else if (fs::is_directory(path)) {
        if (!has_kustomization_on_disk(path)) {
          return not_built(fmt::format("{} names the folder {}, which holds no kustomization", k.path, entry.value),
                           entry.at);
        }
      }
      // A file on disk that is not among the inputs (excluded, or not a manifest) adds what the
      // view does not hold.
    }
    const ReadSource read = [&](const std::string& path) -> std::optional<SourceText> {
      const auto f = files_.find(path);
      if (f == files_.end()) return std::nullopt;
      return SourceText{f->second, &inputs_[f->second].text};
    };
    for (const Entry& source : run_generators(k, read, resources)) {
      if (!fs::exists(resolve(k, source.value))) {
        return not_built(fmt::format("{} generates from {}, which does not exist", k.path, source.value), source.at);
      }
      unsupported(k, "the generator source " + source.value + " (not among the inputs)", source.at);
    }
    for (const Entry& entry : k.components) {
      const std::string path = resolve(k, entry.value);
      const auto component = plan_.kustomizations.find(path);
      if (is_remote(entry.value)) {
        unsupported(k, "the remote component " + entry.value, entry.at);
        continue;
      }
      if (component == plan_.kustomizations.end()) {
        if (!fs::exists(path))
          return not_built(fmt::format("{} names the component {}, which does not exist", k.path, entry.value),
                           entry.at);
        continue;
      }
      if (!accumulate(component->second, resources)) return false;
    }
    if (stack_.size() == 1 || (stack_.size() == 2 && k.component)) record_own_names(k);
    return transform(k, resources);
  }

  // In transform order (a root's components before the root), so the namespace that wins is last.
  void record_own_names(const Kustomization& k) {
    if (k.namespace_name) build_.namespace_name = k.namespace_name->value;
    if (k.name_prefix) build_.name_prefixes.push_back(k.name_prefix->value);
    if (k.name_suffix) build_.name_suffixes.push_back(k.name_suffix->value);
  }

  static bool has_kustomization_on_disk(const std::string& dir) {
    std::error_code ec;
    for (const char* name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
      if (fs::exists(fs::path(dir) / name, ec)) return true;
    }
    return false;
  }

  // The documents of a patch: a file's, or an inline text's (a YAML document inside a YAML
  // string, mapped back to the kustomization's lines where the string keeps its bytes).
  std::vector<Doc> patch_documents(const Kustomization& k, const Patch& p, bool& missing) {
    std::vector<Doc> out;
    if (p.path) {
      const auto file = files_.find(resolve(k, p.path->value));
      if (file == files_.end()) {
        missing = !fs::exists(resolve(k, p.path->value));
        return out;
      }
      const std::string& text = inputs_[file->second].text;
      for (const auto& span : yaml::split_documents(text)) {
        yaml::ParseResult parsed = yaml::parse_document(text, span.begin, span.end, file->second);
        if (!parsed.tree) continue;
        std::size_t budget = kNodeBudget;
        if (auto doc = copy_node(yaml::root_of(*parsed.tree), budget)) out.push_back(std::move(*doc));
      }
      return out;
    }
    if (!p.inline_patch) return out;
    const yaml::NodeRef node = *p.inline_patch;
    if (node.is_map() || node.is_sequence()) {  // patchesStrategicMerge may hold the patch as YAML
      std::size_t budget = kNodeBudget;
      if (auto doc = copy_node(node, budget)) out.push_back(std::move(*doc));
      return out;
    }
    const std::string& text = node.scalar();
    // A `|` block keeps the patch's bytes in place: its nodes map to their lines in the
    // kustomization. Any other style (folded, quoted with escapes) anchors on the whole entry.
    const model::EmbeddedText embedded = model::EmbeddedText::scalar(
        text, node.range(), node.range(),
        k.file < inputs_.size() ? std::string_view(inputs_[k.file].text) : std::string_view());
    for (const auto& span : yaml::split_documents(text)) {
      yaml::ParseResult parsed = yaml::parse_document(text, span.begin, span.end, k.file);
      if (!parsed.tree) continue;
      std::size_t budget = kNodeBudget;
      auto doc = copy_node(yaml::root_of(*parsed.tree), budget);
      if (!doc) continue;
      if (embedded.exact())
        map_all(*doc, embedded);
      else
        anchor_all(*doc, node.range());
      out.push_back(std::move(*doc));
    }
    return out;
  }

  static void map_all(Doc& d, const model::EmbeddedText& embedded) {
    d.range = embedded.map(d.range.begin, d.range.end);
    for (auto& e : d.entries) {
      map_all(e.first, embedded);
      map_all(e.second, embedded);
    }
    for (Doc& item : d.items) map_all(item, embedded);
  }

  // A strategic-merge patch without apiVersion, kind, metadata.name and metadata.namespace.
  static Doc without_identity(const Doc& patch) {
    Doc body = patch;
    body.erase("apiVersion");
    body.erase("kind");
    if (Doc* metadata = body.get("metadata"); metadata != nullptr && metadata->is_map()) {
      metadata->erase("name");
      metadata->erase("namespace");
    }
    return body;
  }

  static void anchor_all(Doc& d, SourceRange at) {
    d.range = at;
    for (auto& e : d.entries) {
      anchor_all(e.first, at);
      anchor_all(e.second, at);
    }
    for (Doc& item : d.items) anchor_all(item, at);
  }

  bool apply_patch(const Kustomization& k, const Patch& p, std::vector<Resource>& resources) {
    bool missing = false;
    const std::vector<Doc> docs = patch_documents(k, p, missing);
    if (missing)
      return not_built(fmt::format("{} names the patch {}, which does not exist", k.path, p.path->value), p.at);
    for (const Doc& patch : docs) {
      if (patch.is_sequence()) {  // JSON 6902
        if (p.target.any) continue;
        for (Resource& r : resources) {
          if (!target_matches(p.target, r)) continue;
          for (const std::string& op : apply_json6902(r.doc, patch))
            unsupported(k, "the JSON 6902 operation " + op, p.at);
        }
        continue;
      }
      if (!patch.is_map()) continue;
      if (!p.target.any) {
        // With a target, the patch's own identity is not the target's: kustomize gives each
        // selected resource a copy named as that resource (PatchTransformer: SetName,
        // SetNamespace, SetGvk), so `metadata: {name: not-used}` renames nothing.
        const Doc body = without_identity(patch);
        for (auto it = resources.begin(); it != resources.end();) {
          if (target_matches(p.target, *it) && !strategic_merge(it->doc, body))
            it = resources.erase(it);
          else
            ++it;
        }
        continue;
      }
      // No target: the patch's own kind and name pick the resource; none is an error.
      const Doc* kind = patch.get("kind");
      const Doc* name = patch.at({"metadata", "name"});
      const Doc* ns = patch.at({"metadata", "namespace"});
      bool matched = false;
      for (auto it = resources.begin(); it != resources.end();) {
        const bool hit = kind != nullptr && name != nullptr && it->kind() == kind->text() &&
                         it->has_name(name->text()) &&
                         (ns == nullptr || ns->text() == it->name_space() || ns->text() == it->original_namespace);
        if (hit) {
          matched = true;
          if (!strategic_merge(it->doc, patch)) {
            it = resources.erase(it);
            continue;
          }
        }
        ++it;
      }
      if (!matched) {
        return not_built(fmt::format("the patch {} of {} matches no resource ({} {})",
                                     p.path ? p.path->value : std::string("(inline)"), k.path,
                                     kind == nullptr ? std::string("?") : kind->text(),
                                     name == nullptr ? std::string("?") : name->text()),
                         p.at);
      }
    }
    return true;
  }

  // The transformers in kustomize's order (RULES.md "Kustomize", Order).
  bool transform(const Kustomization& k, std::vector<Resource>& resources) {
    FieldSpecTables tables;
    if (!read_configurations(k, tables)) return false;
    for (const Patch& p : k.patches) {
      if (p.origin != Patch::Origin::kJson6902 && !apply_patch(k, p, resources)) return false;
    }
    if (k.namespace_name) set_namespace(resources, *k.namespace_name, tables);
    if (k.name_prefix || k.name_suffix) add_name_affixes(resources, k.name_prefix, k.name_suffix, tables);
    for (const LabelSet& labels : k.labels) add_labels(resources, labels, tables);
    add_annotations(resources, k.annotations, tables);
    for (const Patch& p : k.patches) {
      if (p.origin == Patch::Origin::kJson6902 && !apply_patch(k, p, resources)) return false;
    }
    for (const Replica& r : k.replicas) set_replicas(resources, r, tables);
    for (const Image& i : k.images) set_image(resources, i, tables);
    if (!apply_replacements(k, resources)) return false;
    return run_transformer_configs(k, resources);
  }

  // `transformers:` files after the builtins, in order: each document a builtin config netlint
  // runs, or the entry is not built.
  bool run_transformer_configs(const Kustomization& k, std::vector<Resource>& resources) {
    for (const Entry& entry : k.transformers) {
      const auto file = files_.find(resolve(k, entry.value));
      if (file == files_.end()) {
        if (!fs::exists(resolve(k, entry.value)))
          return not_built(fmt::format("{} names the transformer {}, which does not exist", k.path, entry.value),
                           entry.at);
        unsupported(k, "the transformer " + entry.value + " (not among the inputs)", entry.at);
        continue;
      }
      const std::string& text = inputs_[file->second].text;
      for (const auto& span : yaml::split_documents(text)) {
        const yaml::ParseResult parsed = yaml::parse_document(text, span.begin, span.end, file->second);
        if (!parsed.tree) continue;
        const yaml::NodeRef config = yaml::root_of(*parsed.tree);
        if (!run_builtin_transformer(config, resources)) {
          unsupported(k, "the " + config.get("kind").scalar() + " transformer " + entry.value, entry.at);
        }
      }
    }
    return true;
  }

  // The first document of a file a kustomization names (a replacement or configurations file);
  // nullopt when it is not among the inputs: then `missing` tells whether it exists at all.
  std::optional<yaml::ParseResult> read_side_file(const Kustomization& k, const Entry& entry, bool& missing) {
    const auto file = files_.find(resolve(k, entry.value));
    missing = file == files_.end() && !fs::exists(resolve(k, entry.value));
    if (file == files_.end()) return std::nullopt;
    const std::string& text = inputs_[file->second].text;
    const auto spans = yaml::split_documents(text);
    if (spans.empty()) return std::nullopt;
    yaml::ParseResult parsed = yaml::parse_document(text, spans[0].begin, spans[0].end, file->second);
    if (!parsed.tree) return std::nullopt;
    return parsed;
  }

  // `configurations` (RULES.md "Kustomize", Extensions): each table extends where its builtin
  // transformer writes, for this kustomization's transformers; `varReference` only says where
  // vars are substituted (netlint looks in every field). A table netlint does not know is not
  // built: what it writes is unknown.
  bool read_configurations(const Kustomization& k, FieldSpecTables& tables) {
    for (const Entry& entry : k.configurations) {
      bool missing = false;
      const auto parsed = read_side_file(k, entry, missing);
      if (missing)
        return not_built(fmt::format("{} names the configurations file {}, which does not exist", k.path, entry.value),
                         entry.at);
      if (!parsed) {
        unsupported(k, "the configurations file " + entry.value + " (not among the inputs)", entry.at);
        continue;
      }
      const yaml::NodeRef root = yaml::root_of(*parsed->tree);
      for (std::uint32_t i = 0; i < root.size(); ++i) {
        const std::string& table = root.key_at(i).scalar();
        const yaml::NodeRef specs = root.value_at(i);
        std::vector<FieldSpec>* into = table == "commonLabels"        ? &tables.common_labels
                                       : table == "templateLabels"    ? &tables.template_labels
                                       : table == "commonAnnotations" ? &tables.common_annotations
                                       : table == "namePrefix"        ? &tables.name_prefix
                                       : table == "nameSuffix"        ? &tables.name_suffix
                                       : table == "namespace"         ? &tables.name_space
                                       : table == "images"            ? &tables.images
                                       : table == "replicas"          ? &tables.replicas
                                                                      : nullptr;
        if (into != nullptr) {
          for (FieldSpec& spec : field_specs_of(specs)) into->push_back(std::move(spec));
        } else if (table == "nameReference") {
          for (std::uint32_t j = 0; j < specs.size(); ++j) {
            NameReference ref{specs.item(j).get("kind").scalar(), field_specs_of(specs.item(j).get("fieldSpecs"))};
            name_references_.push_back(ref);
            tables.name_references.push_back(std::move(ref));
          }
        } else if (table != "varReference" && specs.size() != 0) {
          unsupported(k, fmt::format("the {} table of the configurations file {}", table, entry.value), entry.at);
        }
      }
    }
    return true;
  }

  bool apply_replacements(const Kustomization& k, std::vector<Resource>& resources) {
    for (const ReplacementEntry& entry : k.replacements) {
      std::map<std::string, std::string> opened;
      if (entry.path) {
        bool missing = false;
        const auto parsed = read_side_file(k, *entry.path, missing);
        if (missing)
          return not_built(fmt::format("{} names the replacement {}, which does not exist", k.path, entry.path->value),
                           entry.at);
        if (!parsed) {
          unsupported(k, "the replacement " + entry.path->value + " (not among the inputs)", entry.at);
          continue;
        }
        opened = apply_replacement_targets(resources, replacement_targets(yaml::root_of(*parsed->tree)));
      } else {
        opened = apply_replacement_targets(resources, replacement_targets(entry.node));
      }
      build_.open_namespaces.insert(opened.begin(), opened.end());
    }
    return true;
  }

  const BuildPlan& plan_;
  const std::vector<InputText>& inputs_;
  const DocumentsOf& documents_;
  std::vector<BuildNote>& notes_;
  std::map<std::string, FileId> files_;
  std::vector<std::string> stack_;
  std::vector<Entry> vars_;  // declared by any kustomization of the build
  // `configurations` nameReference entries of any kustomization of the build: the generated
  // names' hash is added when the whole build is done, and their references follow.
  std::vector<NameReference> name_references_;
  std::optional<Entry> custom_schemas_;  // `openapi:` or `crds:` in any kustomization of the build
  Build build_;
};

}  // namespace

BuildPlan plan_builds(const std::vector<InputText>& inputs) {
  BuildPlan plan;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].config || !is_kustomization_name(inputs[i].path)) continue;
    if (auto k = read_kustomization(inputs[i].text, inputs[i].path, static_cast<FileId>(i))) {
      plan.kustomizations.emplace(k->dir, std::move(*k));
    }
  }
  const std::map<std::string, FileId> files = files_by_path(inputs);
  std::set<std::string> included;
  for (const auto& [dir, k] : plan.kustomizations) {
    for (const auto* list : {&k.resources, &k.components}) {
      for (const Entry& e : *list) {
        const std::string path = resolve(k, e.value);
        if (plan.kustomizations.count(path) != 0) included.insert(path);
      }
    }
  }
  for (const auto& [dir, k] : plan.kustomizations) {
    if (included.count(dir) == 0 && !k.component) plan.roots.push_back(dir);
  }
  // What each kustomization reads, reached from the roots (and from Components nothing includes:
  // optional add-ons, read as such by the loader).
  std::set<std::string> reached;
  std::set<FileId> used;
  std::vector<std::string> todo;
  for (const auto& [dir, k] : plan.kustomizations) {
    if (included.count(dir) == 0) todo.push_back(dir);
  }
  while (!todo.empty()) {
    const std::string dir = todo.back();
    todo.pop_back();
    if (!reached.insert(dir).second) continue;
    const Kustomization& k = plan.kustomizations.at(dir);
    const bool root = std::find(plan.roots.begin(), plan.roots.end(), dir) != plan.roots.end();
    (void)root;
    for (const auto* list : {&k.resources, &k.components}) {
      for (const Entry& e : *list) {
        const std::string path = resolve(k, e.value);
        if (plan.kustomizations.count(path) != 0)
          todo.push_back(path);
        else if (const auto f = files.find(path); f != files.end()) {
          plan.resource_files.insert(f->second);
          used.insert(f->second);
        }
      }
    }
    std::vector<std::string> side_entries;
    for (const Patch& p : k.patches) {
      if (p.path) side_entries.push_back(p.path->value);
    }
    for (const ReplacementEntry& r : k.replacements) {
      if (r.path) side_entries.push_back(r.path->value);
    }
    for (const auto* list : {&k.configurations, &k.transformers}) {
      for (const Entry& e : *list) side_entries.push_back(e.value);
    }
    for (const std::string& entry : side_entries) {
      if (const auto f = files.find(resolve(k, entry)); f != files.end()) {
        plan.side_files.insert(f->second);
        used.insert(f->second);
      }
    }
    for (const yaml::NodeRef& generators : {k.config_map_generator, k.secret_generator}) {
      for (const std::string& source : generator_sources(generators)) {
        if (const auto f = files.find(resolve(k, source)); f != files.end()) used.insert(f->second);
      }
    }
  }
  // Inert: beside a kustomization, read by none.
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto id = static_cast<FileId>(i);
    if (inputs[i].config || is_kustomization_name(inputs[i].path) || used.count(id) != 0) continue;
    const std::string dir = normal(fs::path(normal(inputs[i].path)).parent_path());
    if (plan.kustomizations.count(dir) != 0) plan.inert_files.insert(id);
  }
  // A side file is never an object, even where a build also lists it as a resource.
  for (FileId f : plan.side_files) plan.resource_files.erase(f);
  return plan;
}

std::vector<Build> run_builds(const BuildPlan& plan, const std::vector<InputText>& inputs, const DocumentsOf& documents,
                              std::vector<BuildNote>& notes) {
  std::vector<Build> builds;
  Builder builder(plan, inputs, documents, notes);
  for (const std::string& root : plan.roots) builds.push_back(builder.build_root(plan.kustomizations.at(root)));
  return builds;
}

}  // namespace netlint::kustomize
