#include "analyzer/loader/kustomize.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <set>
#include <functional>

#include "analyzer/model/extract_util.h"
#include "analyzer/util/go_values.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/node_ref.h"
#include "analyzer/yaml/tree_builder.h"
#include "analyzer/source/path_parts.h"

namespace netlint {
namespace fs = std::filesystem;
namespace {

std::string normal(const fs::path& p) {
  return p.lexically_normal().generic_string();
}

struct Kustomization {
  std::string path;
  FileId file = 0;
  std::string namespace_name;
  std::vector<std::string> resources;    // normalised file or folder paths
  std::vector<SourceRange> resource_at;  // where each resources entry is written
  std::vector<std::string> patches;
  // `commonLabels`, and `labels` entries with `includeSelectors: true`: kustomize adds these to
  // metadata, pod templates and selectors alike (builtinpluginconsts/commonlabels.go).
  model::Labels selector_labels;
  bool component = false;  // kind: Component, an optional add-on a kustomization opts into
};

// The scalars of a list, or of the `path` keys of a list of mappings.
std::vector<yaml::NodeRef> paths_in(const yaml::NodeRef& list) {
  std::vector<yaml::NodeRef> out;
  for (std::uint32_t i = 0; i < list.size(); ++i) {
    const yaml::NodeRef item = list.item(i);
    if (item.is_scalar())
      out.push_back(item);
    else if (item.get("path").is_scalar())
      out.push_back(item.get("path"));
  }
  return out;
}

std::optional<Kustomization> parse(const InputText& input, FileId file) {
  const auto spans = yaml::split_documents(input.text);
  if (spans.empty()) return std::nullopt;
  yaml::ParseResult parsed = yaml::parse_document(input.text, spans[0].begin, spans[0].end, file);
  if (!parsed.tree) return std::nullopt;
  const yaml::NodeRef root = yaml::root_of(*parsed.tree);
  Kustomization k;
  k.path = normal(input.path);
  k.file = file;
  const fs::path dir = fs::path(k.path).parent_path();
  k.namespace_name = root.get("namespace").scalar();
  k.component = root.get("kind").scalar() == "Component";
  for (const char* key : {"resources", "bases", "components"}) {
    for (const yaml::NodeRef& node : paths_in(root.get(key))) {
      const std::string& entry = node.scalar();
      if (entry.find("://") != std::string::npos || entry.rfind("github.com/", 0) == 0) continue;
      k.resources.push_back(normal(dir / entry));
      SourceRange at = node.range();
      at.file = file;
      k.resource_at.push_back(at);
    }
  }
  for (const char* key : {"patchesStrategicMerge", "patches", "patchesJson6902"}) {
    for (const yaml::NodeRef& node : paths_in(root.get(key))) k.patches.push_back(normal(dir / node.scalar()));
  }
  k.selector_labels = model::string_map(root.get("commonLabels"));
  const yaml::NodeRef labels = root.get("labels");
  for (std::uint32_t i = 0; i < labels.size(); ++i) {
    const yaml::NodeRef entry = labels.item(i);
    if (entry.get("includeSelectors").scalar() != "true") continue;
    for (model::Label& label : model::string_map(entry.get("pairs"))) k.selector_labels.push_back(std::move(label));
  }
  return k;
}

// Walks the kustomizations a root includes, depth first, visiting each (kustomization, inherited
// namespace) once: what a visit adds depends on nothing else, so a base that two overlays share,
// or a kustomization listing one folder twice, costs one visit instead of doubling per level
// (`resources: [../a, ../a]` inside `a` took 2^32 steps). An entry that leads back to a
// kustomization still being walked is a cycle, which kustomize refuses to build: NL0001 there.
class IncludeWalk {
 public:
  using Visit = std::function<void(const Kustomization&, const std::string& inherited, const std::string& resource)>;
  IncludeWalk(const std::map<std::string, Kustomization>& by_folder, std::vector<model::InputProblem>& cycles)
      : by_folder_(by_folder), cycles_(cycles) {}

