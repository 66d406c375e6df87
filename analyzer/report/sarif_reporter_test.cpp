// The SARIF writer: one run, every rule as a descriptor with ruleIndex agreeing with ruleId, all
// four region fields in UTF-16 units, repository-relative percent-encoded URIs, GitHub's line
// hash as the fingerprint, and a valid log with no results.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "analyzer/loader/loader.h"
#include "analyzer/report/line_hash.h"
#include "analyzer/report/sarif_reporter.h"

namespace netlint::report {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

constexpr diag::RuleInfo kParse{.code = "NL0001",
                                .name = "parse-error",
                                .severity = diag::Severity::kError,
                                .group = diag::Group::kCorrectness,
                                .summary = "the file does not parse",
                                .doc = "## What it finds\nA file that is not YAML.\n"};
constexpr diag::RuleInfo kTypo{.code = "NL1001",
                               .name = "service-selector-typo",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "service selector matches no pods, but a near miss exists",
                               .doc =
                                   "## What it finds\nA Service whose `selector` is\n**almost** right.\n\n## How to "
                                   "fix\nSee [the docs](https://k8s.io).\n"};
constexpr diag::RuleInfo kNote{.code = "NL2003",
                               .name = "some-policy-note",
                               .severity = diag::Severity::kNote,
                               .summary = "a policy note",
                               .doc = ""};
constexpr diag::RuleInfo kUnlisted{
    .code = "NL9999", .name = "test-only", .severity = diag::Severity::kWarning, .summary = "only in tests", .doc = ""};
const diag::RuleInfo* const kRules[] = {&kParse, &kTypo, &kNote};

// The first byte offset of `needle` in `text`.
std::uint32_t at(const std::string& text, std::string_view needle) {
  const std::size_t pos = text.find(needle);
  REQUIRE(pos != std::string::npos);
  return static_cast<std::uint32_t>(pos);
}

struct Fixture {
  model::Model model;
  std::string text;
  Fixture() : model(load_inputs({}, LoadOptions{}).model) {}
  Fixture(std::initializer_list<std::pair<std::string, std::string>> files) {
    std::vector<InputText> inputs;
    for (const auto& [path, content] : files) inputs.push_back({path, content, true, {}});
    text = inputs.empty() ? std::string() : inputs.front().text;
    model = load_inputs(std::move(inputs), LoadOptions{}).model;
  }
};

json render(const Fixture& f, const std::vector<diag::Diagnostic>& diagnostics, SarifOptions options = {},
            const ViewReport& view = {}) {
  if (options.root.empty()) options.root = fs::current_path().string();
  std::ostringstream out;
  write_sarif(out, f.model, diagnostics, kRules, options, view);
  return json::parse(out.str());
}

diag::Diagnostic finding(const diag::RuleInfo& rule, SourceRange range, std::string message, std::string help = "") {
  diag::Diagnostic d;
  d.rule = &rule;
  d.severity = rule.severity;
  d.range = range;
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

constexpr const char* kService =
    "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web-x}\n";

TEST_CASE("sarif: the log, the run, the driver and every rule as a descriptor") {
  const Fixture f({{"deploy/svc.yaml", kService}});
  const json log =
      render(f, {}, SarifOptions{.category = "netlint/", .help_uri_base = "https://example.test/rules/", .root = ""});
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  CHECK(run["columnKind"] == "utf16CodeUnits");
  CHECK(run["automationDetails"]["id"] == "netlint/");
  CHECK(run["results"].is_array());
  CHECK(run["results"].empty());  // no findings is still a valid log, with the rules
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "netlint");
  CHECK(driver["semanticVersion"] == NETLINT_VERSION);
  CHECK(driver["informationUri"] == "https://github.com/netlint/netlint");
  REQUIRE(driver["rules"].size() == 3);
  const json& typo = driver["rules"][1];
  CHECK(typo["id"] == "NL1001");
  CHECK(typo["name"] == "service-selector-typo");
  CHECK(typo["shortDescription"]["text"] == "Service selector matches no pods, but a near miss exists.");
  CHECK(typo["fullDescription"]["text"] == "A Service whose selector is almost right.");
  CHECK(typo["help"]["markdown"] == kTypo.doc);
  CHECK(typo["help"]["text"] ==
        "What it finds\nA Service whose selector is\nalmost right.\n\nHow to fix\nSee the docs (https://k8s.io).");
  CHECK(typo["helpUri"] == "https://example.test/rules/service-selector-typo.md");
  CHECK(typo["defaultConfiguration"]["level"] == "error");
  CHECK(typo["properties"]["tags"] == json::array({"kubernetes", "service", "group:correctness"}));
  CHECK(typo["defaultConfiguration"]["enabled"] == true);
  CHECK(typo["properties"]["precision"] == "high");
  CHECK(typo["properties"]["problem.severity"] == "error");
  CHECK(driver["rules"][0]["properties"]["precision"] == "very-high");
  CHECK(driver["rules"][0]["properties"]["tags"] == json::array({"kubernetes", "input", "group:correctness"}));
  // A rule without docs still has every text GitHub requires.
  const json& note = driver["rules"][2];
  CHECK(note["defaultConfiguration"]["level"] == "note");
  CHECK(note["properties"]["problem.severity"] == "recommendation");
  CHECK(note["fullDescription"]["text"] == "A policy note.");
  CHECK(note["help"]["text"] == "A policy note.");
  // Defaults: no category, no automationDetails; the built-in help base.
  const json plain = render(f, {})["runs"][0];
  CHECK_FALSE(plain.contains("automationDetails"));
  CHECK(plain["tool"]["driver"]["rules"][2]["helpUri"] ==
        "https://github.com/netlint/netlint/blob/main/docs/rules/some-policy-note.md");
}

TEST_CASE("sarif: a result has ruleIndex, level, message, one location with four region fields and its line hash") {
  Fixture f({{"deploy/svc.yaml", kService}, {"deploy/app.yaml", "kind: Deployment\n"}});
  const std::uint32_t begin = at(f.text, "web-x");
  diag::Diagnostic d =
      finding(kTypo, {0, begin, begin + 5}, "selector app=web-x matches no pods", "change it to app=web");
  d.related.push_back({{1, 0, 4}, "label app=web of Deployment shop/web"});
  d.related.push_back({{}, "nowhere"});
  d.clusters = {"prod", "staging"};
  diag::Diagnostic warning = finding(kNote, {0, 0, 3}, "a note");
  warning.severity = diag::Severity::kWarning;  // the configured severity wins over the default
  const json run = render(f, {d, warning})["runs"][0];
  REQUIRE(run["results"].size() == 2);
  const json& r = run["results"][0];
  CHECK(r["ruleId"] == "NL1001");
  CHECK(r["ruleIndex"] == 1);
  CHECK(run["tool"]["driver"]["rules"][r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);
  CHECK(r["level"] == "error");
  CHECK(r["message"]["text"] == "Selector app=web-x matches no pods. Change it to app=web.");
  REQUIRE(r["locations"].size() == 1);
  const json& loc = r["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "deploy/svc.yaml");
  CHECK(loc["region"] == json{{"startLine", 5}, {"startColumn", 19}, {"endLine", 5}, {"endColumn", 24}});
  CHECK(r["partialFingerprints"]["primaryLocationLineHash"] == line_hashes(kService)[4]);
  REQUIRE(r["relatedLocations"].size() == 1);  // the one without a range is left out
  CHECK(r["relatedLocations"][0]["id"] == 1);
  CHECK(r["relatedLocations"][0]["message"]["text"] == "Label app=web of Deployment shop/web.");
  CHECK(r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "deploy/app.yaml");
  CHECK(r["relatedLocations"][0]["physicalLocation"]["region"]["endColumn"] == 5);
  CHECK(r["properties"]["clusters"] == json::array({"prod", "staging"}));
  const json& w = run["results"][1];
  CHECK(w["level"] == "warning");
  CHECK(w["ruleIndex"] == 2);
  CHECK_FALSE(w.contains("properties"));
  CHECK_FALSE(w.contains("relatedLocations"));
}

TEST_CASE("sarif: run-level notes are invocation notifications, never results, and NL0006 is no rule") {
  Fixture f({{"deploy/svc.yaml", kService}, {".netlint.yaml", "cluster:\n  cni: calico\n"}});
  constexpr diag::RuleInfo kViewNote{.code = "NL0006",
                                     .name = "ambiguous-view",
                                     .severity = diag::Severity::kNote,
                                     .summary = "run-level notes",
                                     .doc = "",
                                     .run_level = true};
  const diag::RuleInfo* const rules[] = {&kParse, &kViewNote, &kTypo};
  ViewReport view;
  view.notes.push_back(
      {"config-overrides-detection", "config sets cni to calico", {{{1, 11, 17}, "cni set in .netlint.yaml"}}, {}});
  view.notes.push_back({"ambiguous-fact", "pod CIDRs disagree", {{{0, 0, 4}, "one"}, {{}, "no place"}}, {"prod"}});
  view.notes.push_back({"namespaces", "1 namespace: 0 complete, 0 open, 1 unknown", {}, {}});
  SarifOptions options;
  options.root = fs::current_path().string();
  options.execution_successful = false;
  options.view_note_info = &kViewNote;
  std::ostringstream out;
  write_sarif(out, f.model, {}, rules, options, view);
  const json run = json::parse(out.str())["runs"][0];
  CHECK(run["results"].empty());
  const json& driver = run["tool"]["driver"];
  REQUIRE(driver["rules"].size() == 2);  // NL0006 left tool.driver.rules
  CHECK(driver["rules"][1]["id"] == "NL1001");
  CHECK(driver["notifications"][0]["id"] == "NL0006");
  CHECK(driver["notifications"][0]["helpUri"] ==
        "https://github.com/netlint/netlint/blob/main/docs/rules/ambiguous-view.md");
  const json& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolConfigurationNotifications"].size() == 1);
  const json& configured = invocation["toolConfigurationNotifications"][0];
  CHECK(configured["descriptor"] == json{{"id", "NL0006"}, {"index", 0}});
  CHECK(configured["level"] == "note");
  CHECK(configured["message"]["text"] == "Config sets cni to calico.");
  CHECK(configured["properties"] == json{{"topic", "config-overrides-detection"}});
  CHECK(configured["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ".netlint.yaml");
  CHECK(configured["locations"][0]["physicalLocation"]["region"]["startLine"] == 2);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 2);
  const json& ambiguous = invocation["toolExecutionNotifications"][0];
  CHECK(ambiguous["properties"] == json{{"topic", "ambiguous-fact"}, {"clusters", {"prod"}}});
  CHECK(ambiguous["locations"].size() == 1);  // the evidence without a place is left out
  CHECK_FALSE(invocation["toolExecutionNotifications"][1].contains("locations"));
  // Without notes the invocation still says whether the run succeeded.
  const json plain = render(f, {})["runs"][0];
  CHECK(plain["invocations"] == json::array({{{"executionSuccessful", true}}}));
}

TEST_CASE("sarif: columns count UTF-16 units, an emoji two") {
  const std::string text = "kind: ConfigMap\ndata: {k: \"\xf0\x9f\x98\x80 \xc3\xa9x\"}\n";
  Fixture f({{"cm.yaml", text}});
  const std::uint32_t begin = at(text, "x\"");
  const json run = render(f, {finding(kTypo, {0, begin, begin + 1}, "x")})["runs"][0];
  // `data: {k: "` is 11 units, the emoji 2, the space 1, é 1: x is the 16th unit (code points: 15th).
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["region"] ==
        json{{"startLine", 2}, {"startColumn", 16}, {"endLine", 2}, {"endColumn", 17}});
}

TEST_CASE("sarif: a rule outside the list is appended, so every ruleIndex is in range") {
  Fixture f({{"a.yaml", "kind: X\n"}});
  const json run = render(f, {finding(kUnlisted, {0, 0, 4}, "boom")})["runs"][0];
  REQUIRE(run["tool"]["driver"]["rules"].size() == 4);
  CHECK(run["tool"]["driver"]["rules"][3]["id"] == "NL9999");
  CHECK(run["results"][0]["ruleIndex"] == 3);
}

TEST_CASE("sarif: a finding without a location is anchored at the start of the first reported file") {
  Fixture f({{"a.yaml", "kind: X\n"}});
  const json run = render(f, {finding(kParse, {}, "rule failed outside any object")})["runs"][0];
  const json& r = run["results"][0];
  REQUIRE(r["locations"].size() == 1);
  CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.yaml");
  CHECK(r["locations"][0]["physicalLocation"]["region"] ==
        json{{"startLine", 1}, {"startColumn", 1}, {"endLine", 1}, {"endColumn", 1}});
  CHECK(r["partialFingerprints"]["primaryLocationLineHash"] == line_hashes("kind: X\n")[0]);
  // With no file at all there is nothing to anchor on: the result has no location.
  const Fixture empty;
  const json bare = render(empty, {finding(kParse, {}, "no input")})["runs"][0]["results"][0];
  CHECK_FALSE(bare.contains("locations"));
  CHECK(bare["message"]["text"] == "No input.");
}

struct TempDir {
  fs::path root;
  TempDir() {
    root = fs::temp_directory_path() / fmt::format("netlint-sarif-{}", ::getpid());
    fs::create_directories(root / "my dir");
  }
  ~TempDir() { fs::remove_all(root); }
};

TEST_CASE("sarif: URIs relative to the root with forward slashes and percent-encoding; outside it absolute") {
  CHECK(sarif::percent_encode_path("k8s/my file.yaml") == "k8s/my%20file.yaml");
  CHECK(sarif::percent_encode_path("a#b?c%d[e]f") == "a%23b%3Fc%25d%5Be%5Df");
  CHECK(sarif::percent_encode_path("\xc3\xbc-._~/x") == "%C3%BC-._~/x");
  const TempDir tmp;
  const std::string root = tmp.root.string();
  CHECK(sarif::artifact_uri(fmt::format("{}/my dir/np.yaml", root), root) == "my%20dir/np.yaml");
  CHECK(sarif::artifact_uri(fmt::format("{}/my dir/../x/./np.yaml", root), root) == "x/np.yaml");
  CHECK(sarif::artifact_uri(fmt::format("{}/my dir/np.yaml", root), fmt::format("{}/my dir/", root)) == "np.yaml");
  // Outside the root: an absolute file URI, encoded too.
  CHECK(sarif::artifact_uri(fmt::format("{}/my dir/np.yaml", root), fmt::format("{}/other", root)) ==
        fmt::format("file://{}/my%20dir/np.yaml", sarif::percent_encode_path(fs::weakly_canonical(root).string())));
  // A relative path is relative to the working directory.
  const fs::path cwd = fs::current_path();
  CHECK(sarif::artifact_uri("deploy/a b.yaml", cwd.string()) == "deploy/a%20b.yaml");
  CHECK(sarif::artifact_uri("./deploy/../c.yaml", cwd.string()) == "c.yaml");
  CHECK(sarif::artifact_uri("c.yaml", "") == "c.yaml");
}

TEST_CASE("sarif: tags and precision by family; first paragraph and plain text of a doc") {
  CHECK(sarif::rule_tags("NL2001") == std::vector<std::string_view>{"kubernetes", "networkpolicy"});
  CHECK(sarif::rule_tags("NL4001") == std::vector<std::string_view>{"kubernetes", "dns"});
  CHECK(sarif::rule_tags("NL5101") == std::vector<std::string_view>{"kubernetes", "kube-proxy", "addressing"});
  CHECK(sarif::rule_tags("NL6001") == std::vector<std::string_view>{"kubernetes", "ingress-nginx", "load-balancer"});
  CHECK(sarif::rule_precision("NL0004") == "very-high");
  CHECK(sarif::rule_precision("NL3001") == "high");
  CHECK(sarif::first_paragraph("## What\n\nOne `two`\nthree.\n\nFour.\n") == "One two three.");
  CHECK(sarif::first_paragraph("## Only a heading\n") == "");
  const std::string long_doc(3000, 'a');
  CHECK(sarif::first_paragraph(long_doc).size() == 1024);
  CHECK(sarif::markdown_to_text("```yaml\nkey: `v`\n```\n__b__ snake_case * item") == "key: v\nb snake_case * item");
}

}  // namespace
}  // namespace netlint::report
