#include "analyzer/testing/fixture_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>

#include "analyzer/config/config.h"
#include "analyzer/pipeline/analyze.h"
#include "analyzer/facts/evidence.h"
#include "analyzer/report/view_notes.h"
#include "analyzer/source/file_walker.h"
#include "analyzer/source/source_file.h"
#include "analyzer/testing/fixture_expectations.h"
#include "rules/registry.h"

namespace netlint::testing {
namespace {

// A rule that throws on every object annotated `netlint.test/throw: "true"`: it proves that a
// failing rule becomes NL0002 anchored on that object while the other rules still report.
class ThrowingRule final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }
  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::ObjectMeta& object : view.model().objects) {
      out.checking(object.object_range);
      const model::Label* a = model::find_label(object.annotations, "netlint.test/throw");
      if (a != nullptr && a->value.value == "true") throw std::runtime_error("injected failure");
    }
  }

 private:
  static constexpr diag::RuleInfo kInfo{.code = "NL9999",
                                        .name = "test-throwing-rule",
                                        .severity = diag::Severity::kError,
                                        .summary = "throws",
                                        .doc = ""};
};

bool matches(const Expectation& e, const std::string& file, std::uint32_t line, const diag::Diagnostic& d) {
  return e.file == file && e.line == line && (e.rule == d.rule->name || e.rule == d.rule->code) &&
         e.severity == diag::severity_name(d.severity) &&
         (e.message_part.empty() || d.message.find(e.message_part) != std::string::npos);
}

}  // namespace

CaseResult run_fixture_case(const std::filesystem::path& path, const engine::Rule& rule_under_test) {
  CaseResult result;
  WalkResult walked = walk_inputs({path.string()}, WalkOptions{});
  // The walk leaves netlint's own config out (it is not a manifest); a case folder's config is
  // read here, as the CLI reads the one it finds. A file case reads the rule folder's config,
  // for rules whose facts only config can give (NL5002's scale, NL5104's nodeMTU): it applies to
  // every file case of that rule, so it must not carry expectations.
  const std::filesystem::path config_dir = std::filesystem::is_directory(path) ? path : path.parent_path();
  if (const std::filesystem::path config_path = config_dir / ".netlint.yaml";
      std::filesystem::is_regular_file(config_path)) {
    WalkResult config_input = walk_inputs({config_path.string()}, WalkOptions{});
    for (InputText& input : config_input.inputs) walked.inputs.push_back(std::move(input));
  }
  std::vector<Expectation> expectations;
  FixtureDirectives directives;
  std::set<std::filesystem::path> read;
  for (const InputText& input : walked.inputs) {
    parse_expectations(input.path, input.text, expectations, directives, result.failures);
    read.insert(std::filesystem::path(input.path).lexically_normal());
  }
  // Files the walk does not select but a build reads (a configMapGenerator's env file) may hold
  // the finding too: their expectations count as well.
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
      if (!entry.is_regular_file() || read.count(entry.path().lexically_normal()) != 0) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      parse_expectations(entry.path().string(), text, expectations, directives, result.failures);
    }
  }
  result.expectations = expectations.size();

  // The case's own rule list; the config gives everything else, as it would to a user's run.
  std::vector<const engine::Rule*> rules;
  const std::string& rule_list = directives.values["rules"];
  const std::span<const engine::Rule* const> registry = rules::all_rules();
  if (rule_list == "all") {
    rules.assign(registry.begin(), registry.end());
  } else if (!rule_list.empty()) {
    // `rules=NL6005,NL6009`: a case that shows how a few rules divide one situation.
    for (const std::string& wanted : facts::split_commas(rule_list)) {
      const engine::Rule* rule = rules::find_rule(wanted);
      if (rule == nullptr)
        result.failures.push_back(fmt::format("rules={}: no rule {}", rule_list, wanted));
      else
        rules.push_back(rule);
    }
  } else {
    rules.push_back(&rule_under_test);
  }
  static const ThrowingRule kThrowing;
  if (directives.values["inject"] == "throwing-rule") rules.push_back(&kThrowing);
  for (const auto& [key, value] : directives.values) {
    if (key != "rules" && key != "inject")
      result.failures.push_back(fmt::format("unsupported directive {}={}", key, value));
  }

  // A case folder may hold a .netlint.yaml: its `cluster:` facts, `clusters:` views and `rules:`
  // severities and options apply, and findings may anchor on its keys (NL0006).
  std::optional<config::Config> config;
  for (InputText& input : walked.inputs) {
    if (std::filesystem::path(input.path).filename() != ".netlint.yaml") continue;
    config::LoadedConfig loaded = pipeline::parse_config(input.path, input.text);
    for (const config::ConfigError& e : loaded.errors)
      result.failures.push_back(fmt::format("{}:{}: {}", input.path, e.line, e.message));
    config = std::move(loaded.config);
    input.config = true;
  }
  pipeline::RuleSelection selection = pipeline::select_rules(registry, config ? &*config : nullptr, {});
  if (!selection.error.empty()) result.failures.push_back(selection.error);
  selection.rules = std::move(rules);
  pipeline::Analysis analysis = pipeline::analyze(std::move(walked.inputs), config ? &*config : nullptr, selection, {});
  for (const std::string& warning : analysis.warnings) result.failures.push_back(warning);
  const std::vector<LoadedView>& views = analysis.views;
  std::vector<diag::Diagnostic>& found = analysis.diagnostics;
  const model::Model& model = views.front().model;
  if (rule_under_test.info().run_level) {
    // NL0006 reports nothing itself: its fixtures expect the run-level notes about facts
    // (`ambiguous-fact`, `config-overrides-detection`) and kustomize builds (`kustomize-unsupported`,
    // `kustomize-not-built`), each at its first evidence, as findings of note severity would be expected.
    for (const report::ViewNote& note : report::collect_view_report(views, true).notes) {
      if (note.topic != "ambiguous-fact" && note.topic != "config-overrides-detection" &&
          note.topic != "kustomize-unsupported" && note.topic != "kustomize-not-built") {
        continue;
      }
      diag::Diagnostic d;
      d.rule = &rule_under_test.info();
      d.severity = diag::Severity::kNote;
      d.message = note.message;
      if (!note.evidence.empty()) d.range = note.evidence.front().range;
      found.push_back(std::move(d));
    }
  }
  result.findings = found.size();

  std::vector<bool> used(expectations.size(), false);
  for (const diag::Diagnostic& d : found) {
    std::string file = "(no location)";
    std::uint32_t line = 0;
    if (d.range.valid()) {
      const SourceFile& f = model.file(d.range.file);
      file = f.path;
      line = LineIndex(f.text).position(f.text, d.range.begin).line;
    }
    bool matched = false;
    for (std::size_t i = 0; i < expectations.size() && !matched; ++i) {
      if (!used[i] && matches(expectations[i], file, line, d)) used[i] = matched = true;
    }
    if (!matched) {
      result.failures.push_back(fmt::format("unexpected finding {}:{}: {} {} \"{}\"", file, line, d.rule->name,
                                            diag::severity_name(d.severity), d.message));
    }
  }
  for (std::size_t i = 0; i < expectations.size(); ++i) {
    if (used[i]) continue;
    const Expectation& e = expectations[i];
    result.failures.push_back(
        fmt::format("missing finding {}:{}: {} {} \"{}\"", e.file, e.line, e.rule, e.severity, e.message_part));
  }
  return result;
}

}  // namespace netlint::testing
