// The human format: a gcc-style first line that editors' `$gcc` problem matchers parse
// (`path:line:col: error: message [NL1001 service-selector-typo]`), then the source line with a
// caret under the range, then `help:` and related locations as `note:` lines. As ruff does, a
// finding --fix would fix has `[*]` before its message, and a line before the summary counts them
// (and the unsafe fixes that only --unsafe-fixes applies).
#pragma once

#include <ostream>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"
#include "analyzer/report/run_summary.h"

namespace netlint::report {

struct TextOptions {
  bool color = false;
  bool timing = true;         // --no-timing leaves the time out (golden tests)
  bool unsafe_fixes = false;  // --unsafe-fixes: unsafe fixes count as fixable, as --fix would apply them
};

void write_text(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                const RunSummary& summary, const TextOptions& options);

}  // namespace netlint::report
