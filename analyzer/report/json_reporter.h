// `--format json`: every diagnostic with its positions, the run-level notes and namespace states
// of the view (`view`), and a summary object. The contract is
// schemas/netlint-output.schema.json (additionalProperties: false at every level).
#pragma once

#include <ostream>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"
#include "analyzer/report/run_summary.h"

namespace netlint::report {

// Bumped when a field changes meaning or disappears; new optional fields do not bump it.
// 2: NL0006 left `diagnostics` for the top-level `view` object (RULES.md "Run-level notes").
inline constexpr int kJsonFormatVersion = 2;

void write_json(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                const RunSummary& summary, bool timing);

}  // namespace netlint::report
