#include "analyzer/lsp/workspace.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <sstream>

#include "analyzer/cli/cache_location.h"
#include "analyzer/cli/analysis.h"
#include "analyzer/cli/input_selection.h"
#include "analyzer/engine/engine_codes.h"
#include "analyzer/lsp/diagnostics.h"
#include "analyzer/lsp/uri.h"
#include "analyzer/report/view_notes.h"
#include "analyzer/source/file_walker.h"

namespace netlint::lsp {
namespace fs = std::filesystem;
namespace {

// The path an open document is analysed under: relative to the workspace root (the working
// directory) when inside it, as the CLI names walked files; else absolute.
std::string display_path(const std::string& absolute) {
  std::error_code ec;
  const fs::path relative = fs::path(absolute).lexically_relative(fs::current_path(ec));
  if (ec || relative.empty() || *relative.begin() == "..") return absolute;
  return relative.generic_string();
}

void split_lines(const std::string& text, std::vector<std::string>& out) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
}

}  // namespace

Published analyze_workspace(const DocumentStore& documents, const Settings& settings, AnalysisCaches& caches) {
  const auto started = std::chrono::steady_clock::now();
  Published published;
  cli::LintOptions options;
  options.parse_cache = &caches.parses;
  options.kept_indexes = &caches.indexes;
  if (!caches.disk_opened) {
    caches.disk = cli::open_disk_cache(options);
    caches.disk_opened = true;
  }
  options.disk_cache = caches.disk.get();
  std::ostringstream err;

  std::optional<config::Config> config;
  if (!cli::load_config("", options.max_file_size, config, err)) {
    // As ruff's server: a broken config is reported, and the defaults apply meanwhile.
    split_lines(err.str(), published.errors);
    err.str("");
    config.reset();
  }
  pipeline::RuleSelection selection = cli::selection_for(options, config ? &*config : nullptr);
  if (!selection.error.empty()) {
    published.errors.push_back("netlint: " + selection.error);
    selection = cli::selection_for(options, nullptr);
  }
  if (settings.root_is_context && !config && cli::git_root().empty()) options.context_paths.push_back(".");

  // Which open documents are inputs: the file names a walk reads (a YAML or JSON manifest, a
  // Corefile, a CNI conflist), never the config itself. The others get no diagnostics.
  std::map<std::string, const Document*> by_path;  // analysed path -> document
  std::vector<InputText> buffers;
  for (const auto& [uri, doc] : documents.all()) {
    published.diagnostics[uri] = nlohmann::json::array();
    if (doc.path.empty()) continue;
    const std::string name = fs::path(doc.path).filename().string();
    if (name == ".netlint.yaml" || !is_input_file_name(name)) continue;
    InputText input;
    input.path = display_path(doc.path);
    if (doc.text.size() > options.max_file_size) {
      input.skip = model::SkipReason::kTooLarge;
    } else {
      input.text = doc.text;
    }
    by_path[input.path] = &doc;
    buffers.push_back(std::move(input));
  }
  if (buffers.empty()) {
    published.ran = true;
    return published;
  }

  cli::Analysis analysis;
  if (cli::analyze(options, config ? &*config : nullptr, selection, analysis, err, std::move(buffers)) !=
      cli::kLoaded) {
    split_lines(err.str(), published.errors);
    return published;
  }
  const model::Model& model = analysis.views.front().model;
  const auto uri_of = [&](const SourceFile& file) -> std::string {
    if (const auto it = by_path.find(file.path); it != by_path.end()) return it->second->uri;
    if (file.path == "-") return {};
    std::error_code ec;
    const fs::path absolute = fs::absolute(file.path, ec);
    return ec ? std::string() : path_to_uri(absolute.lexically_normal().generic_string());
  };
  DiagnosticConverter converter(model, uri_of);
  for (const diag::Diagnostic& d : analysis.diagnostics) {
    // Findings without a place in a file go to the log, never the problem panel.
    const bool placed = d.range.valid() && d.range.file < model.files.size();
    if (!placed) {
      published.notes.push_back(log_line(d, model));
      continue;
    }
    if (!settings.parse_errors && d.rule->code == engine::kParseErrorCode) continue;
    const auto it = by_path.find(model.file(d.range.file).path);
    if (it == by_path.end()) continue;  // a file that is not open: the editor shows none
    published.diagnostics[it->second->uri].push_back(converter.convert(d));
  }
  // RULES.md "Run-level notes": LSP clients get them as window/logMessage (Info), never as
  // diagnostics; the same notes the CLI prints (report/view_notes).
  std::vector<report::ViewNote> run_notes;
  if (!selection.v2_codes_left_out.empty()) run_notes.push_back(report::selection_note(selection.v2_codes_left_out));
  for (const report::ViewNote& note :
       report::collect_view_report(analysis.views, selection.view_notes, std::move(run_notes)).notes) {
    published.notes.push_back("note: " + note.message + " [NL0006 " + note.topic + "]");
  }
  published.ran = true;
  caches.indexes.end_analysis();
  const ParseCache::Stats reuse = caches.parses.last_load();
  published.timing = fmt::format(
      "netlint: analysed {} files in {:.0f} ms: inputs {:.0f} ms, load {:.0f} ms ({} parses reused, {} parsed), rules "
      "{:.0f} ms",
      model.files.size(), std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count(),
      analysis.times.inputs_ms, analysis.times.load_ms, reuse.hits, reuse.misses, analysis.times.rules_ms);
  caches.discard(std::move(analysis));
  return published;
}

}  // namespace netlint::lsp
