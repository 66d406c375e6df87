// An index over pod sources by namespace and label, so that matching a selector touches only
// the pods that could match its most selective requirement: 50,000 selectors against 50,000
// pod sources stay near-linear instead of 2.5 billion comparisons.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/diag/near_miss_index.h"
#include "analyzer/index/label_selector.h"
#include "analyzer/model/pod_source.h"

namespace netlint::index {

using PodId = std::uint32_t;  // index into the pod source vector the index was built on

struct SelectorMatches {
  std::vector<PodId> yes;    // definitely selected
  std::vector<PodId> maybe;  // selected depending on labels the view does not show
  bool none() const { return yes.empty() && maybe.empty(); }
};

class LabelIndex {
 public:
  // `linear_below`: the near-miss lookups below scan sets smaller than this (tests pass 0 to
  // exercise the index on small inputs).
  explicit LabelIndex(const std::vector<model::PodSource>& pods,
                      std::size_t linear_below = diag::NearMissIndex::kDefaultLinearBelow);

  SelectorMatches match(std::string_view namespace_name, const LabelSelector& selector) const;
  // !match(...).none(), stopping at the first pod that matches or may match: absence checks
  // (NL2001-NL2004, once per policy peer) must not evaluate every pod of a large namespace.
  bool matches_any(std::string_view namespace_name, const LabelSelector& selector) const;
  // matches_any() over the namespaces that *may equal* `namespace_name` (the apply-time `~` and
  // named ones: model/namespace_name.h): a match there makes a selector's resolution *possible*,
  // so absence rules stay silent (RULES.md "Apply units and namespaces", Resolution).
  bool matches_any_possibly(std::string_view namespace_name, const LabelSelector& selector) const;
  const std::vector<PodId>& pods_in(std::string_view namespace_name) const;
  const model::PodSource& pod(PodId id) const { return pods_[id]; }
  // Every written value of `key` among the pods of a namespace, with the pods carrying it.
  using ValuePods = std::unordered_map<std::string, std::vector<PodId>>;
  const ValuePods* values_of(std::string_view namespace_name, std::string_view key) const;
  // Every written label key of a namespace's pods (sorted, for deterministic suggestions).
  std::vector<std::string_view> keys_in(std::string_view namespace_name) const;
  // Near-miss lookups over the written values of `key` in a namespace, and over the written keys
  // of a namespace (nullptr when there are none), built on first use and then shared: the
  // selector did-you-mean asks once per selector entry that matches nothing, and scanning every
  // value each time was quadratic (20,000 Services selecting nothing among 20,000 `app` values).
  const diag::NearMissIndex* value_near_misses(std::string_view namespace_name, std::string_view key) const;
  const diag::NearMissIndex* key_near_misses(std::string_view namespace_name) const;
  // Label comparisons done so far by match() (for the scaling test).
  std::uint64_t comparisons() const noexcept { return comparisons_; }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  template <class V>
  using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

  // A near-miss index built on first use (rules run on several threads).
  struct LazyNearMisses {
    std::once_flag once;
    std::unique_ptr<diag::NearMissIndex> index;
  };

  struct NamespaceIndex {
    std::vector<PodId> all;
    StringMap<ValuePods> by_key;                                   // key -> value -> pods
    StringMap<std::vector<PodId>> unknown_value;                   // key -> pods whose value of key is unknown
    std::vector<PodId> open;                                       // pods whose unwritten labels are unknown
    StringMap<std::unique_ptr<LazyNearMisses>> value_near_misses;  // key -> over by_key[key]'s values
    std::unique_ptr<LazyNearMisses> key_near_misses;               // over by_key's keys
  };

  const NamespaceIndex* find(std::string_view namespace_name) const;
  std::vector<PodId> candidates(const NamespaceIndex& ns, const LabelSelector& selector) const;

  const diag::NearMissIndex& built(LazyNearMisses& lazy, const auto& names) const;

  const std::vector<model::PodSource>& pods_;
  std::size_t linear_below_;
  StringMap<NamespaceIndex> namespaces_;
  mutable std::atomic<std::uint64_t> comparisons_{0};  // match() is const and may run on several threads
};

}  // namespace netlint::index
