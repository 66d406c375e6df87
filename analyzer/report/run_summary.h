// What a run did, for the closing summary line of every format.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"
#include "analyzer/report/view_notes.h"

namespace netlint::report {

struct RunSummary {
  model::LoadStats stats;
  std::uint32_t errors = 0, warnings = 0, notes = 0;
  std::uint32_t context_files = 0;  // read for cross-references, not reported
  std::chrono::duration<double> elapsed{};
  // The run-level notes and namespace states (view_notes.h); empty unless the caller collects them.
  ViewReport view;
};

RunSummary summarise(const model::LoadStats& stats, const std::vector<diag::Diagnostic>& diagnostics,
                     std::chrono::duration<double> elapsed);

// "12 files, 40 documents, 38 objects (ConfigMap 2, Deployment 5); skipped 3 (template 3);
//  1 error, 2 warnings, 0 notes[, 2 view notes][ in 0.02s]"
std::string summary_line(const RunSummary& summary, bool with_time);

// The run-level notes (RULES.md "Run-level notes (NL0006)") the load counts give: `placeholders`
// and `negative-fixtures`, each `{topic, message}`, only when their count is not zero.
struct CountedNote {
  std::string_view topic;
  std::string message;
};
std::vector<CountedNote> counted_notes(const model::LoadStats& stats);

}  // namespace netlint::report
