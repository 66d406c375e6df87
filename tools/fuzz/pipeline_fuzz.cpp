// libFuzzer target: the whole pipeline. One input goes through pipeline::analyze, the loader and
// every rule of the registry as every command runs them, and every reporter (text, json, sarif,
// github) into memory. Beyond the sanitizers it checks that
//   - every finding's range, and every related location's, lies inside its file's text
//     (begin <= end <= size, on a file of the model);
//   - no finding is NL0002 (a rule threw: an internal error);
//   - the JSON and SARIF reports parse as JSON.
//
// Several files: the input is split on separator lines `#--file NAME` (the line starts with
// exactly `#--file `, NAME runs to the end of the line). Each separator starts a new file called
// NAME (the name matters: kustomization.yaml, Corefile, Chart.yaml are classified by name); text
// before the first separator is a file called `input.yaml`. An input without separators is one
// file, `input.yaml`. At most kMaxFiles files: later separator lines stay in the last file's text.
// To YAML a separator is a comment, so a fixture file with a header line stays the same manifest.
// tools/fuzz/run writes every fixture this way (one file per seed, and every multi-file fixture
// folder as one seed); tools/fuzz/seeds/pipeline holds the hand-written hostile cases (issue 16).
//
// One job (LoadOptions.jobs = 1): threads make runs nondeterministic, and the threaded loader has
// its own check (ThreadSanitizer, tools/setup --tsan).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/engine/engine_codes.h"
#include "analyzer/pipeline/analyze.h"
#include "analyzer/report/github_reporter.h"
#include "analyzer/report/json_reporter.h"
#include "analyzer/report/run_summary.h"
#include "analyzer/report/sarif_reporter.h"
#include "analyzer/report/text_reporter.h"
#include "rules/registry.h"

namespace {

using namespace netlint;

constexpr std::string_view kSeparator = "#--file ";
constexpr std::size_t kMaxFiles = 16;

void require(bool ok) {
  if (!ok) std::abort();
}

std::vector<InputText> split_files(std::string_view input) {
  std::vector<InputText> files;
  std::string name = "input.yaml";
  std::size_t body = 0;  // where the current file's text starts
  std::size_t line = 0;  // the start of the line being looked at
  const auto close = [&](std::size_t end) {
    if (files.empty() && end == 0 && name == "input.yaml") return;  // nothing before the first separator
    InputText file;
    file.path = name.empty() ? "input-" + std::to_string(files.size()) + ".yaml" : name;
    file.text = std::string(input.substr(body, end - body));
    files.push_back(std::move(file));
  };
  while (line < input.size()) {
    std::size_t next = input.find('\n', line);
    next = next == std::string_view::npos ? input.size() : next + 1;
    if (files.size() + 1 < kMaxFiles && input.substr(line).starts_with(kSeparator)) {
      close(line);
      std::string_view header = input.substr(line + kSeparator.size(), next - line - kSeparator.size());
      if (header.ends_with('\n')) header.remove_suffix(1);
      if (header.ends_with('\r')) header.remove_suffix(1);
      name = std::string(header);
      body = next;
    }
    line = next;
  }
  close(input.size());
  return files;
}

void check_range(const model::Model& model, const SourceRange& range) {
  if (!range.valid()) return;
  require(range.file < model.files.size());
  const std::size_t size = model.files[range.file].text.size();
  require(range.begin <= range.end && range.end <= size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The pipeline every command runs (pipeline::analyze), with every rule selected and no config.
  static const pipeline::RuleSelection every_rule = [] {
    pipeline::RuleSelection selection;
    const auto all = rules::all_rules();
    selection.rules.assign(all.begin(), all.end());
    return selection;
  }();
  const pipeline::Analysis analysis = pipeline::analyze(split_files(input), nullptr, every_rule, {});
  require(analysis.views.size() == 1);  // no config, so no `clusters:`: one view
  const model::Model& model = analysis.views.front().model;
  const std::vector<diag::Diagnostic>& diagnostics = analysis.diagnostics;

  for (const diag::Diagnostic& d : diagnostics) {
    require(d.rule != nullptr);
    require(d.rule->code != engine::kInternalErrorCode);
    check_range(model, d.range);
    for (const diag::RelatedLocation& related : d.related) check_range(model, related.range);
  }

  const report::RunSummary summary = report::summarise(model.stats, diagnostics, {});
  {
    std::ostringstream out;
    report::write_text(out, model, diagnostics, summary, report::TextOptions{false, false});
  }
  {
    std::ostringstream out;
    report::write_json(out, model, diagnostics, summary, false);
    require(nlohmann::json::accept(out.str()));
  }
  {
    // No rule list: the writer adds the rules that reported. The CLI lists every rule, but
    // describing all of them (their docs as text) and parsing that back cost three quarters of
    // each run, the same every time.
    report::SarifOptions sarif;
    sarif.category = "fuzz";
    sarif.root = "/nonexistent-netlint-fuzz-root";
    std::ostringstream out;
    report::write_sarif(out, model, diagnostics, {}, sarif);
    require(nlohmann::json::accept(out.str()));
  }
  {
    std::ostringstream out;
    report::write_github(out, model, diagnostics, "/nonexistent-netlint-fuzz-root");
  }
  return 0;
}
