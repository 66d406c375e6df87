// The registry meta-test: codes unique, sorted and in their family's range; names kebab-case;
// summaries short; every doc has its sections; every rule has its fixture folder with bad.yaml
// and good.yaml, and every fixture folder belongs to a rule.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <filesystem>
#include <iterator>
#include <set>
#include <string_view>
#include <vector>

#include "rules/registry.h"

namespace netlint {
namespace fs = std::filesystem;

TEST_CASE("registry: codes, names, summaries and docs follow the conventions") {
  const auto rules = rules::all_rules();
  REQUIRE(!rules.empty());
  const RE2 code_pattern("NL[0-6][0-9]{3}");
  const RE2 name_pattern("[a-z0-9]+(?:-[a-z0-9]+)*");
  std::set<std::string_view> codes, names;
  std::string_view previous;
  for (const engine::Rule* rule : rules) {
    const diag::RuleInfo& info = rule->info();
    CAPTURE(info.code);
    CHECK(RE2::FullMatch(info.code, code_pattern));
    CHECK(RE2::FullMatch(info.name, name_pattern));
    CHECK(codes.insert(info.code).second);
    CHECK(names.insert(info.name).second);
    CHECK(info.code > previous);  // sorted
    previous = info.code;
    CHECK(!info.summary.empty());
    CHECK(info.summary.size() <= 80);
    CHECK(info.summary.back() != '.');
    CHECK(std::islower(static_cast<unsigned char>(info.summary.front())));
    // A run-level entry (NL0006) documents notes, not a finding: what they are and how they show.
    const auto sections = info.run_level
                              ? std::vector<const char*>{"## What it is", "## How they are shown", "## Known limitations"}
                              : std::vector<const char*>{"## What it finds", "## Why is this bad?", "## How to fix", "## Known limitations"};
    for (const char* section : sections) {
      CHECK_MESSAGE(info.doc.find(section) != std::string_view::npos, "doc lacks section ", section);
    }
    CHECK(rules::find_rule(info.code) == rule);
    CHECK(rules::find_rule(info.name) == rule);
  }
  CHECK(rules::find_rule("NL9998") == nullptr);
}

TEST_CASE("registry: every rule has fixtures and every fixture folder a rule") {
  const fs::path fixtures = fs::path(NETLINT_SOURCE_DIR) / "testdata" / "rules";
  for (const engine::Rule* rule : rules::all_rules()) {
    const fs::path folder = fixtures / std::string(rule->info().name);
    CAPTURE(rule->info().name);
    CHECK(fs::is_regular_file(folder / "bad.yaml"));
    CHECK(fs::is_regular_file(folder / "good.yaml"));
  }
  for (const auto& entry : fs::directory_iterator(fixtures)) {
    if (!entry.is_directory()) continue;
    CHECK_MESSAGE(rules::find_rule(entry.path().filename().string()) != nullptr,
                  "fixture folder without a rule: ", entry.path().filename().string());
  }
}

// rules/rules.def is the one list: its code column must be the code of the factory's rule, in
// the same order (registry.cpp expands only the factory column).
TEST_CASE("registry: rules.def codes match the rules") {
  static constexpr std::string_view kDefCodes[] = {
#define NETLINT_RULE(code, factory) #code,
#include "rules/rules.def"
#undef NETLINT_RULE
  };
  const auto rules = rules::all_rules();
  REQUIRE(rules.size() == std::size(kDefCodes));
  for (std::size_t i = 0; i < rules.size(); ++i) CHECK(rules[i]->info().code == kDefCodes[i]);
}

TEST_CASE("registry: precedence pairs name registered rules") {
  for (const engine::Precedence& p : rules::precedence()) {
    CHECK(rules::find_rule(p.winner) != nullptr);
    CHECK(rules::find_rule(p.loser) != nullptr);
  }
}

}  // namespace netlint
