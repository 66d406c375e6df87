// best_near_misses over a fixed candidate set, without comparing the written name with every
// candidate: a rule that reports one finding per reference (NL4002 at 100k objects: ~100k
// findings against the thousands of Service names of a namespace) would otherwise be quadratic.
//
// Exactly the answer of best_near_misses(written, candidates, confusions), by construction: the
// index only proposes a superset of the candidates that can score, and the proposals are then
// scored by best_near_misses itself (same distance, filters, ranking, tie handling). A candidate
// scores through
//  - a listed confusion: looked up in the candidate set;
//  - normalised equality: a map from normalised name to candidates;
//  - an OSA distance d <= 2 (1 when the shorter name has up to 5 characters): then some string
//    is reachable from both names by at most d deletions each (a substitution is a deletion on
//    both sides, an insertion one on the other side, an adjacent swap deletes the same character
//    on both sides), so the names share an entry of their deletion neighbourhoods (all strings
//    left after deleting up to 2 characters; up to 1 for names of up to 5 characters).
// Neighbourhood entries are stored as 64-bit hashes: a collision only adds a proposal, which
// best_near_misses then rejects.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyzer/diag/did_you_mean.h"

namespace netlint::diag {

class NearMissIndex {
 public:
  // Below `linear_below` distinct candidates no index is built: a scan is as fast and smaller.
  static constexpr std::size_t kDefaultLinearBelow = 64;

  explicit NearMissIndex(std::span<const std::string> candidates, std::size_t linear_below = kDefaultLinearBelow);

  // Equal to best_near_misses(written, candidates, confusions).
  std::vector<std::string> best(std::string_view written, std::span<const KnownConfusion> confusions = {}) const;
  // Every candidate for which near_miss_score(written, candidate, confusions) may have a value
  // (a superset: the caller scores them), sorted and distinct; every candidate when not indexed.
  // For callers that rank more than the score (the selector fixes keep only candidates that
  // make the rest of the selector match, then the best score among those).
  std::vector<std::string_view> proposals(std::string_view written,
                                          std::span<const KnownConfusion> confusions = {}) const;

  std::size_t size() const noexcept { return names_.size(); }
  bool indexed() const noexcept { return indexed_; }

 private:
  std::vector<std::string> names_;  // sorted, distinct
  bool indexed_ = false;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_normalised_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> deletions_;  // (neighbourhood hash, name), sorted
};

}  // namespace netlint::diag
