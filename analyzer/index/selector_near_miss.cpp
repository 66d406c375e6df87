#include "analyzer/index/selector_near_miss.h"

#include <algorithm>
#include <tuple>

namespace netlint::index {
namespace {

// The pods among `pods` that the selector without entry `skip` definitely matches.
std::vector<PodId> matching_rest(const LabelIndex& index, const LabelSelector& selector, std::size_t skip,
                                 const std::vector<PodId>& pods) {
  std::vector<PodId> out;
  std::uint64_t comparisons = 0;
  for (PodId id : pods) {
    bool all = true;
    for (std::size_t i = 0; i < selector.requirements.size() && all; ++i) {
      if (i != skip) all = evaluate(selector.requirements[i], index.pod(id), comparisons) == Tri::kYes;
    }
    if (all) out.push_back(id);
  }
  return out;
}

}  // namespace

std::vector<SelectorFix> suggest_selector_fixes(const LabelIndex& index, std::string_view namespace_name,
                                                const model::Labels& selector,
                                                std::span<const diag::KnownConfusion> confusions) {
  const LabelSelector parsed = selector_from_map(selector);
  std::vector<SelectorFix> fixes;
  auto consider = [&](std::size_t entry, std::string_view key, std::string_view value, int score,
                      const std::vector<PodId>& carriers) {
    std::vector<PodId> pods = matching_rest(index, parsed, entry, carriers);
    if (pods.empty()) return;
    std::sort(pods.begin(), pods.end());
    fixes.push_back({entry, std::string(key), std::string(value), score, std::move(pods)});
  };

  // The candidates come from the label index's near-miss lookups, which propose every value
  // (key) that can score without comparing with all of them: a scan per selector entry was
  // quadratic in a namespace of many distinct values. The order they are considered in does not
  // matter: the fixes are filtered and sorted below.
  for (std::size_t entry = 0; entry < selector.size(); ++entry) {
    const std::string& key = selector[entry].key.value;
    const std::string& value = selector[entry].value.value;
    // A typo in the value: another value of the same key.
    if (const auto* values = index.values_of(namespace_name, key)) {
      for (std::string_view candidate : index.value_near_misses(namespace_name, key)->proposals(value, confusions)) {
        const auto score = diag::near_miss_score(value, candidate, confusions);
        if (!score) continue;
        const auto carriers = values->find(std::string(candidate));
        if (carriers != values->end()) consider(entry, key, candidate, *score, carriers->second);
      }
    }
    // A typo in the key: the same value under a near-miss key.
    if (const diag::NearMissIndex* keys = index.key_near_misses(namespace_name)) {
      for (std::string_view candidate_key : keys->proposals(key, confusions)) {
        const auto score = diag::near_miss_score(key, candidate_key, confusions);
        if (!score) continue;
        const auto* values = index.values_of(namespace_name, candidate_key);
        if (auto it = values->find(value); it != values->end())
          consider(entry, candidate_key, value, *score, it->second);
      }
    }
  }
  if (fixes.empty()) return fixes;
  const int best = std::min_element(fixes.begin(), fixes.end(), [](const auto& a, const auto& b) {
                     return a.score < b.score;
                   })->score;
  std::erase_if(fixes, [best](const SelectorFix& f) { return f.score != best; });
  std::sort(fixes.begin(), fixes.end(), [](const SelectorFix& a, const SelectorFix& b) {
    return std::tie(a.entry, a.key, a.value) < std::tie(b.entry, b.key, b.value);
  });
  return fixes;
}

}  // namespace netlint::index
