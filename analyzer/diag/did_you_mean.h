// The did-you-mean engine every rule shares, exactly as RULES.md defines a near miss:
//  - Damerau distance (optimal string alignment: an adjacent transposition is one edit)
//    at most 1 when the shorter string has up to 5 characters, at most 2 otherwise;
//  - or equal after normalising (lowercase, delete `-` `_` `.`, strip one trailing `s` per
//    separator-delimited segment);
//  - or a known confusion the rule lists (`name` -> `kubernetes.io/metadata.name`).
// Candidates that differ only in digits are version siblings (`v1`/`v2`), never typos.
// The best score wins; tied candidates are all returned, sorted.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace netlint::diag {

struct KnownConfusion {
  std::string_view written;
  std::string_view meant;
};

// Optimal string alignment distance (bytes).
int osa_distance(std::string_view a, std::string_view b);
std::string normalise_name(std::string_view s);
// Equal once all digits are deleted (and not equal as written).
bool differ_only_in_digits(std::string_view a, std::string_view b);

// Lower is better; nullopt when `candidate` is not a near miss of `written`.
// Score 0: known confusion or normalised equality; otherwise the edit distance.
std::optional<int> near_miss_score(std::string_view written, std::string_view candidate,
                                   std::span<const KnownConfusion> confusions = {});

// The best near misses of `written` among `candidates` (duplicates ignored), sorted.
std::vector<std::string> best_near_misses(std::string_view written, std::span<const std::string> candidates,
                                          std::span<const KnownConfusion> confusions = {});

// "a", "a or b", "a, b or c".
std::string join_alternatives(std::span<const std::string> items);

}  // namespace netlint::diag