  // Calls `leaf` for every resource that is not a kustomization folder, with the namespace that
  // `namespace_of` derives from the inherited one at each level.
  void run(const Kustomization& root,
           const std::function<std::string(const Kustomization&, const std::string&)>& namespace_of,
           const Visit& leaf) {
    walk(root, "", namespace_of, leaf);
  }

  bool reached(const std::string& path) const {
    const auto it = done_.lower_bound({path, std::string()});
    return it != done_.end() && it->first == path;
  }

 private:
  void walk(const Kustomization& k, const std::string& inherited,
            const std::function<std::string(const Kustomization&, const std::string&)>& namespace_of,
            const Visit& leaf) {
    if (!done_.emplace(k.path, inherited).second) return;
    on_path_.insert(k.path);
    const std::string ns = namespace_of(k, inherited);
    for (std::size_t i = 0; i < k.resources.size(); ++i) {
      const std::string& resource = k.resources[i];
      const auto sub = by_folder_.find(resource);
      if (sub == by_folder_.end()) {
        leaf(k, ns, resource);
      } else if (on_path_.count(sub->second.path) != 0) {
        report_cycle(k, i, sub->second);
      } else {
        walk(sub->second, ns, namespace_of, leaf);
      }
    }
    on_path_.erase(k.path);
  }

  void report_cycle(const Kustomization& k, std::size_t entry, const Kustomization& target) {
    if (!reported_.insert({k.path, entry}).second) return;
    cycles_.push_back(
        {model::InputProblemKind::kParseError,
         k.resource_at[entry],
         fmt::format("kustomization cycle: {} includes {}, which is already being built: kustomize refuses "
                     "to build a cycle",
                     k.path, target.path),
         "remove the entry that leads back",
         {},
         {}});
  }

  const std::map<std::string, Kustomization>& by_folder_;
  std::vector<model::InputProblem>& cycles_;
  std::set<std::pair<std::string, std::string>> done_;  // (kustomization, inherited namespace)
  std::set<std::string> on_path_;
  std::set<std::pair<std::string, std::size_t>> reported_;
};

// The labels a walk has accumulated, as the walk's state string: one "<kustomization>\t<index>"
// line per label, so that IncludeWalk's per-(kustomization, state) memo covers them too.
class LabelState {
 public:
  explicit LabelState(const std::map<std::string, Kustomization>& by_folder) {
    for (const auto& [folder, k] : by_folder) by_path_.emplace(k.path, &k);
  }

  std::vector<const model::Label*> decode(const std::string& state) const {
    std::vector<const model::Label*> out;
    std::size_t at = 0;
    while (at < state.size()) {
      const std::size_t tab = state.find('\t', at);
      const std::size_t end = state.find('\n', tab);
      const Kustomization& k = *by_path_.at(state.substr(at, tab - at));
      // The index was written by encode(): digits; anything else is a bug, caught by at().
      const std::optional<std::uint64_t> index = go_parse_uint(state.substr(tab + 1, end - tab - 1), 10, 64);
      out.push_back(&k.selector_labels.at(static_cast<std::size_t>(index.value_or(SIZE_MAX))));
      at = end + 1;
    }
    return out;
  }

  // Going down into `k`: its labels join those inherited, the outer ones winning on a key
  // (kustomize runs an including kustomization's transformers after the included one's).
  std::string descend(const Kustomization& k, const std::string& inherited) const {
    if (k.selector_labels.empty()) return inherited;
    std::set<std::string_view> keys;
    const auto outer = decode(inherited);
    for (const model::Label* label : outer) keys.insert(label->key.value);
    std::string state = inherited;
    for (std::size_t i = 0; i < k.selector_labels.size(); ++i) {
      if (keys.insert(k.selector_labels[i].key.value).second) state += k.path + "\t" + std::to_string(i) + "\n";
    }
    return state;
  }

