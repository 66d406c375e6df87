// Runs one fixture case (a file, or a folder of files for multi-file cases) and compares the
// findings with the expectations written in it, both ways: a missing finding fails, and so
// does an unexpected one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analyzer/engine/rule.h"

namespace netlint::testing {

struct CaseResult {
  std::vector<std::string> failures;  // human-readable mismatches; empty means pass
  std::size_t expectations = 0;
  std::size_t findings = 0;
};

// Runs the case through the one pipeline (pipeline::analyze) with the case's rules: the folder's
// rule, or the ones a `# netlint-test: rules=...` directive names.
CaseResult run_fixture_case(const std::filesystem::path& path, const engine::Rule& rule_under_test);

}  // namespace netlint::testing
