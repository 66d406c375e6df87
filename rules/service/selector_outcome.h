// What a Service's selector selects, shared by NL1001 (near miss) and NL1002 (no near miss).
#pragma once

#include <string>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/index/selector_near_miss.h"

namespace netlint::rules {

struct SelectorOutcome {
  bool selects_nothing = false;               // no pod source matches, not even possibly
  std::vector<index::SelectorFix> fixes;      // near misses, when it selects nothing
};

// Services without a selector (or ExternalName) select nothing by design: outcome is empty.
SelectorOutcome analyse_service_selector(const engine::View& view, const model::Service& service);

// "app=web,tier=frontend"
std::string format_selector(const model::Labels& selector);

}  // namespace netlint::rules
