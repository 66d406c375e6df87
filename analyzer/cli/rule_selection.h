// Which rules run and at which severity: every rule by default, then .netlint.yaml `rules:`
// (severity, off), then --disable and --enable (code or name) from the command line.
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "analyzer/config/config.h"
#include "analyzer/engine/rule.h"

namespace netlint::cli {

struct RuleSelection {
  std::vector<const engine::Rule*> rules;        // registry order
  std::map<std::string, diag::Severity> severities;  // code -> configured severity
  std::string error;                             // a usage error (unknown rule), else empty
};

// "unknown rule 'NL1010'; did you mean 'NL1001'? (netlint rules lists them)".
std::string unknown_rule(std::span<const engine::Rule* const> registry, const std::string& written);

RuleSelection select_rules(std::span<const engine::Rule* const> registry, const config::Config* config,
                           const std::vector<std::string>& enable, const std::vector<std::string>& disable);

}  // namespace netlint::cli
