// A finding: which rule, how severe, where, what, and what else is involved.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diag/fix.h"
#include "analyzer/source/source_file.h"

namespace netlint::diag {

enum class Severity : std::uint8_t { kNote, kWarning, kError };
std::string_view severity_name(Severity severity);
// Parses "error" | "warning" | "note"; false on anything else.
bool parse_severity(std::string_view text, Severity& out);

// What kind of mistake a rule finds (RULES.md "Rule groups and selection"): the group decides
// whether it runs by default (correctness, suspicious, perf), the severity whether it fails the
// run. Nursery rules are new or widened, selected only by name or by the group `nursery`.
enum class Group : std::uint8_t { kCorrectness, kSuspicious, kPerf, kBestPractice, kNursery };
std::string_view group_name(Group group);  // "correctness", ..., "best-practice", "nursery"
bool parse_group(std::string_view text, Group& out);
bool default_selected(Group group);

// A rule option (configurable in .netlint.yaml), described for docs and the config schema.
struct RuleOption {
  std::string_view name;
  std::string_view type;  // "boolean" or "integer": what engine::Sink reads and the config checks
  std::string_view default_value;
  std::string_view description;
};

// A rule's permanent identity and its user documentation.
struct RuleInfo {
  std::string_view code;  // "NL1001": never reused
  std::string_view name;  // "service-selector-typo": kebab-case, never reused
  Severity severity = Severity::kWarning;
  Group group = Group::kSuspicious;
  std::string_view summary;  // one line, lowercase, no trailing period
  std::string_view doc;      // Markdown: "## Why is this bad?", "## How to fix", "## Known limitations"
  std::span<const RuleOption> options = {};
  // The id of run-level notes (RULES.md "Run-level notes (NL0006)"), not a rule: it never runs
  // and never reports a finding; its code and name stay resolvable so configs, `--ignore` (which
  // hides the notes) and doc links keep working. Severity and group mean nothing for it.
  bool run_level = false;
};

struct RelatedLocation {
  SourceRange range;
  std::string message;
};

struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::kWarning;
  SourceRange range;  // invalid: no location (e.g. an internal error outside any object)
  std::string message;
  std::string help;  // one line of fix advice, may be empty
  std::vector<RelatedLocation> related;
  // Findings of different rules that share a root cause key compete by precedence (RULES.md:
  // "one root cause, one finding"); empty means no competition.
  std::string root_cause;
  // The views (`clusters:` entries) the finding holds in; empty when the config defines none.
  // One finding true in several clusters (a shared base file) is reported once, naming each.
  std::vector<std::string> clusters;
  // The exact edit the help names, when the rule knows one (diag/fix.h); absent otherwise.
  std::optional<Fix> fix;
};

}  // namespace netlint::diag