 private:
  std::map<std::string, const Kustomization*> by_path_;
};

// Every resource file's selector labels (KustomizeLayout::selector_labels_of): for a file that
// several builds reach, the labels all of them add with the same value.
void collect_selector_labels(const std::map<std::string, Kustomization>& by_folder,
                             const std::set<std::string>& included, KustomizeLayout& layout) {
  const LabelState labels(by_folder);
  std::map<std::string, std::vector<std::vector<const model::Label*>>> reaching;
  std::vector<model::InputProblem> cycles_reported_already;
  IncludeWalk walk(by_folder, cycles_reported_already);
  const auto descend = [&](const Kustomization& k, const std::string& inherited) {
    return labels.descend(k, inherited);
  };
  for (const auto& [folder, k] : by_folder) {
    if (included.count(folder) != 0 || k.component) continue;
    walk.run(k, descend, [&](const Kustomization&, const std::string& state, const std::string& resource) {
      reaching[resource].push_back(labels.decode(state));
    });
  }
  for (const auto& [resource, paths] : reaching) {
    model::Labels common;
    for (const model::Label* label : paths.front()) {
      const bool everywhere =
          std::all_of(paths.begin(), paths.end(), [&](const std::vector<const model::Label*>& other) {
            return std::any_of(other.begin(), other.end(), [&](const model::Label* o) {
              return o->key.value == label->key.value && o->value.value == label->value.value;
            });
          });
      if (everywhere) common.push_back(*label);
    }
    if (!common.empty()) layout.selector_labels_of.emplace(resource, std::move(common));
  }
}

}  // namespace

bool is_kustomization_file(std::string_view path) {
  const std::string_view name = path_basename(path);
  return name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization";
}

KustomizeLayout read_kustomizations(const std::vector<InputText>& inputs) {
  KustomizeLayout layout;
  std::map<std::string, Kustomization> by_folder;  // folder -> its kustomization
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!is_kustomization_file(inputs[i].path)) continue;
    if (auto k = parse(inputs[i], static_cast<FileId>(i)))
      by_folder[normal(fs::path(k->path).parent_path())] = std::move(*k);
  }
  for (const auto& [folder, k] : by_folder) {
    for (const std::string& patch : k.patches) layout.patch_files.insert(patch);
  }
  // Resources of each kustomization, following included kustomizations; the namespace of the
  // outermost kustomization that sets one wins, as kustomize applies it last. A file reached
  // with two different namespaces (a base shared by two overlays) keeps its own.
  std::map<std::string, std::set<std::string>> namespaces;
  IncludeWalk builds(by_folder, layout.cycles);
  const auto outermost_namespace = [](const Kustomization& k, const std::string& inherited) {
    return !inherited.empty() ? inherited : k.namespace_name;
  };
  const auto visit = [&](const Kustomization& k) {
    builds.run(k, outermost_namespace,
               [&](const Kustomization& owner, const std::string& ns, const std::string& resource) {
                 layout.apply_of.emplace(resource, owner.path);
                 namespaces[resource].insert(ns);
               });
  };
  std::set<std::string> included;
  for (const auto& [folder, k] : by_folder) {
    for (const std::string& resource : k.resources) {
      if (by_folder.count(resource) != 0) included.insert(resource);
    }
  }
  for (const auto& [folder, k] : by_folder) {
    if (included.count(folder) == 0) visit(k);  // start at the roots
  }
  // Kustomizations that only include each other (a cycle no root reaches) are walked for the
  // cycle alone: nothing builds them, so they assign no resource.
  for (const auto& [folder, k] : by_folder) {
    if (!builds.reached(k.path))
      builds.run(k, outermost_namespace, [](const Kustomization&, const std::string&, const std::string&) {});
  }
  // Components no kustomization in the input opts into: each is an optional add-on whose objects
  // are applied only when a user adds it, so two of them are not known to be combined.
  std::vector<model::InputProblem> reported_already;  // the cycles were reported by the walk above
  for (const auto& [folder, k] : by_folder) {
    if (!k.component || included.count(folder) != 0) continue;
    IncludeWalk members(by_folder, reported_already);
    // A plain reference: clang before 16 cannot capture a structured binding in a lambda.
    const std::string& component = folder;
    members.run(k, outermost_namespace, [&](const Kustomization&, const std::string&, const std::string& resource) {
      layout.component_of.emplace(resource, component);
    });
  }
  for (const auto& [file, set] : namespaces) {
    if (set.size() == 1 && !set.begin()->empty()) layout.namespace_of[file] = *set.begin();
  }
  collect_selector_labels(by_folder, included, layout);
  return layout;
}

}  // namespace netlint
