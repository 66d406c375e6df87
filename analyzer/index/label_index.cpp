#include "analyzer/index/label_index.h"

#include "analyzer/model/namespace_name.h"

#include <algorithm>

namespace netlint::index {
namespace {
const std::vector<PodId> kNoPods;
}

LabelIndex::LabelIndex(const std::vector<model::PodSource>& pods, std::size_t linear_below)
    : pods_(pods), linear_below_(linear_below) {
  for (PodId id = 0; id < pods.size(); ++id) {
    const model::PodSource& pod = pods[id];
    NamespaceIndex& ns = namespaces_[pod.meta.namespace_name.value];
    ns.all.push_back(id);
    // Each list holds a pod once, in ascending order (candidates() relies on it); a label or an
    // unknown key written twice does not add the pod twice.
    const auto add = [id](std::vector<PodId>& ids) {
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    };
    for (const model::Label& label : pod.labels) add(ns.by_key[label.key.value][label.value.value]);
    for (const std::string& key : pod.unknown_label_keys) add(ns.unknown_value[key]);
    if (pod.open_labels) ns.open.push_back(id);
  }
  // Only the slots: an index is built when a did-you-mean first needs it.
  for (auto& [name, ns] : namespaces_) {
    for (const auto& [key, values] : ns.by_key) ns.value_near_misses.emplace(key, std::make_unique<LazyNearMisses>());
    ns.key_near_misses = std::make_unique<LazyNearMisses>();
  }
}

const diag::NearMissIndex& LabelIndex::built(LazyNearMisses& lazy, const auto& names) const {
  std::call_once(lazy.once, [&] {
    std::vector<std::string> candidates;
    candidates.reserve(names.size());
    for (const auto& [name, unused] : names) candidates.push_back(name);
    lazy.index = std::make_unique<diag::NearMissIndex>(candidates, linear_below_);
  });
  return *lazy.index;
}

const diag::NearMissIndex* LabelIndex::value_near_misses(std::string_view namespace_name, std::string_view key) const {
  const NamespaceIndex* ns = find(namespace_name);
  if (ns == nullptr) return nullptr;
  const auto values = ns->by_key.find(key);
  if (values == ns->by_key.end()) return nullptr;
  return &built(*ns->value_near_misses.find(key)->second, values->second);
}

const diag::NearMissIndex* LabelIndex::key_near_misses(std::string_view namespace_name) const {
  const NamespaceIndex* ns = find(namespace_name);
  if (ns == nullptr || ns->by_key.empty()) return nullptr;
  return &built(*ns->key_near_misses, ns->by_key);
}

const LabelIndex::NamespaceIndex* LabelIndex::find(std::string_view namespace_name) const {
  const auto it = namespaces_.find(namespace_name);
  return it == namespaces_.end() ? nullptr : &it->second;
}

const std::vector<PodId>& LabelIndex::pods_in(std::string_view namespace_name) const {
  const NamespaceIndex* ns = find(namespace_name);
  return ns == nullptr ? kNoPods : ns->all;
}

const LabelIndex::ValuePods* LabelIndex::values_of(std::string_view namespace_name, std::string_view key) const {
  const NamespaceIndex* ns = find(namespace_name);
  if (ns == nullptr) return nullptr;
  const auto it = ns->by_key.find(key);
  return it == ns->by_key.end() ? nullptr : &it->second;
}

std::vector<std::string_view> LabelIndex::keys_in(std::string_view namespace_name) const {
  std::vector<std::string_view> keys;
  if (const NamespaceIndex* ns = find(namespace_name)) {
    for (const auto& [key, values] : ns->by_key) keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// The pods that could satisfy the selector's most selective positive requirement (In or
// Exists); all pods of the namespace when it has none.
std::vector<PodId> LabelIndex::candidates(const NamespaceIndex& ns, const LabelSelector& selector) const {
  using Op = Requirement::Op;
  const Requirement* best = nullptr;
  std::size_t best_size = ns.all.size();
  for (const Requirement& r : selector.requirements) {
    if (r.op != Op::kIn && r.op != Op::kExists) continue;
    std::size_t size = ns.open.size();
    if (auto u = ns.unknown_value.find(r.key); u != ns.unknown_value.end()) size += u->second.size();
    if (auto k = ns.by_key.find(r.key); k != ns.by_key.end()) {
      if (r.op == Op::kExists) {
        for (const auto& [value, ids] : k->second) size += ids.size();
      } else {
        for (const std::string& v : r.values) {
          if (auto it = k->second.find(v); it != k->second.end()) size += it->second.size();
        }
      }
    }
    if (best == nullptr || size < best_size) {
      best = &r;
      best_size = size;
    }
  }
  if (best == nullptr) return ns.all;
  // Each id list is in ascending PodId order (built in pod order); only a merge of several
  // needs sorting, and an open pod that also wrote the key then appears twice.
  std::vector<PodId> out;
  out.reserve(best_size);
  std::size_t lists = 0;
  const auto add = [&](const std::vector<PodId>& ids) {
    if (ids.empty()) return;
    out.insert(out.end(), ids.begin(), ids.end());
    ++lists;
  };
  add(ns.open);
  if (auto u = ns.unknown_value.find(best->key); u != ns.unknown_value.end()) add(u->second);
  if (auto k = ns.by_key.find(best->key); k != ns.by_key.end()) {
    if (best->op == Op::kExists) {
      for (const auto& [value, ids] : k->second) add(ids);
    } else {
      // Look the listed values up: walking every value of the key here made each match cost
      // the number of distinct values (quadratic over 50,000 unique `app` values).
      for (const std::string& v : best->values) {
        if (auto it = k->second.find(v); it != k->second.end()) add(it->second);
      }
    }
  }
  if (lists > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  return out;
}

SelectorMatches LabelIndex::match(std::string_view namespace_name, const LabelSelector& selector) const {
  SelectorMatches result;
  const NamespaceIndex* ns = find(namespace_name);
  if (ns == nullptr) return result;
  std::uint64_t comparisons = 0;
  for (PodId id : candidates(*ns, selector)) {
    switch (evaluate(selector, pods_[id], comparisons)) {
      case Tri::kYes:
        result.yes.push_back(id);
        break;
      case Tri::kMaybe:
        result.maybe.push_back(id);
        break;
      case Tri::kNo:
        break;
    }
  }
  comparisons_ += comparisons;
  return result;
}

bool LabelIndex::matches_any(std::string_view namespace_name, const LabelSelector& selector) const {
  const NamespaceIndex* ns = find(namespace_name);
  if (ns == nullptr) return false;
  std::uint64_t comparisons = 0;
  bool any = false;
  for (PodId id : candidates(*ns, selector)) {
    if (evaluate(selector, pods_[id], comparisons) != Tri::kNo) {
      any = true;
      break;
    }
  }
  comparisons_ += comparisons;
  return any;
}

bool LabelIndex::matches_any_possibly(std::string_view namespace_name, const LabelSelector& selector) const {
  for (const auto& [name, ns] : namespaces_) {
    if (model::may_equal(name, namespace_name) && matches_any(name, selector)) return true;
  }
  return false;
}

}  // namespace netlint::index
