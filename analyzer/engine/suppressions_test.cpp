// Suppressions: the text after a marker, which comments count, and how the engine applies them
// (after precedence, so a suppressed winner keeps its loser silent) and reports unused ones.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "analyzer/engine/engine.h"
#include "analyzer/engine/suppressions.h"
#include "analyzer/loader/loader.h"

namespace netlint::engine {
namespace {

constexpr diag::RuleInfo kInternal{
    .code = "NL0002", .name = "internal-error", .severity = diag::Severity::kError, .summary = "internal", .doc = ""};
constexpr diag::RuleInfo kUnused{
    .code = "NL0003", .name = "unused-suppression", .severity = diag::Severity::kNote, .summary = "unused", .doc = ""};
constexpr diag::RuleInfo kA{
    .code = "NL1001", .name = "rule-a", .severity = diag::Severity::kError, .summary = "a", .doc = ""};
constexpr diag::RuleInfo kB{
    .code = "NL1002", .name = "rule-b", .severity = diag::Severity::kWarning, .summary = "b", .doc = ""};

// Reports one finding per object at its name, with the object's name as root cause.
class NameRule final : public Rule {
 public:
  explicit NameRule(const diag::RuleInfo& info) : info_(info) {}
  const diag::RuleInfo& info() const noexcept override { return info_; }
  void check(const View& view, Sink& out) const override {
    for (const model::ObjectMeta& object : view.model().objects) {
      out.report(object.name.range, "object " + object.name.value).root_cause = object.name.value;
    }
  }

 private:
  const diag::RuleInfo& info_;
};

// Checks nothing: stands for NL0003, which the engine reports itself.
class SilentRule final : public Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kUnused; }
  void check(const View&, Sink&) const override {}
};

const NameRule kRuleA(kA);
const NameRule kRuleB(kB);
const SilentRule kRuleUnused;
const Rule* const kRegistry[] = {&kRuleUnused, &kRuleA, &kRuleB};

model::Model load(std::string text) {
  std::vector<InputText> inputs;
  inputs.push_back({"s.yaml", std::move(text), true, {}});
  return load_inputs(std::move(inputs), LoadOptions{}).model;
}

std::vector<std::string> summary(const std::vector<diag::Diagnostic>& found) {
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : found) out.push_back(fmt::format("{} {}", d.rule->code, d.message));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("suppressions: the text names rules, separated by commas or blanks, then an optional reason") {
  SuppressionText t = parse_suppression_text(" NL1001,service-selector-typo -- the operator adds pods ");
  CHECK(t.rules == std::vector<std::string>{"NL1001", "service-selector-typo"});
  CHECK(t.reason == "the operator adds pods");
  t = parse_suppression_text("NL1001 , NL1002  NL2001");
  CHECK(t.rules == std::vector<std::string>{"NL1001", "NL1002", "NL2001"});
  CHECK(t.reason.empty());
  t = parse_suppression_text("NL1001--no blanks around the dashes");
  CHECK(t.rules == std::vector<std::string>{"NL1001"});
  CHECK(t.reason == "no blanks around the dashes");
  CHECK(parse_suppression_text("   ").rules.empty());
  CHECK(parse_suppression_text(" -- only a reason").rules.empty());
}

TEST_CASE("suppressions: a comment counts where YAML starts a comment, outside quoted strings") {
  auto text_of = [](std::string_view line) -> std::string {
    const auto c = find_ignore_comment(line);
    return c ? std::string(c->text) : std::string("<none>");
  };
  CHECK(text_of("  selector: {app: a}   # netlint:ignore NL1002 -- why  ") == " NL1002 -- why");
  CHECK(text_of("# netlint:ignore") == "");
  CHECK(text_of("#netlint:ignore NL1001") == " NL1001");
  const auto c = find_ignore_comment("a: b # netlint:ignore NL1001  ");
  REQUIRE(c);
  CHECK(c->begin == 5);
  CHECK(c->end == 28);  // trailing blanks are not part of the comment
  // Not comments, or not ours.
  CHECK(text_of("a: b#netlint:ignore NL1001") == "<none>");                // `#` glued to a value is text
  CHECK(text_of("a: \"x # netlint:ignore NL1001\"") == "<none>");          // inside double quotes
  CHECK(text_of("a: 'it''s # netlint:ignore NL1001'") == "<none>");        // '' escapes a quote
  CHECK(text_of("a: \"q\\\" # netlint:ignore NL1001\"") == "<none>");      // \" escapes a quote
  CHECK(text_of("a: b # see below # netlint:ignore NL1001") == "<none>");  // the comment is another one
  CHECK(text_of("a: b # netlint:ignored NL1001") == "<none>");
  CHECK(text_of("a: b # netlint: ignore NL1001") == "<none>");
  // An apostrophe inside a plain scalar opens no string; a JSON string closes before its comment.
  CHECK(text_of("note: it's fine # netlint:ignore NL1001") == " NL1001");
  CHECK(text_of("\"a\": \"b\", # netlint:ignore NL1001") == " NL1001");
  // A line of a block scalar (an embedded Corefile) is read like any other line.
  CHECK(text_of("    forward . 10.0.0.1   # netlint:ignore NL4101") == " NL4101");
}

