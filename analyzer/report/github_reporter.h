// `--format github`: GitHub Actions workflow commands, one line per finding, which the runner
// turns into inline annotations on the pull request without any upload or token:
//   ::error file=deploy/np.yaml,line=8,col=3,endLine=8,endColumn=7,title=NL1001 service-selector-typo::MESSAGE
// note -> ::notice, warning -> ::warning, error -> ::error. Escaped as @actions/core does
// (toolkit packages/core/src/command.ts). Columns are code points, as in the text format. Paths
// are relative to `root` (the git root or --base-dir), as GitHub resolves them from the checkout.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"
#include "analyzer/report/view_notes.h"

namespace netlint::report {

// Run-level notes follow the findings as `::notice title=NL0006 <topic>::<message>`, without
// `file` (RULES.md "Run-level notes"): they are about the view, not a line.
void write_github(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                  std::string_view root, std::span<const ViewNote> notes = {});

// The command's message: `%` -> %25, CR -> %0D, LF -> %0A.
std::string github_escape_data(std::string_view text);
// A property value: as data, plus `:` -> %3A and `,` -> %2C.
std::string github_escape_property(std::string_view text);

}  // namespace netlint::report
