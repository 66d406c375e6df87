// The one explicit, sorted list of rules. No self-registering statics: a linker may drop an
// unreferenced object file from a static library, and initialisation order is unspecified.
#pragma once

#include <span>
#include <string_view>

#include "analyzer/engine/engine.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {

// Every rule, sorted by code.
std::span<const engine::Rule* const> all_rules();
// A rule by code ("NL1001") or name ("service-selector-typo"); nullptr if none.
const engine::Rule* find_rule(std::string_view code_or_name);
// "winner beats loser" pairs for one root cause (RULES.md Conventions).
std::span<const engine::Precedence> precedence();

}  // namespace netlint::rules
