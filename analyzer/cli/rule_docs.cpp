#include "analyzer/cli/rule_docs.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string_view>

#include "analyzer/cli/commands.h"
#include "analyzer/pipeline/rule_selection.h"
#include "analyzer/config/config.h"
#include "analyzer/pipeline/analyze.h"
#include "analyzer/report/text_reporter.h"
#include "analyzer/util/strings.h"
#include "rules/registry.h"

namespace netlint::cli {
namespace fs = std::filesystem;
namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// netlint's text output on one fixture, with only that rule enabled, as a user would see it: the
// fixture's config applies as it would to a user's run (facts, `clusters:`, severities, options).
std::string lint_output(const engine::Rule& rule, const std::string& name, const std::string& text,
                        const std::string& config_text) {
  std::vector<InputText> inputs;
  inputs.push_back(InputText{name, text, true, std::nullopt});
  std::optional<config::LoadedConfig> loaded;
  if (!config_text.empty()) {
    loaded = pipeline::parse_config(".netlint.yaml", config_text);
    InputText config_input{".netlint.yaml", config_text, true, std::nullopt};
    config_input.config = true;
    inputs.push_back(std::move(config_input));
  }
  const config::Config* config = loaded && loaded->config ? &*loaded->config : nullptr;
  pipeline::RuleSelection selection = pipeline::select_rules(rules::all_rules(), config, {});
  selection.rules = {&rule};
  const pipeline::Analysis analysis = pipeline::analyze(std::move(inputs), config, selection, {});
  const model::Model& model = analysis.views.front().model;
  std::ostringstream out;
  report::write_text(out, model, analysis.diagnostics, report::summarise(model.stats, analysis.diagnostics, {}),
                     report::TextOptions{false, false});
  return out.str();
}

std::string page(const engine::Rule& rule, const fs::path& fixtures_dir) {
  const diag::RuleInfo& info = rule.info();
  std::string md = fmt::format("# {} {}\n\n", info.code, info.name);
  if (info.run_level) {
    // Run-level notes have no severity, group or fixture example (RULES.md "Run-level notes").
    md += fmt::format("> {}\n\nGroup: **run-level** (not a finding; shown unless `ignore: [{}]`)\n\n", info.summary,
                      info.code);
    md += std::string(info.doc);
    if (md.back() != '\n') md += '\n';
    return md;
  }
  md += fmt::format(
      "> {}\n\nDefault severity: **{}**\n\nGroup: **{}** ({})\n\n", info.summary, diag::severity_name(info.severity),
      diag::group_name(info.group),
      diag::default_selected(info.group) ? "runs by default" : "off by default; select it with `extend-select`");
  md += std::string(info.doc);
  if (md.back() != '\n') md += '\n';
  for (const diag::RuleOption& option : info.options) {
    md += fmt::format("- `{}` ({}, default `{}`): {}\n", option.name, option.type, option.default_value,
                      option.description);
  }
  const fs::path folder = fixtures_dir / std::string(info.name);
  if (fixtures_dir.empty() || !fs::exists(folder / "bad.yaml")) return md;  // metadata only
  const std::string raw_bad = read_text(folder / "bad.yaml");
  if (raw_bad.find("inject=throwing-rule") != std::string::npos) {
    // Only a bug in netlint produces this finding: the fixture injects a test-only rule that
    // throws, which no user's netlint has, so there is no example to run.
    return md + "\n## Example\n\nThere is none to run: this finding appears only when netlint itself has a bug.\n";
  }
  const std::string bad = strip_test_markup(raw_bad);
  const std::string good = strip_test_markup(read_text(folder / "good.yaml"));
  md += "\n## Example\n\n`bad.yaml`:\n\n```yaml\n" + bad + "```\n\n";
  // A rule that needs a configured fact has a .netlint.yaml beside its fixtures.
  const std::string config_text =
      fs::exists(folder / ".netlint.yaml") ? read_text(folder / ".netlint.yaml") : std::string();
  if (!config_text.empty())
    md += "With this `.netlint.yaml`:\n\n```yaml\n" + strip_test_markup(config_text) + "```\n\n";
  md += "netlint's output (`netlint bad.yaml`, this rule only):\n\n```text\n" +
        lint_output(rule, "bad.yaml", bad, config_text) + "```\n\n";
  md += "`good.yaml`, on which it reports nothing:\n\n```yaml\n" + good + "```\n";
  return md;
}

// The test markup is removed by hand-written scanning, not std::regex, whose libstdc++
// implementation recurses once per character (issue 16). It removes what the two regexes
//   ^[ \t]*#\s*(netlint-test:|expect-next-line:).*\n   (multiline)   and   [ \t]*#\s*expect:.*
// removed, with ECMAScript's meaning: `\s` is any of " \t\n\v\f\r" (so it crosses lines), and
// `.` and `^` stop at, resp. start after, \n and \r.
bool is_line_end(char c) {
  return c == '\n' || c == '\r';
}

// The end of `#\s*KEYWORD` starting at `at`, for the first of `keywords` there, or npos.
std::size_t after_marker(std::string_view text, std::size_t at, std::initializer_list<std::string_view> keywords) {
  if (at >= text.size() || text[at] != '#') return std::string_view::npos;
  for (++at; at < text.size() && is_ascii_space(text[at]);) ++at;
  for (const std::string_view keyword : keywords) {
    if (text.substr(at).starts_with(keyword)) return at + keyword.size();
  }
  return std::string_view::npos;
}

// The end of a directive line starting at `at` (its \n included), or npos.
std::size_t directive_line_end(std::string_view text, std::size_t at) {
  at = std::min(text.find_first_not_of(" \t", at), text.size());
  const std::size_t after = after_marker(text, at, {"netlint-test:", "expect-next-line:"});
  if (after == std::string_view::npos) return after;
  const std::size_t end = text.find_first_of("\n\r", after);
  return end != std::string_view::npos && text[end] == '\n' ? end + 1 : std::string_view::npos;
}

// Drops the `# netlint-test:` and `# expect-next-line:` lines.
std::string drop_directive_lines(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const bool line_start = at == 0 || is_line_end(text[at - 1]);
    const std::size_t end = line_start ? directive_line_end(text, at) : std::string_view::npos;
    if (end != std::string_view::npos) {
      at = end;
    } else {
      out += text[at++];
    }
  }
  return out;
}

