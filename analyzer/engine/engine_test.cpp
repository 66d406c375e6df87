// The engine: a throwing rule becomes NL0002 and the others still run; precedence drops the
// loser of a shared root cause; output is sorted and deduplicated; context files are not reported.
#include <doctest/doctest.h>

#include <stdexcept>

#include "analyzer/engine/engine.h"
#include "analyzer/loader/loader.h"

namespace netlint::engine {
namespace {

constexpr diag::RuleInfo kInternal{
    .code = "NL0002", .name = "internal-error", .severity = diag::Severity::kError, .summary = "internal", .doc = ""};
constexpr diag::RuleInfo kA{
    .code = "NL1001", .name = "rule-a", .severity = diag::Severity::kError, .summary = "a", .doc = ""};
constexpr diag::RuleInfo kB{
    .code = "NL1002", .name = "rule-b", .severity = diag::Severity::kWarning, .summary = "b", .doc = ""};

// Reports one finding per object at its name, with a root cause key per object name.
class NameRule final : public Rule {
 public:
  explicit NameRule(const diag::RuleInfo& info, bool throw_on_second = false) : info_(info), throw_(throw_on_second) {}
  const diag::RuleInfo& info() const noexcept override { return info_; }
  void check(const View& view, Sink& out) const override {
    int seen = 0;
    for (const model::ObjectMeta& object : view.model().objects) {
      out.checking(object.object_range);
      if (throw_ && ++seen == 2) throw std::runtime_error("boom");
      out.report(object.name.range, "object " + object.name.value).root_cause = object.name.value;
    }
  }

 private:
  const diag::RuleInfo& info_;
  bool throw_;
};

model::Model two_files(bool second_reported) {
  std::vector<InputText> inputs;
  inputs.push_back({"b.yaml",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b1}\n---\napiVersion: v1\nkind: "
                    "ConfigMap\nmetadata: {name: b2}\n",
                    true,
                    {}});
  inputs.push_back({"a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a1}\n", second_reported, {}});
  return load_inputs(std::move(inputs), LoadOptions{}).model;
}

}  // namespace

TEST_CASE("engine: a throwing rule becomes one NL0002 on the object it checked; others still run") {
  const model::Model m = two_files(true);
  const View view(m);
  const NameRule thrower(kA, true);
  const NameRule fine(kB);
  const Rule* rules[] = {&thrower, &fine};
  RunOptions options;
  options.rules = rules;
  options.internal_error = &kInternal;
  const auto found = run_rules(view, options);
  int internal = 0, b = 0;
  for (const auto& d : found) {
    if (d.rule->code == "NL0002") {
      ++internal;
      CHECK(d.message.find("rule NL1001 rule-a failed on this input: boom") != std::string::npos);
      CHECK(d.range == m.objects[1].object_range);  // the second object, where it threw
    }
    if (d.rule->code == "NL1002") ++b;
  }
  CHECK(internal == 1);
  CHECK(b == 3);
}

TEST_CASE("engine: precedence keeps only the winner for a shared root cause") {
  const model::Model m = two_files(true);
  const View view(m);
  const NameRule a(kA), b(kB);
  const Rule* rules[] = {&a, &b};
  const Precedence precedence[] = {{"NL1001", "NL1002"}};
  RunOptions options;
  options.rules = rules;
  options.internal_error = &kInternal;
  CHECK(run_rules(view, options).size() == 6);
  options.precedence = precedence;
  const auto found = run_rules(view, options);
  CHECK(found.size() == 3);
  for (const auto& d : found) CHECK(d.rule->code == "NL1001");
}

TEST_CASE("engine: sorted by file then offset then code; duplicates removed; context files silent") {
  const model::Model m = two_files(true);
  const View view(m);
  const NameRule a(kA), b(kB);
  const Rule* rules[] = {&b, &a, &a};  // a twice: its findings are duplicates
  RunOptions options;
  options.rules = rules;
  options.internal_error = &kInternal;
  const auto found = run_rules(view, options);
  REQUIRE(found.size() == 6);
  for (std::size_t i = 1; i < found.size(); ++i) {
    const auto& p = found[i - 1];
    const auto& q = found[i];
    CHECK(std::tie(p.range.file, p.range.begin, p.rule->code) < std::tie(q.range.file, q.range.begin, q.rule->code));
  }
  const model::Model context = two_files(false);
  const View context_view(context);
  for (const auto& d : run_rules(context_view, options)) CHECK(context.file(d.range.file).path == "b.yaml");
}

TEST_CASE("engine: findings of several views are tagged with their cluster and merged when alike") {
  auto finding = [](std::uint32_t at, std::string message) {
    diag::Diagnostic d;
    d.rule = &kA;
    d.range = SourceRange{0, at, at + 1};
    d.message = std::move(message);
    return d;
  };
  std::vector<std::pair<std::string, std::vector<diag::Diagnostic>>> per_view;
  per_view.emplace_back("prod", std::vector<diag::Diagnostic>{finding(5, "shared"), finding(9, "prod only")});
  per_view.emplace_back("staging", std::vector<diag::Diagnostic>{finding(1, "staging only"), finding(5, "shared")});
  const std::vector<diag::Diagnostic> merged = merge_views(std::move(per_view));
  REQUIRE(merged.size() == 3);
  CHECK(merged[0].message == "staging only");
  CHECK(merged[0].clusters == std::vector<std::string>{"staging"});
  CHECK(merged[1].message == "shared");
  CHECK(merged[1].clusters == std::vector<std::string>{"prod", "staging"});
  CHECK(merged[2].clusters == std::vector<std::string>{"prod"});

  // One unnamed view (no `clusters:` in the config): untouched, untagged.
  std::vector<std::pair<std::string, std::vector<diag::Diagnostic>>> single;
  single.emplace_back("", std::vector<diag::Diagnostic>{finding(5, "x")});
  const std::vector<diag::Diagnostic> untouched = merge_views(std::move(single));
  REQUIRE(untouched.size() == 1);
  CHECK(untouched[0].clusters.empty());
}

TEST_CASE("engine: a rule reads its options, configured or defaulted; an undeclared one is a bug") {
  static constexpr diag::RuleOption kOptions[] = {{"minReplicas", "integer", "1", "d"},
                                                  {"helmKeys", "boolean", "false", "d"}};
  static constexpr diag::RuleInfo kWithOptions{.code = "NL6102",
                                               .name = "with-options",
                                               .severity = diag::Severity::kNote,
                                               .summary = "o",
                                               .doc = "",
                                               .options = kOptions};
  const Sink defaults(kWithOptions);
  CHECK(defaults.option_integer("minReplicas") == 1);
  CHECK_FALSE(defaults.option_flag("helmKeys"));
  const OptionValues configured = {{"minReplicas", "2"}, {"helmKeys", "true"}};
  const Sink set(kWithOptions, &configured);
  CHECK(set.option_integer("minReplicas") == 2);
  CHECK(set.option_flag("helmKeys"));
  CHECK_THROWS_AS(set.option_flag("nearMissAnywhere"), std::logic_error);
}

}  // namespace netlint::engine
