#include "analyzer/model/view_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "analyzer/model/namespace_name.h"

namespace netlint::model {
namespace {

// Built-in kinds served under several groups over time are one kind (RULES.md: extensions/v1beta1
// and apps/v1 Deployments, extensions and networking.k8s.io Ingresses).
bool unify_group(std::string_view group) {
  return group.empty() || group == "apps" || group == "extensions" || group == "networking.k8s.io" ||
         group == "batch" || group == "policy";
}

template <class T>
void drop_merged(std::vector<T>& items, const std::set<std::pair<FileId, std::uint32_t>>& dropped) {
  std::erase_if(items, [&](const T& item) {
    return dropped.count({item.meta.file, item.meta.object_range.begin}) != 0;
  });
}

}  // namespace

std::string identity_key(const ObjectMeta& object) {
  // `group/Kind namespace/name`, appended rather than formatted: every object of a view gets one
  // on every load (a quarter of merging, in the language server's edits).
  const std::string_view api_version = object.api_version.value;
  const std::size_t slash = api_version.find('/');
  const std::string_view group = slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
  const std::string_view ns = object.namespace_name.value;
  const std::string_view shown_ns = is_apply_time(ns) ? std::string_view("(apply-time)") : ns;
  std::string key;
  key.reserve(group.size() + object.kind.value.size() + shown_ns.size() + object.name.value.size() + 3);
  if (!unify_group(group)) key += group;
  key += '/';
  key += object.kind.value;
  key += ' ';
  key += shown_ns;
  key += '/';
  key += object.name.value;
  return key;
}

void merge_definitions(Model& model, const ApplyGroups& apply_groups) {
  // Identities in key order (so variant_identities and NL0005 come out the same on every build),
  // each identity's definitions in file-then-offset order, reported files first for the kept copy.
  std::map<std::string, std::vector<std::size_t>> by_identity;
  for (std::size_t i = 0; i < model.objects.size(); ++i) {
    if (model.objects[i].name.value.empty()) continue;  // generateName or broken: no identity
    by_identity[identity_key(model.objects[i])].push_back(i);
  }
  auto apply_group = [&](FileId file) {
    const auto it = apply_groups.find(file);
    return it == apply_groups.end() ? std::string() : it->second;
  };
  std::set<std::pair<FileId, std::uint32_t>> dropped;
  std::set<std::size_t> drop_indexes;
  for (auto& [key, indexes] : by_identity) {
    if (indexes.size() < 2) continue;
    std::stable_sort(indexes.begin(), indexes.end(), [&](std::size_t a, std::size_t b) {
      return model.file(model.objects[a].file).reported && !model.file(model.objects[b].file).reported;
    });
    // Each distinct content keeps its first definition; later equal ones become its copies.
    std::vector<std::size_t> kept;
    for (std::size_t index : indexes) {
      ObjectMeta& object = model.objects[index];
      const auto same = std::find_if(kept.begin(), kept.end(), [&](std::size_t k) {
        return model.objects[k].content_hash == object.content_hash;
      });
      if (same != kept.end()) {
        model.objects[*same].copies.push_back(object.name.range);
        dropped.emplace(object.file, object.object_range.begin);
        drop_indexes.insert(index);
        continue;
      }
      for (std::size_t k : kept) {
        const ObjectMeta& earlier = model.objects[k];
        const bool one_file = earlier.file == object.file;
        const std::string group = apply_group(object.file);
        const bool one_apply = !group.empty() && group == apply_group(earlier.file);
        if (one_file || one_apply) {
          // Anchor on the later definition (file then offset), the earlier related.
          const bool object_later =
              std::pair{object.file, object.object_range.begin} > std::pair{earlier.file, earlier.object_range.begin};
          const ObjectMeta& later = object_later ? object : earlier;
          const ObjectMeta& first = object_later ? earlier : object;
          InputProblem problem;
          problem.kind = InputProblemKind::kDuplicateResource;
          problem.range = later.name.range;
          problem.message =
              fmt::format("{} is defined twice {} with different content; applying it keeps only the later definition",
                          later.display(), one_file ? "in this file" : "in the resources of " + group);
          problem.help = "delete one definition, or rename one of them";
          problem.related = first.name.range;
          model.problems.push_back(std::move(problem));
        } else {
          model.mixed = true;  // variants across files: both stay
          if (std::find(model.variant_identities.begin(), model.variant_identities.end(), key) ==
              model.variant_identities.end()) {
            model.variant_identities.push_back(key);
          }
        }
      }
      kept.push_back(index);
    }
  }
  if (dropped.empty()) return;
  drop_merged(model.pod_sources, dropped);
  drop_merged(model.services, dropped);
  drop_merged(model.ingresses, dropped);
  drop_merged(model.secret_producers, dropped);
  drop_merged(model.config_maps, dropped);
  drop_merged(model.namespaces, dropped);
  drop_merged(model.network_policies, dropped);
  drop_merged(model.routes, dropped);
  // Config texts follow the object (or the ConfigMap) that holds them.
  auto owner_dropped = [&](const auto& item) {
    return dropped.count({item.owner.file, item.owner.object_range.begin}) != 0;
  };
  std::erase_if(model.configs, owner_dropped);
  std::erase_if(model.corefiles, owner_dropped);
  std::vector<ObjectMeta> objects;
  objects.reserve(model.objects.size() - drop_indexes.size());
  for (std::size_t i = 0; i < model.objects.size(); ++i) {
    if (drop_indexes.count(i) == 0) objects.push_back(std::move(model.objects[i]));
  }
  model.objects = std::move(objects);
  // The kept definitions' copies must reach the typed views too (rules read those).
  std::unordered_map<std::string, const ObjectMeta*> kept_by_position;
  for (const ObjectMeta& o : model.objects) {
    if (!o.copies.empty()) kept_by_position[fmt::format("{}:{}", o.file, o.object_range.begin)] = &o;
  }
  auto refresh = [&](auto& items) {
    for (auto& item : items) {
      auto it = kept_by_position.find(fmt::format("{}:{}", item.meta.file, item.meta.object_range.begin));
      if (it != kept_by_position.end()) item.meta.copies = it->second->copies;
    }
  };
  refresh(model.pod_sources);
  refresh(model.services);
  refresh(model.ingresses);
  refresh(model.secret_producers);
  refresh(model.config_maps);
  refresh(model.namespaces);
  refresh(model.network_policies);
  refresh(model.routes);
}

}  // namespace netlint::model
