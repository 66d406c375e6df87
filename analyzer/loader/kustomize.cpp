#include "analyzer/loader/kustomize.h"

#include <filesystem>
#include <functional>

#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/node_ref.h"
#include "analyzer/yaml/tree_builder.h"
#include "analyzer/source/path_parts.h"

namespace netlint {
namespace fs = std::filesystem;
namespace {

std::string normal(const fs::path& p) { return p.lexically_normal().generic_string(); }

struct Kustomization {
  std::string path;
  std::string namespace_name;
  std::vector<std::string> resources;  // normalised file or folder paths
  std::vector<std::string> patches;
  bool component = false;  // kind: Component, an optional add-on a kustomization opts into
};

// The scalars of a list, or of the `path` keys of a list of mappings.
std::vector<std::string> paths_in(const yaml::NodeRef& list) {
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < list.size(); ++i) {
    const yaml::NodeRef item = list.item(i);
    if (item.is_scalar()) out.push_back(item.scalar());
    else if (item.get("path").is_scalar()) out.push_back(item.get("path").scalar());
  }
  return out;
}

std::optional<Kustomization> parse(const InputText& input) {
  const auto spans = yaml::split_documents(input.text);
  if (spans.empty()) return std::nullopt;
  yaml::ParseResult parsed = yaml::parse_document(input.text, spans[0].begin, spans[0].end, 0);
  if (!parsed.tree) return std::nullopt;
  const yaml::NodeRef root = yaml::root_of(*parsed.tree);
  Kustomization k;
  k.path = normal(input.path);
  const fs::path dir = fs::path(k.path).parent_path();
  k.namespace_name = root.get("namespace").scalar();
  k.component = root.get("kind").scalar() == "Component";
  for (const char* key : {"resources", "bases", "components"}) {
    for (const std::string& entry : paths_in(root.get(key))) {
      if (entry.find("://") == std::string::npos && entry.rfind("github.com/", 0) != 0) k.resources.push_back(normal(dir / entry));
    }
  }
  for (const char* key : {"patchesStrategicMerge", "patches", "patchesJson6902"}) {
    for (const std::string& entry : paths_in(root.get(key))) k.patches.push_back(normal(dir / entry));
  }
  return k;
}

}  // namespace

bool is_kustomization_file(std::string_view path) {
  const std::string_view name = path_basename(path);
  return name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization";
}

KustomizeLayout read_kustomizations(const std::vector<InputText>& inputs) {
  KustomizeLayout layout;
  std::map<std::string, Kustomization> by_folder;  // folder -> its kustomization
  for (const InputText& input : inputs) {
    if (!is_kustomization_file(input.path)) continue;
    if (auto k = parse(input)) by_folder[normal(fs::path(k->path).parent_path())] = std::move(*k);
  }
  for (const auto& [folder, k] : by_folder) {
    for (const std::string& patch : k.patches) layout.patch_files.insert(patch);
  }
  // Resources of each kustomization, following included kustomizations; the namespace of the
  // outermost kustomization that sets one wins, as kustomize applies it last. A file reached
  // with two different namespaces (a base shared by two overlays) keeps its own.
  std::map<std::string, std::set<std::string>> namespaces;
  std::function<void(const Kustomization&, const std::string&, int)> visit = [&](const Kustomization& k, const std::string& inherited, int depth) {
    if (depth > 32) return;  // a cycle of kustomizations
    const std::string ns = !inherited.empty() ? inherited : k.namespace_name;
    for (const std::string& resource : k.resources) {
      if (auto sub = by_folder.find(resource); sub != by_folder.end()) {
        visit(sub->second, ns, depth + 1);
        continue;
      }
      layout.apply_of.emplace(resource, k.path);
      namespaces[resource].insert(ns);
    }
  };
  std::set<std::string> included;
  for (const auto& [folder, k] : by_folder) {
    for (const std::string& resource : k.resources) {
      if (by_folder.count(resource) != 0) included.insert(resource);
    }
  }
  for (const auto& [folder, k] : by_folder) {
    if (included.count(folder) == 0) visit(k, "", 0);  // start at the roots
  }
  // Components no kustomization in the input opts into: each is an optional add-on whose objects
  // are applied only when a user adds it, so two of them are not known to be combined.
  std::function<void(const Kustomization&, const std::string&, int)> mark = [&](const Kustomization& k, const std::string& component, int depth) {
    if (depth > 32) return;
    for (const std::string& resource : k.resources) {
      if (auto sub = by_folder.find(resource); sub != by_folder.end()) mark(sub->second, component, depth + 1);
      else layout.component_of.emplace(resource, component);
    }
  };
  for (const auto& [folder, k] : by_folder) {
    if (k.component && included.count(folder) == 0) mark(k, folder, 0);
  }
  for (const auto& [file, set] : namespaces) {
    if (set.size() == 1 && !set.begin()->empty()) layout.namespace_of[file] = *set.begin();
  }
  return layout;
}

}  // namespace netlint
