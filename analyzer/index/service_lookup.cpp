#include "analyzer/index/service_lookup.h"

#include "analyzer/model/namespace_name.h"

namespace netlint::index {

namespace {

std::string key_of(std::string_view ns, std::string_view name) {
  std::string key(ns);
  key += '/';
  key += name;
  return key;
}

}  // namespace

ServiceLookup::ServiceLookup(const model::Model& model) {
  for (const model::Service& s : model.services) {
    auto& defs = by_key_[key_of(s.meta.namespace_name.value, s.meta.name.value)];
    if (defs.empty()) {
      names_[s.meta.namespace_name.value].push_back(s.meta.name.value);
      namespaces_of_name_[s.meta.name.value].push_back(s.meta.namespace_name.value);
    }
    defs.push_back(&s);
  }
}

const std::vector<const model::Service*>& ServiceLookup::find(std::string_view namespace_name,
                                                              std::string_view name) const {
  static const std::vector<const model::Service*> kNone;
  const auto it = by_key_.find(key_of(namespace_name, name));
  return it == by_key_.end() ? kNone : it->second;
}

bool ServiceLookup::exists_possibly(std::string_view namespace_name, std::string_view name) const {
  const auto it = namespaces_of_name_.find(std::string(name));
  if (it == namespaces_of_name_.end()) return false;
  for (const std::string& ns : it->second) {
    if (model::may_equal(ns, namespace_name)) return true;
  }
  return false;
}

const std::vector<std::string>& ServiceLookup::names_in(std::string_view namespace_name) const {
  static const std::vector<std::string> kNone;
  const auto it = names_.find(std::string(namespace_name));
  return it == names_.end() ? kNone : it->second;
}

std::vector<std::string> ServiceLookup::near_misses(std::string_view namespace_name, std::string_view written) const {
  const diag::NearMissIndex* index = nullptr;
  {
    const std::lock_guard lock(near_miss_mutex_);
    std::unique_ptr<const diag::NearMissIndex>& slot = near_miss_[std::string(namespace_name)];
    if (!slot) slot = std::make_unique<const diag::NearMissIndex>(names_in(namespace_name));
    index = slot.get();
  }
  // Queries only read the index (built once, never replaced while this lookup lives).
  return index->best(written);
}

}  // namespace netlint::index
