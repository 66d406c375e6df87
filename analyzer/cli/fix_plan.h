// `netlint --fix` and `--diff` (issue 22 "fixes as data"): which fixes of a run to apply, the
// text of each file after them, and the unified diff between the two. Pure: reading and writing
// files is fix_command.cpp's job.
//
// A fix is applied whole or not at all. Fixes are taken in report order (file, then position);
// one whose edits overlap an edit already taken is skipped (the re-lint after --fix reports its
// finding again, and a second --fix applies it). A fix identical to one already taken (the same
// finding in two views) is the same change, applied once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"

namespace netlint::cli {

struct FileFixes {
  FileId file = kNoFile;
  std::string path;
  std::string before;                            // the text the run analyzed
  std::string after;                             // with the taken fixes applied
  std::vector<const diag::Diagnostic*> applied;  // the findings whose fixes were taken, in order
};

struct FixPlan {
  std::vector<FileFixes> files;                  // files that change, in path order
  std::vector<const diag::Diagnostic*> skipped;  // overlapping an earlier fix
  std::size_t unsafe_left = 0;                   // unsafe fixes not taken (without --unsafe-fixes)
  std::size_t applied_count() const;
};

// `writable[file id]`: whether the file may be edited (a file on disk, not standard input).
FixPlan plan_fixes(const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics, bool unsafe,
                   const std::vector<bool>& writable);

// The unified diff (`diff -u`, 3 lines of context) from `before` to `after`, with `a/` and `b/`
// headers for `path`; empty when they are equal. Only the lines the edits touch differ, so the
// hunks come from the changed line spans, not from a general diff algorithm.
std::string unified_diff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace netlint::cli
