// Which rules run and at which severity (RULES.md "Rule groups and selection"). Three sources
// apply in order: the default (correctness, suspicious, perf), .netlint.yaml, the command line.
// A source with `select` starts from nothing; one without adjusts what the previous left.
// Within a source, selectors apply from least to most specific (ALL < group < prefix, shorter
// first < code or name), and at each level select/extend-select before ignore. `rules:` entries
// of the config select their code at code level (any severity) or ignore it (`off`);
// --enable/--disable are --extend-select/--ignore. Run-level entries (NL0006) never run as rules.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyzer/config/config.h"
#include "analyzer/engine/per_file_ignores.h"
#include "analyzer/engine/rule.h"

namespace netlint::pipeline {

// One source's selectors: codes, names, groups, code prefixes (`NL2`, `NL20`) or `ALL`.
struct SelectorSource {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

struct RuleSelection {
  std::vector<const engine::Rule*> rules;               // registry order
  std::map<std::string, diag::Severity> severities;     // code -> configured severity
  std::map<std::string, engine::OptionValues> options;  // code -> configured options
  std::string error;                                    // a usage error (unknown selector), else empty
  // Whether run-level notes (NL0006) are shown: they ignore `select`, groups, prefixes and ALL;
  // only a code-level `ignore` of NL0006 (or `rules: {NL0006: {severity: off}}`) hides them.
  bool view_notes = true;
  // RULES.md: a config without `select` gets one run-level note (topic `selection`) naming the
  // v2 codes the resulting selection leaves out. v2 codes are the registered ones outside the
  // nursery (nursery holds the codes new in v3). Empty when the note does not apply (no config,
  // a config or command line with `select`, or nothing left out).
  std::vector<std::string> v2_codes_left_out;
  // The config's per-file-ignores, each selector resolved to the codes it names (selected or
  // not: ignoring an unselected code is no error), relative to the config's folder.
  std::string per_file_ignores_root;
  std::vector<engine::PerFileIgnores::Entry> per_file_ignores;
};

// "unknown rule 'NL1010'; did you mean 'NL1001'? (netlint rules lists them)".
std::string unknown_rule(std::span<const engine::Rule* const> registry, const std::string& written);

// Whether a rule runs when nothing is configured: its group is correctness, suspicious or perf.
bool selected_by_default(const diag::RuleInfo& info);

RuleSelection select_rules(std::span<const engine::Rule* const> registry, const config::Config* config,
                           const SelectorSource& cli);

}  // namespace netlint::pipeline
