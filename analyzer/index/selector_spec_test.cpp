// From written selectors (matchLabels + matchExpressions) to matching, through the YAML layer.
#include <doctest/doctest.h>

#include "analyzer/index/label_index.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::index {
namespace {

model::SelectorSpec parse_selector(const std::string& text, yaml::Tree& tree) {
  auto parsed = yaml::parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
  REQUIRE(parsed.tree);
  tree = std::move(*parsed.tree);
  const auto entry = yaml::root_of(tree).find("selector");
  return model::extract_selector(entry.value, entry.key.range());
}

model::PodSource pod(std::string ns, model::Labels labels) {
  model::PodSource p;
  p.meta.namespace_name.value = std::move(ns);
  p.labels = std::move(labels);
  return p;
}

model::Label label(std::string key, std::string value) {
  return {{std::move(key), {}}, {std::move(value), {}}};
}

}  // namespace

TEST_CASE("matchLabels and matchExpressions are ANDed, with positions kept") {
  const std::string text =
      "selector:\n"
      "  matchLabels: {app: web}\n"
      "  matchExpressions:\n"
      "    - {key: tier, operator: In, values: [frontend, edge]}\n"
      "    - {key: canary, operator: DoesNotExist}\n"
      "    - {key: env, operator: NotIn, values: [dev]}\n"
      "    - {key: team, operator: Exists}\n";
  yaml::Tree tree;
  const model::SelectorSpec spec = parse_selector(text, tree);
  CHECK(spec.key.begin == 0);
  CHECK(spec.key.end == 8);
  REQUIRE(spec.match_expressions.size() == 4);
  CHECK(text.substr(spec.match_expressions[0].item.begin, 1) == "{");
  CHECK(spec.match_expressions[0].values.size() == 2);

  const std::vector<model::PodSource> pods = {
      pod("ns", {label("app", "web"), label("tier", "edge"), label("env", "prod"), label("team", "a")}),     // yes
      pod("ns", {label("app", "web"), label("tier", "edge"), label("env", "prod")}),                         // no team
      pod("ns", {label("app", "web"), label("tier", "edge"), label("team", "a"), label("canary", "true")}),  // canary
      pod("ns", {label("app", "web"), label("tier", "backend"), label("team", "a")}),                        // tier
      pod("ns", {label("app", "web"), label("tier", "frontend"), label("env", "dev"), label("team", "a")}),  // env
      pod("ns", {label("app", "web"), label("tier", "frontend"), label("team", "b")}),                       // yes
  };
  const LabelIndex index(pods);
  const SelectorMatches m = index.match("ns", selector_from_spec(spec));
  CHECK(m.yes == std::vector<PodId>{0, 5});
  CHECK(m.maybe.empty());
}

TEST_CASE("an empty selector selects every pod of its namespace; an unknown operator selects nothing") {
  yaml::Tree tree;
  const std::vector<model::PodSource> pods = {pod("a", {label("app", "x")}), pod("a", {}),
                                              pod("b", {label("app", "x")})};
  const LabelIndex index(pods);
  const model::SelectorSpec empty = parse_selector("selector: {}\n", tree);
  CHECK(empty.empty());
  CHECK(index.match("a", selector_from_spec(empty)).yes == std::vector<PodId>{0, 1});
  const model::SelectorSpec bogus =
      parse_selector("selector: {matchExpressions: [{key: app, operator: Equals, values: [x]}]}\n", tree);
  CHECK(index.match("a", selector_from_spec(bogus)).none());
}

}  // namespace netlint::index
