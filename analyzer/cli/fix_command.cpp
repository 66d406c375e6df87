// `netlint --fix`, `--diff` and `--unsafe-fixes` (issue 22 "fixes as data"; docs/integrations.md
// "Fixes"). One analysis as lint runs it (suppressions and the baseline applied: only reported
// findings are fixed), a plan (fix_plan.h), then either the diff on standard output, or each
// changed file written atomically and the lint run again to report what remains.
#include <sys/stat.h>

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "analyzer/cli/analysis.h"
#include "analyzer/cli/baseline_step.h"
#include "analyzer/cli/commands.h"
#include "analyzer/cli/fix_plan.h"
#include "analyzer/report/source_locator.h"
#include "analyzer/util/atomic_file.h"
#include "analyzer/util/display_text.h"

namespace netlint::cli {
namespace {

std::string read_whole(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  ok = static_cast<bool>(in) || in.eof();
  return s.str();
}

// Only files read from disk, reported, and holding on disk the text the run analyzed are edited:
// not standard input (`-`, or the buffer --stdin-filename names), not context files, not a Helm
// template whose rendered text was analyzed. Only the files some fix edits are read again.
std::vector<bool> writable_files(const LintOptions& options, const model::Model& model,
                                 const std::vector<diag::Diagnostic>& diagnostics) {
  bool stdin_read = options.paths.empty() && !options.stdin_filename.empty();
  for (const std::string& p : options.paths) stdin_read = stdin_read || p == "-";
  std::vector<bool> edited(model.files.size(), false);
  for (const diag::Diagnostic& d : diagnostics) {
    if (!d.fix) continue;
    for (const diag::Edit& e : d.fix->edits) {
      if (e.range.file < edited.size()) edited[e.range.file] = true;
    }
  }
  std::vector<bool> ok(model.files.size(), false);
  for (std::size_t i = 0; i < model.files.size(); ++i) {
    const SourceFile& f = model.files[i];
    if (!edited[i] || !f.reported || f.path == "-" || (stdin_read && f.path == options.stdin_filename)) continue;
    struct stat st {};
    if (::stat(f.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    bool read = false;
    ok[i] = read_whole(f.path, read) == f.text && read;
  }
  return ok;
}

// "path:line:col: NL1001 change the selector to app=orders-service"
std::string describe(report::SourceLocator& locator, const diag::Diagnostic& d) {
  const report::ResolvedRange at = locator.resolve(d.range);
  return fmt::format("{}:{}:{}: {} {}", printable(at.path), at.start.line, at.start.column, d.rule->code,
                     printable(d.fix->title));
}

// Writes the file (atomically, keeping its permission bits), unless it changed since it was read.
bool write_fixed(const FileFixes& f, std::ostream& err) {
  bool ok = false;
  const std::string now = read_whole(f.path, ok);
  if (!ok || now != f.before) {
    err << "netlint: " << printable(f.path) << " changed while netlint ran; not fixed\n";
    return false;
  }
  struct stat st {};
  const bool have_mode = ::stat(f.path.c_str(), &st) == 0;
  if (const std::string error = write_file_atomically(f.path, f.after); !error.empty()) {
    err << "netlint: " << printable(error) << '\n';
    return false;
  }
  if (have_mode) ::chmod(f.path.c_str(), st.st_mode & 07777);
  return true;
}

}  // namespace

int run_fixes(const LintOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<config::Config> config;
  if (!load_config(options.config_path, options.max_file_size, config, err)) return kExitUsage;
  const pipeline::RuleSelection selection = selection_for(options, config ? &*config : nullptr);
  if (!selection.error.empty()) {
    err << "netlint: " << selection.error << '\n';
    return kExitUsage;
  }
  LintOptions pass = options;
  pass.write_baseline.clear();  // the lint after the fixes records the baseline, if asked
  Analysis analysis;
  if (const int status = analyze(pass, config ? &*config : nullptr, selection, analysis, err); status != kLoaded)
    return status;
  const model::Model& model = analysis.views.front().model;
  if (const int status = apply_baseline(pass, config ? &*config : nullptr, model, analysis.diagnostics, err);
      status != kLoaded) {
    return status;
  }
  const FixPlan plan = plan_fixes(model, analysis.diagnostics, options.unsafe_fixes,
                                  writable_files(options, model, analysis.diagnostics));
  report::SourceLocator locator(model);

  if (options.diff) {
    warn_if_nothing_linted(model.stats, err);  // --fix says it through the lint that follows
    for (const FileFixes& f : plan.files) out << unified_diff(f.path, f.before, f.after);
    err << fmt::format("netlint: {} {} would be applied\n", plan.applied_count(),
                       plan.applied_count() == 1 ? "fix" : "fixes");
  } else {
    std::size_t applied = 0;
    for (const FileFixes& f : plan.files) {
      if (!write_fixed(f, err)) continue;
      for (const diag::Diagnostic* d : f.applied) err << "netlint: fixed " << describe(locator, *d) << '\n';
      applied += f.applied.size();
    }
    err << fmt::format("netlint: {} {} applied\n", applied, applied == 1 ? "fix" : "fixes");
  }
  for (const diag::Diagnostic* d : plan.skipped) {
    err << "netlint: not fixed (overlaps an earlier fix; run --fix again): " << describe(locator, *d) << '\n';
  }
  if (plan.unsafe_left != 0) {
    err << fmt::format(
        "netlint: {} unsafe {} not applied (see them with --diff --unsafe-fixes; apply with --unsafe-fixes)\n",
        plan.unsafe_left, plan.unsafe_left == 1 ? "fix" : "fixes");
  }
  // --diff changes nothing: its status says whether there is something to fix.
  if (options.diff) return plan.files.empty() ? kExitClean : kExitFindings;

  LintOptions again = options;
  again.fix = false;
  return run_lint(again, out, err);
}

}  // namespace netlint::cli
