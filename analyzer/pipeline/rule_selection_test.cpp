// Which rules run (RULES.md "Rule groups and selection"): the default groups, config and CLI in
// that order, specificity levels, `rules:` severities, nursery only by name, unknown selectors.
#include "analyzer/pipeline/rule_selection.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "rules/registry.h"

namespace netlint::pipeline {
namespace {

std::vector<const diag::RuleInfo*> infos() {
  std::vector<const diag::RuleInfo*> out;
  for (const engine::Rule* rule : rules::all_rules()) out.push_back(&rule->info());
  return out;
}

config::Config config_of(const std::string& text) {
  const auto registry = infos();
  config::LoadedConfig loaded = config::parse_config(".netlint.yaml", text, registry);
  REQUIRE(loaded.errors.empty());
  return *loaded.config;
}

bool runs(const RuleSelection& s, std::string_view code) {
  return std::any_of(s.rules.begin(), s.rules.end(), [&](const engine::Rule* r) { return r->info().code == code; });
}

}  // namespace

TEST_CASE("selection: the default runs correctness, suspicious and perf, never best-practice") {
  const RuleSelection s = select_rules(rules::all_rules(), nullptr, {});
  REQUIRE(s.error.empty());
  CHECK(runs(s, "NL1001"));        // correctness
  CHECK(runs(s, "NL1002"));        // suspicious
  CHECK(runs(s, "NL4001"));        // perf
  CHECK_FALSE(runs(s, "NL6102"));  // best-practice
  CHECK_FALSE(runs(s, "NL1007"));
  for (const engine::Rule* rule : s.rules) CHECK(selected_by_default(rule->info()));
}

TEST_CASE("selection: the command line adjusts the config, least specific first, ignore after select at one level") {
  const config::Config ignore_dns = config_of("ignore: [NL2005]\n");
  CHECK_FALSE(runs(select_rules(rules::all_rules(), &ignore_dns, {}), "NL2005"));
  SelectorSource cli;
  cli.extend_select = {"NL2"};
  CHECK(runs(select_rules(rules::all_rules(), &ignore_dns, cli), "NL2005"));  // RULES.md's example

  SelectorSource group_then_code;
  group_then_code.extend_select = {"best-practice"};
  group_then_code.ignore = {"NL6102"};
  const RuleSelection s = select_rules(rules::all_rules(), nullptr, group_then_code);
  CHECK(runs(s, "NL1007"));
  CHECK_FALSE(runs(s, "NL6102"));  // the code is more specific than the group

  SelectorSource same_level;
  same_level.extend_select = {"NL6102"};
  same_level.ignore = {"prestop-missing-behind-service"};
  CHECK_FALSE(runs(select_rules(rules::all_rules(), nullptr, same_level), "NL6102"));  // ignore after select
}

TEST_CASE("selection: select starts from nothing; ALL is every group but nursery") {
  SelectorSource only;
  only.select = std::vector<std::string>{"correctness"};
  const RuleSelection s = select_rules(rules::all_rules(), nullptr, only);
  CHECK(runs(s, "NL1001"));
  CHECK_FALSE(runs(s, "NL1002"));
  SelectorSource all;
  all.select = std::vector<std::string>{"ALL"};
  const RuleSelection everything = select_rules(rules::all_rules(), nullptr, all);
  CHECK(runs(everything, "NL6102"));
  for (const engine::Rule* rule : everything.rules) CHECK(rule->info().group != diag::Group::kNursery);
  const config::Config config_select = config_of("select: [NL1001]\n");
  const RuleSelection from_config = select_rules(rules::all_rules(), &config_select, {});
  REQUIRE(from_config.rules.size() == 1);
  CHECK(from_config.rules[0]->info().code == "NL1001");
}

TEST_CASE("selection: a rules: severity selects its code, and off ignores it") {
  const config::Config c = config_of("rules:\n  NL6102: {severity: warning}\n  NL1002: {severity: off}\n");
  const RuleSelection s = select_rules(rules::all_rules(), &c, {});
  CHECK(runs(s, "NL6102"));
  CHECK(s.severities.at("NL6102") == diag::Severity::kWarning);
  CHECK_FALSE(runs(s, "NL1002"));
  CHECK_FALSE(runs(s, "NL4105"));  // best-practice and not named: off
}

TEST_CASE("selection: an unknown selector is a usage error with did-you-mean") {
  SelectorSource typo;
  typo.extend_select = {"best-practise"};
  const RuleSelection s = select_rules(rules::all_rules(), nullptr, typo);
  CHECK(s.error.find("unknown rule, group or prefix 'best-practise'; did you mean 'best-practice'?") == 0);
  SelectorSource bad_prefix;
  bad_prefix.ignore = {"NLX"};
  CHECK_FALSE(select_rules(rules::all_rules(), nullptr, bad_prefix).error.empty());
}

}  // namespace netlint::pipeline

namespace netlint::pipeline {

TEST_CASE("selection: NL0006 never runs; only a code-level ignore hides run-level notes") {
  const RuleSelection plain = select_rules(rules::all_rules(), nullptr, {});
  CHECK_FALSE(runs(plain, "NL0006"));
  CHECK(plain.view_notes);
  SelectorSource everything;
  everything.select = {"ALL", "nursery"};
  const RuleSelection all = select_rules(rules::all_rules(), nullptr, everything);
  CHECK_FALSE(runs(all, "NL0006"));
  CHECK(all.view_notes);
  SelectorSource broad;
  broad.ignore = {"ALL", "suspicious", "NL0"};
  CHECK(select_rules(rules::all_rules(), nullptr, broad).view_notes);
  SelectorSource by_code;
  by_code.ignore = {"NL0006"};
  CHECK_FALSE(select_rules(rules::all_rules(), nullptr, by_code).view_notes);
  const config::Config ignored = config_of("ignore: [ambiguous-view]\n");
  CHECK_FALSE(select_rules(rules::all_rules(), &ignored, {}).view_notes);
  SelectorSource reselect;
  reselect.select = {"correctness"};  // select starts from nothing, but not for the notes
  CHECK_FALSE(select_rules(rules::all_rules(), &ignored, reselect).view_notes);
  const config::Config off = config_of("rules: {NL0006: {severity: off}}\n");
  CHECK_FALSE(select_rules(rules::all_rules(), &off, {}).view_notes);
}

TEST_CASE("selection: a config without select names the v2 codes its selection leaves out") {
  CHECK(select_rules(rules::all_rules(), nullptr, {}).v2_codes_left_out.empty());  // no config
  const config::Config none = config_of("failOn: error\n");
  const std::vector<std::string> left = select_rules(rules::all_rules(), &none, {}).v2_codes_left_out;
  CHECK(std::find(left.begin(), left.end(), "NL6102") != left.end());  // best-practice
  CHECK(std::find(left.begin(), left.end(), "NL1001") == left.end());  // default-on
  for (const std::string& code : left) CHECK(rules::find_rule(code)->info().group != diag::Group::kNursery);
  const config::Config ignores = config_of("ignore: [NL2005]\nextend-select: [best-practice]\n");
  CHECK(select_rules(rules::all_rules(), &ignores, {}).v2_codes_left_out == std::vector<std::string>{"NL2005"});
  const config::Config selects = config_of("select: [correctness]\n");
  CHECK(select_rules(rules::all_rules(), &selects, {}).v2_codes_left_out.empty());
  SelectorSource cli;
  cli.select = {"ALL"};
  CHECK(select_rules(rules::all_rules(), &none, cli).v2_codes_left_out.empty());
}

}  // namespace netlint::pipeline
