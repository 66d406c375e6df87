#include "analyzer/diag/near_miss_index.h"

#include <algorithm>
#include <functional>

namespace netlint::diag {
namespace {

// How many deletions a name's neighbourhood needs: the distance limit is 1 whenever the shorter
// of the two names has up to 5 characters, so a short name never needs a second deletion on
// its side (and the other side is bounded by the same limit).
std::size_t depth_of(std::string_view s) {
  return s.size() <= 5 ? 1 : 2;
}

// Calls `emit` with the hash of every string left after deleting up to `depth` (<= 2)
// characters of `s`, including `s` itself (duplicates possible).
template <class Emit>
void for_each_deletion(std::string_view s, std::size_t depth, Emit&& emit) {
  const std::hash<std::string_view> hash;
  emit(static_cast<std::uint64_t>(hash(s)));
  if (depth == 0 || s.empty()) return;
  std::string one, two;
  for (std::size_t i = 0; i < s.size(); ++i) {
    one.assign(s.substr(0, i));
    one.append(s.substr(i + 1));
    emit(static_cast<std::uint64_t>(hash(one)));
    if (depth < 2) continue;
    // Second deletions at positions >= i of `one` cover every pair of original positions once.
    for (std::size_t j = i; j < one.size(); ++j) {
      two.assign(std::string_view(one).substr(0, j));
      two.append(std::string_view(one).substr(j + 1));
      emit(static_cast<std::uint64_t>(hash(two)));
    }
  }
}

}  // namespace

NearMissIndex::NearMissIndex(std::span<const std::string> candidates, std::size_t linear_below)
    : names_(candidates.begin(), candidates.end()) {
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  if (names_.size() < linear_below) return;
  indexed_ = true;
  std::vector<std::uint64_t> hashes;
  for (std::uint32_t id = 0; id < names_.size(); ++id) {
    const std::string& name = names_[id];
    by_normalised_[normalise_name(name)].push_back(id);
    hashes.clear();
    for_each_deletion(name, depth_of(name), [&](std::uint64_t h) { hashes.push_back(h); });
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    for (std::uint64_t h : hashes) deletions_.emplace_back(h, id);
  }
  std::sort(deletions_.begin(), deletions_.end());
}

std::vector<std::string_view> NearMissIndex::proposals(std::string_view written,
                                                       std::span<const KnownConfusion> confusions) const {
  std::vector<std::string_view> out;
  if (!indexed_) {
    out.assign(names_.begin(), names_.end());
    return out;
  }
  std::vector<std::uint32_t> ids;
  for (const KnownConfusion& c : confusions) {
    if (c.written != written) continue;
    const auto it = std::lower_bound(names_.begin(), names_.end(), c.meant);
    if (it != names_.end() && *it == c.meant) ids.push_back(static_cast<std::uint32_t>(it - names_.begin()));
  }
  if (const auto it = by_normalised_.find(normalise_name(written)); it != by_normalised_.end()) {
    ids.insert(ids.end(), it->second.begin(), it->second.end());
  }
  for_each_deletion(written, depth_of(written), [&](std::uint64_t h) {
    auto it = std::lower_bound(deletions_.begin(), deletions_.end(), std::pair<std::uint64_t, std::uint32_t>{h, 0});
    for (; it != deletions_.end() && it->first == h; ++it) {
      // The distance is at least the difference in length (near_miss_score skips those too).
      const std::size_t a = names_[it->second].size();
      if ((a > written.size() ? a - written.size() : written.size() - a) <= 2) ids.push_back(it->second);
    }
  });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  out.reserve(ids.size());
  for (std::uint32_t id : ids) out.push_back(names_[id]);  // names_ is sorted: so is `out`
  return out;
}

std::vector<std::string> NearMissIndex::best(std::string_view written,
                                             std::span<const KnownConfusion> confusions) const {
  if (!indexed_) return best_near_misses(written, names_, confusions);
  std::vector<std::string> candidates;
  for (std::string_view name : proposals(written, confusions)) candidates.emplace_back(name);
  return best_near_misses(written, candidates, confusions);
}

}  // namespace netlint::diag
