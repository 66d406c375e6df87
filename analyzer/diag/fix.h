// A machine-applicable fix a finding may carry (issue 22 "fixes as data"): exact byte edits in
// source files, a title, and whether applying it is certain. Used three ways: `netlint --fix`
// (safe fixes only, unless --unsafe-fixes), SARIF `fixes`, and LSP quick fixes. Reporters
// convert the byte ranges to lines and columns as they do for findings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/source/source_file.h"

namespace netlint::diag {

// Safe: the edit is certain (one candidate, nothing else to decide) and keeps the manifest's
// meaning otherwise; `--fix` applies it. Unsafe: a plausible edit that a person should confirm
// (several candidates, or the other side may be the one to change); only with --unsafe-fixes.
enum class Applicability : std::uint8_t { kSafe, kUnsafe };
std::string_view applicability_name(Applicability applicability);  // "safe" | "unsafe"

// Replace the bytes [range.begin, range.end) of range.file with `replacement`.
struct Edit {
  SourceRange range;
  std::string replacement;
};

struct Fix {
  std::string title;  // short, imperative: "change the selector value to orders-service"
  Applicability applicability = Applicability::kUnsafe;
  std::vector<Edit> edits;  // at least one; never overlapping

  // Whether `--fix` takes it: safe ones always, unsafe ones only with --unsafe-fixes. The one home
  // of that choice (the fix planner and the text report's [*] mark both ask here).
  bool applies(bool unsafe_fixes) const { return applicability == Applicability::kSafe || unsafe_fixes; }
};

}  // namespace netlint::diag
