#include "analyzer/report/run_summary.h"

#include <fmt/format.h>

namespace netlint::report {
namespace {
std::string counted(std::uint32_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}
}  // namespace

RunSummary summarise(const model::LoadStats& stats, const std::vector<diag::Diagnostic>& diagnostics,
                     std::chrono::duration<double> elapsed) {
  RunSummary s;
  s.stats = stats;
  s.elapsed = elapsed;
  for (const diag::Diagnostic& d : diagnostics) {
    switch (d.severity) {
      case diag::Severity::kError:
        ++s.errors;
        break;
      case diag::Severity::kWarning:
        ++s.warnings;
        break;
      case diag::Severity::kNote:
        ++s.notes;
        break;
    }
  }
  return s;
}

std::vector<CountedNote> counted_notes(const model::LoadStats& stats) {
  std::vector<CountedNote> notes;
  if (stats.placeholder_documents != 0) {
    notes.push_back(
        {"placeholders", fmt::format("{} placeholders (`${{NAME}}`, `<editme>`, `__NAME__`, ...) that are filled in "
                                     "before applying; rules treat their values as unknown",
                                     counted(stats.placeholder_documents, "document holds", "documents hold"))});
  }
  const std::uint32_t negative = stats.skips[static_cast<int>(model::SkipReason::kNegativeFixture)];
  if (negative != 0) {
    notes.push_back(
        {"negative-fixtures",
         fmt::format("{} skipped: test inputs written to fail (a file or folder named invalid*, malformed* or "
                     "bad*); list them under include: in .netlint.yaml to lint them",
                     counted(negative, "negative fixture", "negative fixtures"))});
  }
  const std::uint32_t inert = stats.skips[static_cast<int>(model::SkipReason::kInert)];
  if (inert != 0) {
    notes.push_back(
        {"inert-files",
         fmt::format("{} not analyzed: beside a kustomization, but no build reads them, so `kubectl apply -k` "
                     "never sends them; name a file on the command line to lint it anyway",
                     counted(inert, "inert file", "inert files"))});
  }
  return notes;
}

std::string summary_line(const RunSummary& summary, bool with_time) {
  const model::LoadStats& st = summary.stats;
  std::string line =
      fmt::format("{}, {}, {}", counted(st.files, "file", "files"), counted(st.documents, "document", "documents"),
                  counted(st.objects(), "object", "objects"));
  if (!st.objects_per_kind.empty()) {
    std::string kinds;
    for (const auto& [kind, count] : st.objects_per_kind) {
      kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", kind.empty() ? "?" : kind, count);
    }
    line += " (" + kinds + ")";
  }
  if (st.skipped() > 0) {
    std::string reasons;
    for (int r = 0; r < static_cast<int>(model::SkipReason::kCount); ++r) {
      if (st.skips[r] == 0) continue;
      reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ",
                             model::skip_reason_name(static_cast<model::SkipReason>(r)), st.skips[r]);
    }
    line += fmt::format("; skipped {} ({})", st.skipped(), reasons);
  }
  line += fmt::format("; {}, {}, {}", counted(summary.errors, "error", "errors"),
                      counted(summary.warnings, "warning", "warnings"), counted(summary.notes, "note", "notes"));
  // Run-level notes are no findings: counted apart, and only when there are any.
  if (!summary.view.notes.empty())
    line += ", " + counted(static_cast<std::uint32_t>(summary.view.notes.size()), "view note", "view notes");
  if (with_time) line += fmt::format(" in {:.2f}s", summary.elapsed.count());
  return line;
}

}  // namespace netlint::report