// Drops each `# expect: ...` to the end of its line, with the blanks before it.
std::string drop_trailing_expectations(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t after = after_marker(text, at, {"expect:"});
    if (after == std::string_view::npos) {
      out += text[at++];
      continue;
    }
    // The blanks before `#` were copied last, after the line end that stopped an earlier drop.
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    at = std::min(text.find_first_of("\n\r", after), text.size());
  }
  return out;
}

}  // namespace

std::string strip_test_markup(const std::string& fixture_text) {
  std::string out = drop_trailing_expectations(drop_directive_lines(fixture_text));
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

std::map<std::string, std::string> generate_rule_docs(const fs::path& fixtures_dir) {
  std::map<std::string, std::string> pages;
  std::string index =
      "# netlint rules\n\nGenerated by `netlint rules --format markdown --output docs/rules`; do not edit.\n\n"
      "| code | name | severity | group | default | summary |\n|---|---|---|---|---|---|\n";
  for (const engine::Rule* rule : rules::all_rules()) {
    const diag::RuleInfo& info = rule->info();
    pages[std::string(info.name) + ".md"] = page(*rule, fixtures_dir);
    index += fmt::format("| {} | [{}]({}.md) | {} | {} | {} | {} |\n", info.code, info.name, info.name,
                         info.run_level ? "-" : diag::severity_name(info.severity),
                         info.run_level ? "run-level" : diag::group_name(info.group),
                         info.run_level || diag::default_selected(info.group) ? "on" : "off", info.summary);
  }
  pages["README.md"] = index;
  return pages;
}

// The page installed beside the binary (`<prefix>/share/netlint/rules/NAME.md`), if any.
std::optional<std::string> installed_page(std::string_view name) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  const fs::path page_path =
      exe.parent_path().parent_path() / "share" / "netlint" / "rules" / (std::string(name) + ".md");
  if (!fs::is_regular_file(page_path, ec)) return std::nullopt;
  return read_text(page_path);
}

int explain_rule(const std::string& code_or_name, const fs::path& fixtures_dir, std::ostream& out, std::ostream& err) {
  const engine::Rule* rule = rules::find_rule(code_or_name);
  if (rule == nullptr) {
    err << "netlint: " << pipeline::unknown_rule(rules::all_rules(), code_or_name) << '\n';
    return kExitUsage;
  }
  // In a source tree the page is generated with its examples; an installed netlint prints the
  // page installed with it; failing both, the rule's own documentation.
  if (fs::is_directory(fixtures_dir)) {
    out << page(*rule, fixtures_dir);
  } else if (const auto installed = installed_page(rule->info().name)) {
    out << *installed;
  } else {
    out << page(*rule, {});
  }
  return kExitClean;
}

int write_rule_docs(const fs::path& fixtures_dir, const fs::path& output_dir, std::ostream& err) {
  if (!fs::is_directory(fixtures_dir)) {
    err << "netlint: fixtures folder not found: " << fixtures_dir.string() << " (run from the source tree)\n";
    return kExitUsage;
  }
  const auto pages = generate_rule_docs(fixtures_dir);
  fs::create_directories(output_dir);
  for (const auto& entry : fs::directory_iterator(output_dir)) {
    if (entry.path().extension() == ".md" && pages.count(entry.path().filename().string()) == 0)
      fs::remove(entry.path());
  }
  for (const auto& [name, content] : pages) std::ofstream(output_dir / name, std::ios::binary) << content;
  return kExitClean;
}

}  // namespace netlint::cli
