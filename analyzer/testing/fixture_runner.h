// Runs one fixture case (a file, or a folder of files for multi-file cases) and compares the
// findings with the expectations written in it, both ways: a missing finding fails, and so
// does an unexpected one. Lives in the analyzer's test support so that rule tests and the
// docs generator's tests share it; the rule list is passed in.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "analyzer/engine/engine.h"

namespace netlint::testing {

struct CaseResult {
  std::vector<std::string> failures;  // human-readable mismatches; empty means pass
  std::size_t expectations = 0;
  std::size_t findings = 0;
};

struct CaseSetup {
  std::span<const engine::Rule* const> all_rules;  // the registry
  const engine::Rule* rule_under_test = nullptr;   // the folder's rule
  const diag::RuleInfo* internal_error = nullptr;
  const diag::RuleInfo* unused_suppression = nullptr;  // NL0003, reported by the engine
  std::span<const engine::Precedence> precedence;
};

CaseResult run_fixture_case(const std::filesystem::path& path, const CaseSetup& setup);

}  // namespace netlint::testing