TEST_CASE("suppressions: annotations and comments are collected with their anchors and scopes") {
  const std::string text =
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "metadata:\n"
      "  name: a1\n"
      "  annotations: {netlint.io/ignore: \"NL1001 -- why\"}\n"
      "data:\n"
      "  # netlint:ignore NL1002\n"
      "  k: v\n";
  const model::Model m = load(text);
  const std::vector<Suppression> found = collect_suppressions(m);
  REQUIRE(found.size() == 2);
  const Suppression& annotation = found[0];
  CHECK(annotation.source == Suppression::Source::kAnnotation);
  CHECK(annotation.text.rules == std::vector<std::string>{"NL1001"});
  CHECK(annotation.text.reason == "why");
  CHECK(text.substr(annotation.anchor.begin, annotation.anchor.end - annotation.anchor.begin) == "\"NL1001 -- why\"");
  REQUIRE(annotation.scopes.size() == 1);
  CHECK(annotation.scopes[0] == m.objects[0].object_range);
  CHECK(annotation.object == "ConfigMap (apply-time)/a1");
  const Suppression& comment = found[1];
  CHECK(comment.source == Suppression::Source::kComment);
  CHECK(text.substr(comment.anchor.begin, comment.anchor.end - comment.anchor.begin) == "# netlint:ignore NL1002");
  REQUIRE(comment.scopes.size() == 1);
  CHECK(text.substr(comment.scopes[0].begin, comment.scopes[0].end - comment.scopes[0].begin) ==
        "  # netlint:ignore NL1002\n  k: v\n");
}

TEST_CASE("suppressions: a comment covers its line and the next, an annotation its object") {
  const model::Model m = load(
      "apiVersion: v1\nkind: ConfigMap\n# netlint:ignore NL1001\nmetadata: {name: a1}\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a2}   # netlint:ignore rule-a\n---\n"
      "apiVersion: v1\nkind: ConfigMap\n# netlint:ignore NL1001\n\nmetadata: {name: a3}\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a4\n  annotations: {netlint.io/ignore: NL1001}\n");
  const View view(m);
  const Rule* rules[] = {&kRuleA, &kRuleUnused};
  RunOptions options;
  options.rules = rules;
  options.registry = kRegistry;
  options.internal_error = &kInternal;
  options.unused_suppression = &kUnused;
  CHECK(summary(run_rules(view, options)) ==
        Lines{"NL0003 netlint:ignore NL1001 suppresses nothing on this line or the next", "NL1001 object a3"});
  // Without NL0003 among the rules, suppressions still apply but nothing reports them.
  const Rule* without_unused[] = {&kRuleA};
  options.rules = without_unused;
  CHECK(summary(run_rules(view, options)) == Lines{"NL1001 object a3"});
}

TEST_CASE("suppressions: a suppressed winner keeps its loser silent; a disabled one does not") {
  // RULES.md "Precedence with configuration": one root cause, one finding.
  const model::Model m = load(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a1}   # netlint:ignore NL1001\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a2}\n");
  const View view(m);
  const Precedence precedence[] = {{"NL1001", "NL1002"}};
  RunOptions options;
  options.registry = kRegistry;
  options.internal_error = &kInternal;
  options.unused_suppression = &kUnused;
  options.precedence = precedence;
  const Rule* all[] = {&kRuleUnused, &kRuleA, &kRuleB};
  options.rules = all;
  // a1: NL1001 wins and is suppressed, so NL1002 stays silent too; a2: the winner reports.
  CHECK(summary(run_rules(view, options)) == Lines{"NL1001 object a2"});
  // NL1001 turned off: NL1002 reports on both, and the suppression of a rule that did not run
  // is not called unused.
  const Rule* without_winner[] = {&kRuleUnused, &kRuleB};
  options.rules = without_winner;
  CHECK(summary(run_rules(view, options)) == Lines{"NL1002 object a1", "NL1002 object a2"});
}

TEST_CASE("suppressions: unknown rules get a did-you-mean; no rule and NL0003 itself are reported") {
  const model::Model m = load(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a1}   # netlint:ignore rule-aa, NL1009\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a2}   # netlint:ignore -- forgot the rule\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a3}   # netlint:ignore unused-suppression\n");
  const View view(m);
  const Rule* rules[] = {&kRuleUnused};
  RunOptions options;
  options.rules = rules;
  options.registry = kRegistry;
  options.internal_error = &kInternal;
  options.unused_suppression = &kUnused;
  const std::map<std::string, diag::Severity> severities = {{"NL0003", diag::Severity::kWarning}};
  options.severities = &severities;
  const auto found = run_rules(view, options);
  // One place, so ordered by message.
  CHECK(summary(found) == Lines{"NL0003 unknown rule 'NL1009' in netlint:ignore",
                                "NL0003 unknown rule 'rule-aa' in netlint:ignore; did you mean 'rule-a'?",
                                "NL0003 netlint:ignore names no rule, so it suppresses nothing",
                                "NL0003 netlint:ignore cannot suppress NL0003 unused-suppression"});
  for (const diag::Diagnostic& d : found) CHECK(d.severity == diag::Severity::kWarning);  // configured
}

TEST_CASE("suppressions: across views, unused only when unused in every view; context files are silent") {
  std::vector<InputText> inputs;
  inputs.push_back(
      {"shared.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s1}   # netlint:ignore NL1001\n", true, {}});
  inputs.push_back({"prod.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: p1}\n", true, {}});
  inputs.push_back({"context.yaml", "# netlint:ignore NL1001\n", false, {}});
  std::vector<ViewSpec> specs(2);
  specs[0].name = "prod";
  specs[0].members = {true, true, true};
  specs[1].name = "staging";
  specs[1].members = {false, false, true};  // shared.yaml is not in staging: nothing to suppress there
  const std::vector<LoadedView> views = load_views(std::move(inputs), LoadOptions{}, specs);
  const Rule* rules[] = {&kRuleUnused, &kRuleA};
  RunOptions options;
  options.rules = rules;
  options.registry = kRegistry;
  options.internal_error = &kInternal;
  options.unused_suppression = &kUnused;
  CHECK(summary(run_views(views, options)) == Lines{"NL1001 object p1"});
}

}  // namespace netlint::engine
