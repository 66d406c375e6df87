// `--format json`: every diagnostic with its positions, and a summary object. The contract is
// schemas/netlint-output.schema.json (additionalProperties: false at every level).
#pragma once

#include <ostream>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"
#include "analyzer/report/run_summary.h"

namespace netlint::report {

// Bumped when a field changes meaning or disappears; new optional fields do not bump it.
inline constexpr int kJsonFormatVersion = 1;

void write_json(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                const RunSummary& summary, bool timing);

}  // namespace netlint::report
