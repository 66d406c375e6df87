#include "analyzer/model/apply_units.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/namespace_name.h"
#include "analyzer/source/path_parts.h"

namespace netlint::model {
namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), FileId{0}); }
  FileId find(FileId x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller id becomes the root, so a group is named after its first file.
  void unite(FileId a, FileId b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<FileId> parent_;
};

// The objects of one directory's files outside builds that a reference may resolve to, indexed
// so that each reference touches only its candidates (a folder of 4,000 files stays linear).
struct DirectoryIndex {
  // label -> the files whose pods carry it, each file once, in file order
  std::map<std::pair<std::string_view, std::string_view>, std::vector<FileId>> files_by_label;
  std::multimap<std::string_view, const ObjectMeta*> services_by_name;
};

// A reference that more files than this would satisfy is not tied to any of them: a file group
// is a folder split by kind or one example's few files, and linking every Service of a folder to
// every pod file sharing `app: web` would make the links quadratic in the folder's size.
constexpr std::size_t kMaxLinkTargets = 16;

// Links `from` to every file in `targets` unless `from` is one of them: RULES.md links A to B
// only when the reference in A has no match in A.
void link(FileLinks& links, FileId from, const std::set<FileId>& targets) {
  if (targets.contains(from) || targets.size() > kMaxLinkTargets) return;
  for (FileId file : targets) links.edges.emplace_back(from, file);
}

}  // namespace

FileLinks link_files(const Model& model) {
  FileLinks links;
  auto in_group = [&](FileId file) { return file < model.files.size() && model.file(file).apply_build.empty(); };
  std::map<std::string_view, DirectoryIndex> directories;
  auto directory_of = [&](FileId file) -> DirectoryIndex& { return directories[path_dirname(model.file(file).path)]; };
  std::vector<std::vector<const PodSource*>> pods_in_file(model.files.size());
  for (const PodSource& pod : model.pod_sources) {
    if (pod.synthetic || !in_group(pod.meta.file)) continue;
    pods_in_file[pod.meta.file].push_back(&pod);
    DirectoryIndex& dir = directory_of(pod.meta.file);
    for (const Label& label : pod.labels) {
      std::vector<FileId>& files = dir.files_by_label[{label.key.value, label.value.value}];
      if (files.empty() || files.back() != pod.meta.file) files.push_back(pod.meta.file);
    }
  }
  for (const Service& service : model.services) {
    if (in_group(service.meta.file))
      directory_of(service.meta.file).services_by_name.emplace(service.meta.name.value, &service.meta);
  }
  // A Service selector: the files holding pods it selects, in a namespace equal or maybe equal.
  for (const Service& service : model.services) {
    const FileId from = service.meta.file;
    if (!in_group(from) || !service.has_selector()) continue;
    const DirectoryIndex& dir = directory_of(from);
    const Label& first = service.selector.front();
    const auto candidates = dir.files_by_label.find({first.key.value, first.value.value});
    if (candidates == dir.files_by_label.end()) continue;
    const auto selects_pods_in = [&](FileId file) {
      return std::any_of(pods_in_file[file].begin(), pods_in_file[file].end(), [&](const PodSource* pod) {
        return equal_or_may_equal(pod->meta.namespace_name.value, service.meta.namespace_name.value) &&
               selector_matches(service.selector, pod->labels);
      });
    };
    if (selects_pods_in(from)) continue;
    std::set<FileId> targets;
    for (FileId file : candidates->second) {
      if (!selects_pods_in(file)) continue;
      targets.insert(file);
      if (targets.size() > kMaxLinkTargets) break;
    }
    link(links, from, targets);
  }
  // A Service by name: Ingress backends and StatefulSet `serviceName`.
  auto link_by_service_name = [&](FileId from, const std::string& ns, const std::string& name) {
    if (!in_group(from) || name.empty()) return;
    const DirectoryIndex& dir = directory_of(from);
    const auto [begin, end] = dir.services_by_name.equal_range(name);
    std::set<FileId> targets;
    for (auto it = begin; it != end && targets.size() <= kMaxLinkTargets && !targets.contains(from); ++it) {
      if (equal_or_may_equal(it->second->namespace_name.value, ns)) targets.insert(it->second->file);
    }
    link(links, from, targets);
  };
  for (const Ingress& ingress : model.ingresses) {
    ingress.for_each_backend([&](const IngressBackend& backend, const IngressPath*) {
      link_by_service_name(ingress.meta.file, ingress.meta.namespace_name.value, backend.service_name.value);
    });
  }
  for (const PodSource& pod : model.pod_sources) {
    if (!pod.synthetic) link_by_service_name(pod.meta.file, pod.meta.namespace_name.value, pod.service_name.value);
  }
  return links;
}

void assign_apply_units(Model& model, const FileLinks& links) {
  UnionFind groups(model.files.size());
  for (const auto& [a, b] : links.edges) groups.unite(a, b);
  for (SourceFile& file : model.files) {
    file.apply_unit =
        file.apply_build.empty() ? "group:" + model.file(groups.find(file.id)).path : "build:" + file.apply_build;
  }
}

void bind_apply_time_namespace(Model& model, const FileLinks& links) {
  // The named namespaces of each file's objects, and of each build.
  std::vector<std::set<std::string>> named_in_file(model.files.size());
  std::map<std::string, std::set<std::string>, std::less<>> named_in_build;
  for (const ObjectMeta& object : model.objects) {
    const std::string& ns = object.namespace_name.value;
    if (object.file >= model.files.size() || ns.empty() || is_apply_time(ns)) continue;
    named_in_file[object.file].insert(ns);
    if (const std::string& build = model.file(object.file).apply_build; !build.empty())
      named_in_build[build].insert(ns);
  }
  // A file outside builds is applied with the files it links to and the files linking to it.
  std::vector<std::set<std::string>> named_around(named_in_file);
  for (const auto& [a, b] : links.edges) {
    named_around[a].insert(named_in_file[b].begin(), named_in_file[b].end());
    named_around[b].insert(named_in_file[a].begin(), named_in_file[a].end());
  }
  auto only_namespace = [&](FileId file) -> const std::string* {
    if (file >= model.files.size()) return nullptr;
    const std::string& build = model.file(file).apply_build;
    const std::set<std::string>* named = &named_around[file];
    if (!build.empty()) {
      const auto it = named_in_build.find(build);
      if (it == named_in_build.end()) return nullptr;
      named = &it->second;
    }
    return named->size() == 1 ? &*named->begin() : nullptr;
  };
  for_each_object_meta(model, [&](ObjectMeta& meta) {
    if (!is_apply_time(meta.namespace_name.value)) return;
    if (const std::string* ns = only_namespace(meta.file)) meta.namespace_name.value = *ns;
  });
}

}  // namespace netlint::model
