// What a Service's selector selects, shared by NL1001 (near miss) and NL1002 (no near miss).
#pragma once

#include <string>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/index/selector_near_miss.h"

namespace netlint::rules {

struct SelectorOutcome {
  bool selects_nothing = false;           // no pod source matches, not even possibly
  std::vector<index::SelectorFix> fixes;  // near misses, when it selects nothing
};

// Services without a selector (or ExternalName) select nothing by design: outcome is empty.
SelectorOutcome analyse_service_selector(const engine::View& view, const model::Service& service);

// "app=web,tier=frontend"
std::string format_selector(const model::Labels& selector);

// The did-you-mean text of each fix: "app=web (Deployment shop/web and 2 more)".
std::vector<std::string> fix_alternatives(const engine::View& view, const std::vector<index::SelectorFix>& fixes);

// A related location per fix: the label (its key when `key_typo`, else its value) on the first
// pod source the fix matches.
void add_fix_labels(const engine::View& view, const std::vector<index::SelectorFix>& fixes, bool key_typo,
                    std::vector<diag::RelatedLocation>& related);

}  // namespace netlint::rules
