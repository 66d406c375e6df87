// --baseline and --write-baseline (docs/configuration.md "Baseline"): after the engine (so
// suppressions and precedence are applied first), findings the baseline holds are dropped.
#pragma once

#include <ostream>
#include <vector>

#include "analyzer/cli/commands.h"
#include "analyzer/config/config.h"
#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"

namespace netlint::cli {

// Writes the baseline (--write-baseline: every finding of this run, which then reports only
// what it could not record, i.e. NL0002) and drops the baselined findings (--baseline).
// Returns kLoaded to go on, or the exit status to stop with (an unreadable baseline: 2).
int apply_baseline(const LintOptions& options, const config::Config* config, const model::Model& model,
                   std::vector<diag::Diagnostic>& diagnostics, std::ostream& err);

}  // namespace netlint::cli
