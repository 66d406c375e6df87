#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <iostream>
#include <sstream>
#include <thread>

#include "analyzer/cli/analysis.h"
#include "analyzer/cli/baseline_step.h"
#include "analyzer/cli/commands.h"
#include "analyzer/cli/input_selection.h"
#include "analyzer/pipeline/rule_selection.h"
#include "analyzer/config/config.h"
#include "analyzer/config/config_json_schema.h"
#include "analyzer/engine/engine.h"
#include "analyzer/loader/loader.h"
#include "analyzer/report/github_reporter.h"
#include "analyzer/report/json_reporter.h"
#include "analyzer/report/sarif_reporter.h"
#include "analyzer/report/text_reporter.h"
#include "analyzer/util/atomic_file.h"
#include "analyzer/source/file_walker.h"
#include "analyzer/util/display_text.h"
#include "analyzer/engine/engine_codes.h"
#include "rules/registry.h"

namespace netlint::cli {
namespace {

bool use_color(const std::string& mode, std::ostream& out) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  // https://no-color.org: any non-empty NO_COLOR disables colour.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return &out == &std::cout && isatty(STDOUT_FILENO) != 0;
}

bool fails(diag::Severity severity, FailOn fail_on) {
  switch (fail_on) {
    case FailOn::kNever:
      return false;
    case FailOn::kNote:
      return true;
    case FailOn::kWarning:
      return severity >= diag::Severity::kWarning;
    case FailOn::kError:
      return severity == diag::Severity::kError;
  }
  return true;
}

FailOn parse_fail_on(const std::string& text) {
  if (text == "error") return FailOn::kError;
  if (text == "note") return FailOn::kNote;
  if (text == "never") return FailOn::kNever;
  return FailOn::kWarning;
}

// SARIF and github paths are relative to this folder: --base-dir, else the repository root.
std::string report_root(const LintOptions& options) {
  return !options.base_dir.empty() ? options.base_dir : git_root();
}

// Every rule of the registry goes into tool.driver.rules, enabled or not, so ruleIndex is stable
// (but NL0006, whose run-level notes are notifications).
void write_sarif_report(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                        const LintOptions& options, const report::ViewReport& view, bool internal_error) {
  std::vector<const diag::RuleInfo*> infos;
  for (const engine::Rule* rule : rules::all_rules()) infos.push_back(&rule->info());
  report::SarifOptions sarif;
  sarif.category = options.sarif_category;
  if (!options.help_uri_base.empty()) sarif.help_uri_base = options.help_uri_base;
  sarif.root = report_root(options);
  sarif.execution_successful = !internal_error;
  sarif.view_note_info = &rules::find_rule(engine::kViewNoteCode)->info();
  report::write_sarif(out, model, diagnostics, infos, sarif, view);
}

}  // namespace

