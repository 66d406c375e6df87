// Did-you-mean for a map selector that matches nothing: the fixes that change exactly one
// entry (its value, or its key) so that the selector definitely matches some pod source.
// Shared by the Service and NetworkPolicy typo rules.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "analyzer/diag/did_you_mean.h"
#include "analyzer/index/label_index.h"

namespace netlint::index {

struct SelectorFix {
  std::size_t entry = 0;  // which selector entry differs
  std::string key;        // the label the pods carry
  std::string value;
  int score = 0;            // near-miss score (lower is closer)
  std::vector<PodId> pods;  // pod sources the fixed selector matches, sorted
};

// The best-scoring fixes (all ties), ordered by entry, key, value.
std::vector<SelectorFix> suggest_selector_fixes(const LabelIndex& index, std::string_view namespace_name,
                                                const model::Labels& selector,
                                                std::span<const diag::KnownConfusion> confusions = {});

}  // namespace netlint::index
