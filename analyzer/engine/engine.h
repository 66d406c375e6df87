// Runs rules over a view and turns what they report into the final, deterministic list.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/engine/rule.h"
#include "analyzer/model/model.h"

namespace netlint {
struct LoadedView;  // analyzer/loader/loader.h
}

namespace netlint::index {
class ConfigFileValuesCache;  // index/config_file_values.h
}  // namespace netlint::index

namespace netlint::engine {
struct KeptIndexes;  // engine/kept_indexes.h
}

namespace netlint::engine {

class PerFileIgnores;

// "winner beats loser": when both report the same root cause, only the winner's finding stays.
struct Precedence {
  std::string_view winner;
  std::string_view loser;
};

struct RunOptions {
  // Rules to run (a subset of the registry, in registry order).
  std::span<const Rule* const> rules;
  // Metadata for NL0002, which the engine itself reports when a rule throws.
  const diag::RuleInfo* internal_error = nullptr;
  std::span<const Precedence> precedence;
  // Severities configured per rule code (.netlint.yaml `rules:`); others keep their default.
  const std::map<std::string, diag::Severity>* severities = nullptr;
  // Options configured per rule code (.netlint.yaml `rules:`); others keep their defaults.
  const std::map<std::string, OptionValues>* rule_options = nullptr;
  // .netlint.yaml per-file-ignores, applied as suppressions after precedence (may be null).
  const PerFileIgnores* per_file_ignores = nullptr;
  // Threads the rules of one view run on (issue 21); the findings are the same for any count.
  unsigned jobs = 1;
  // Every registered rule: suppressions may name a rule this run does not run. Empty: `rules`.
  std::span<const Rule* const> registry;
  // Metadata for NL0003, which the engine itself reports for suppressions that suppress nothing
  // or name no known rule (engine/suppressions.h), when that rule is among `rules`.
  const diag::RuleInfo* unused_suppression = nullptr;
  // What earlier runs built that the views may reuse (the language server keeps one between
  // analyses, issue 22); null: each view builds its own.
  KeptIndexes* kept = nullptr;
  // Without `kept`: the run's mounted ConfigMap files' values, shared by its views (backed by the
  // on-disk cache, issue 21); null: each view reads its own.
  index::ConfigFileValuesCache* file_values = nullptr;
};

// Runs every rule; a rule that throws becomes one NL0002 naming it, and the others still run.
// Output: findings on reported files (and findings without location), precedence applied, then
// suppressions (so a suppressed winner still silences its loser), NL0003 for suppressions that
// suppressed nothing, duplicates removed, sorted by file, offset, code, message.
std::vector<diag::Diagnostic> run_rules(const View& view, const RunOptions& options);

// The findings of several views as one list: each view's findings are tagged with its cluster
// name (none when the view has no name), and a finding several views report alike (same place,
// code and message) is kept once with all their names.
std::vector<diag::Diagnostic> merge_views(std::vector<std::pair<std::string, std::vector<diag::Diagnostic>>> per_view);

// Runs the rules over each view (one per `clusters:` entry, or the whole input) and merges the
// findings (merge_views). A suppression is unused (NL0003) only when it is unused in every view.
std::vector<diag::Diagnostic> run_views(std::span<const LoadedView> views, const RunOptions& options);

// Exposed for tests: the precedence filter and the ordering.
void apply_precedence(std::vector<diag::Diagnostic>& diagnostics, std::span<const Precedence> precedence);
void sort_and_dedupe(std::vector<diag::Diagnostic>& diagnostics);

}  // namespace netlint::engine