int run_lint(const LintOptions& options, std::ostream& out, std::ostream& err) {
  if (options.fix || options.diff) return run_fixes(options, out, err);
  const auto started = std::chrono::steady_clock::now();
  std::optional<config::Config> config;
  if (!load_config(options.config_path, options.max_file_size, config, err)) return kExitUsage;
  const pipeline::RuleSelection selection = selection_for(options, config ? &*config : nullptr);
  if (!selection.error.empty()) {
    err << "netlint: " << selection.error << '\n';
    return kExitUsage;
  }
  FailOn fail_on = FailOn::kWarning;
  if (options.fail_on)
    fail_on = *options.fail_on;
  else if (config && config->fail_on)
    fail_on = parse_fail_on(*config->fail_on);

  Analysis analysis;
  if (const int status = analyze(options, config ? &*config : nullptr, selection, analysis, err); status != kLoaded)
    return status;
  const std::vector<LoadedView>& views = analysis.views;
  std::vector<diag::Diagnostic>& diagnostics = analysis.diagnostics;
  // Checked after the run (which writes nothing): the report is written only if this passes.
  if (const int status = check_output_target(options, config ? &*config : nullptr, views.front().model, err);
      status != kLoaded) {
    return status;
  }

  warn_if_nothing_linted(views.front().model.stats, err);

  // Every view holds the whole file table and the same counts: any of them resolves locations.
  const model::Model& model = views.front().model;
  if (const int status = apply_baseline(options, config ? &*config : nullptr, model, diagnostics, err);
      status != kLoaded) {
    return status;
  }

  const auto elapsed = std::chrono::steady_clock::now() - started;
  report::RunSummary summary = report::summarise(model.stats, diagnostics, elapsed);
  summary.context_files = model.context_stats.files;
  // Run-level notes (NL0006): about the views, never findings, so they stay out of `diagnostics`,
  // the baseline and the exit status.
  std::vector<report::ViewNote> run_notes;
  if (!selection.v2_codes_left_out.empty()) run_notes.push_back(report::selection_note(selection.v2_codes_left_out));
  summary.view = report::collect_view_report(views, selection.view_notes, std::move(run_notes));
  bool internal = false;
  bool failing = false;
  for (const diag::Diagnostic& d : diagnostics) {
    internal |= d.rule->code == engine::kInternalErrorCode;
    failing |= fails(d.severity, fail_on);
  }
  // Reports go to a buffer first: --output writes them atomically, and stdout gets them whole.
  std::ostringstream buffer;
  const bool to_terminal = options.output.empty();
  if (options.format == "json") {
    report::write_json(buffer, model, diagnostics, summary, options.timing);
  } else if (options.format == "sarif") {
    write_sarif_report(buffer, model, diagnostics, options, summary.view, internal);
  } else if (options.format == "github") {
    report::write_github(buffer, model, diagnostics, report_root(options), summary.view.notes);
  } else {
    report::TextOptions text_options;
    text_options.color = to_terminal && use_color(options.color, out);
    text_options.timing = options.timing;
    text_options.unsafe_fixes = options.unsafe_fixes;
    report::write_text(buffer, model, diagnostics, summary, text_options);
  }
  if (to_terminal) {
    out << buffer.str();
  } else if (const std::string error = write_file_atomically(options.output, buffer.str()); !error.empty()) {
    err << "netlint: " << printable(error) << '\n';
    return kExitUsage;
  }

  if (internal) return kExitInternal;
  return failing ? kExitFindings : kExitClean;
}

int run_config_schema(const std::string& output, std::ostream& out, std::ostream& err) {
  std::vector<const diag::RuleInfo*> infos;
  for (const engine::Rule* rule : rules::all_rules()) infos.push_back(&rule->info());
  const std::string schema = config::config_json_schema(infos);
  if (output.empty()) {
    out << schema;
  } else if (const std::string error = write_file_atomically(output, schema); !error.empty()) {
    err << "netlint: " << printable(error) << '\n';
    return kExitUsage;
  }
  return kExitClean;
}

int run_rules_table(std::ostream& out) {
  std::size_t name_width = 4;
  for (const engine::Rule* rule : rules::all_rules()) name_width = std::max(name_width, rule->info().name.size());
  // GROUP decides whether a rule runs by default (DEFAULT on: correctness, suspicious, perf).
  constexpr std::size_t kGroupWidth = 15;
  out << "CODE    SEVERITY  " << std::string("NAME") << std::string(name_width - 4 + 2, ' ') << "GROUP"
      << std::string(kGroupWidth - 5, ' ') << "DEFAULT  SUMMARY\n";
  for (const engine::Rule* rule : rules::all_rules()) {
    const diag::RuleInfo& info = rule->info();
    // NL0006 is the id of run-level notes: no severity, its own group, shown unless ignored.
    const std::string_view severity = info.run_level ? "-" : diag::severity_name(info.severity);
    const std::string_view group = info.run_level ? "run-level" : diag::group_name(info.group);
    out << info.code << "  " << severity << std::string(10 - severity.size(), ' ') << info.name
        << std::string(name_width - info.name.size() + 2, ' ') << group << std::string(kGroupWidth - group.size(), ' ')
        << (info.run_level || pipeline::selected_by_default(info) ? "on       " : "off      ") << info.summary << '\n';
  }
  return kExitClean;
}

}  // namespace netlint::cli
