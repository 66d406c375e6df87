// The JSON Schema of .netlint.yaml, generated from the same table that validates it
// (config_schema) and from the rule registry, so editors complete keys, rule codes and names,
// severities and rule options. Committed as schemas/netlint-config.schema.json; a test fails when
// the committed file differs from what the code generates.
#pragma once

#include <span>
#include <string>

#include "analyzer/diag/diagnostic.h"

namespace netlint::config {

std::string config_json_schema(std::span<const diag::RuleInfo* const> rules);

}  // namespace netlint::config
