// Suppressions (RULES.md NL0003; docs/configuration.md "Suppressing findings"): the annotation
// `netlint.io/ignore` silences rules inside its object, a `# netlint:ignore` comment silences
// them on its own line and on the next one. The engine applies them after precedence (a
// suppressed winner still silences its loser: one root cause), records which were used, and
// reports the others as NL0003 once every view has run.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/engine/rule.h"
#include "analyzer/model/model.h"

namespace netlint::engine {

inline constexpr std::string_view kIgnoreAnnotation = "netlint.io/ignore";
inline constexpr std::string_view kIgnoreComment = "netlint:ignore";

// The text of a suppression after its marker: `NL1001, service-selector-typo -- reason`. Rules
// are separated by commas or blanks; the reason starts at the first `--` and is optional.
struct SuppressionText {
  std::vector<std::string> rules;  // codes or names as written, in order
  std::string reason;              // trimmed; may be empty
};
SuppressionText parse_suppression_text(std::string_view text);

// A `# netlint:ignore` comment in one line of a file. The comment must start a YAML comment:
// at the line's start or after a blank, outside single- and double-quoted strings (a `#` in
// `"a # b"` is text). Lines of block scalars are accepted like any other line, so a comment in
// an embedded Corefile suppresses findings in that Corefile. Multi-line quoted strings are not
// followed across lines.
struct IgnoreComment {
  std::size_t begin = 0;  // the `#`, within the line
  std::size_t end = 0;    // end of the comment (trailing blanks trimmed)
  std::string_view text;  // after `netlint:ignore`
};
std::optional<IgnoreComment> find_ignore_comment(std::string_view line);

struct Suppression {
  enum class Source : std::uint8_t { kAnnotation, kComment };
  Source source = Source::kComment;
  SourceRange anchor;               // the annotation's value, or the comment
  std::vector<SourceRange> scopes;  // a finding that starts in one of these is covered
  std::string object;               // annotations: the object, as messages name it
  SuppressionText text;
};

// The suppressions written in the model's reported files: annotations of its objects (scope:
// the object and its merged identical copies) and comments in every file's text.
std::vector<Suppression> collect_suppressions(const model::Model& model);

// Applies suppressions view by view and remembers, across views, which rule of which
// suppression silenced something: a suppression in a file shared by two clusters is unused
// only when it is unused in both.
class SuppressionLedger {
 public:
  // `registry`: every known rule (codes and names resolve against it); `running`: the rules of
  // this run (a suppression for a rule that did not run is never unused).
  SuppressionLedger(std::span<const Rule* const> registry, std::span<const Rule* const> running);

  // Removes the findings the model's suppressions cover and records those uses.
  void apply(const model::Model& model, std::vector<diag::Diagnostic>& findings);

  // NL0003 findings (with `info`): suppressions naming no rule, an unknown rule, NL0003 itself,
  // or a rule that ran and reported nothing they cover.
  std::vector<diag::Diagnostic> problems(const diag::RuleInfo& info) const;

 private:
  struct Target {
    std::string written;
    const diag::RuleInfo* rule = nullptr;  // nullptr: unknown
    bool used = false;
  };
  struct Entry {
    Suppression suppression;
    std::vector<Target> targets;
  };
  using Key = std::tuple<FileId, std::uint32_t, std::uint32_t>;

  const diag::RuleInfo* resolve(std::string_view written) const;
  bool ran(const diag::RuleInfo* rule) const;

  std::span<const Rule* const> registry_;
  std::span<const Rule* const> running_;
  std::map<Key, Entry> entries_;
};

}  // namespace netlint::engine
