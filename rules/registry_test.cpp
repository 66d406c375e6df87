// The registry meta-test: codes unique, sorted and in their family's range; names kebab-case;
// summaries short; every doc has its sections; every rule has its fixture folder with bad.yaml
// and good.yaml, and every fixture folder belongs to a rule; every rule has one source file named
// after it in its family's folder, and no other file defines a rule.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/testing/source_paths.h"
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
    const auto sections =
        info.run_level ? std::vector<const char*>{"## What it is", "## How they are shown", "## Known limitations"}
                       : std::vector<const char*>{"## What it finds", "## Why is this bad?", "## How to fix",
                                                  "## Known limitations"};
    for (const char* section : sections) {
      CHECK_MESSAGE(info.doc.find(section) != std::string_view::npos, "doc lacks section ", section);
    }
    CHECK(rules::find_rule(info.code) == rule);
    CHECK(rules::find_rule(info.name) == rule);
  }
  CHECK(rules::find_rule("NL9998") == nullptr);
}

TEST_CASE("registry: every rule has fixtures and every fixture folder a rule") {
  const fs::path fixtures = fs::path(testing::source_dir()) / "testdata" / "rules";
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

namespace {

// Every non-test .cpp under rules/, by stem ("service_selector_typo" -> its paths).
std::map<std::string, std::vector<fs::path>> rule_sources() {
  std::map<std::string, std::vector<fs::path>> by_stem;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(testing::source_dir()) / "rules")) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || path.extension() != ".cpp") continue;
    const std::string stem = path.stem().string();
    if (stem.ends_with("_test")) continue;
    by_stem[stem].push_back(path);
  }
  return by_stem;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// "service-selector-typo" -> "service_selector_typo": the stem of the rule's file.
std::string file_stem(std::string_view rule_name) {
  std::string stem(rule_name);
  for (char& c : stem) {
    if (c == '-') c = '_';
  }
  return stem;
}

}  // namespace

// One rule per file, named after it (issue 17 item 2): rules/<family>/<rule_name>.cpp defines the
// rule's RuleInfo, and shared logic lives in helper files (*_support, or a name that is no rule's).
// A family is a code's hundreds (NL41xx: CoreDNS): all its rules share one folder, which holds no
// other family. Metadata-only entries (run-level notes) need no file but may have one.
TEST_CASE("registry: every rule has one source file named after it, in its family's folder") {
  const auto sources = rule_sources();
  std::map<std::string, fs::path> folder_of_family;  // "NL41" -> rules/coredns
  std::map<fs::path, std::string> family_of_folder;
  for (const engine::Rule* rule : rules::all_rules()) {
    const diag::RuleInfo& info = rule->info();
    CAPTURE(info.code);
    const std::string stem = file_stem(info.name);
    const auto found = sources.find(stem);
    if (info.run_level && found == sources.end()) continue;
    const std::size_t files = found == sources.end() ? 0 : found->second.size();
    CHECK_MESSAGE(files == 1, files, " files rules/<family>/", stem,
                  ".cpp, want one");  // every rule reported, not only the first
    if (files != 1) continue;
    const fs::path& path = found->second.front();
    CHECK_MESSAGE(read_text(path).find(fmt::format(".code = \"{}\"", info.code)) != std::string::npos, path.string(),
                  " does not define ", info.code);
    const fs::path folder = path.parent_path();
    CHECK_MESSAGE(folder.parent_path().filename() == "rules", path.string(), " is not in a family folder under rules/");
    const std::string family(info.code.substr(0, 4));
    // Named iterators, not structured bindings: doctest's macros are lambdas, and clang 14
    // cannot capture a structured binding.
    const fs::path known_folder = folder_of_family.try_emplace(family, folder).first->second;
    CHECK_MESSAGE(known_folder == folder, info.code, " is in ", folder.string(), ", its family in ",
                  known_folder.string());
    const std::string known_family = family_of_folder.try_emplace(folder, family).first->second;
    CHECK_MESSAGE(known_family == family, folder.string(), " holds ", family, "xx and ", known_family, "xx rules");
  }
}

// The reverse: a file that defines a RuleInfo is the file of that rule, so two rules never share
// a file and a helper file defines none.
TEST_CASE("registry: every file that defines a rule is named after it") {
  const RE2 code_definition(R"re(\.code = "(NL[0-9]{4})")re");
  for (const auto& [stem, paths] : rule_sources()) {
    for (const fs::path& path : paths) {
      const std::string text = read_text(path);
      re2::StringPiece input(text);
      std::string code;
      while (RE2::FindAndConsume(&input, code_definition, &code)) {
        CAPTURE(path.string());
        const engine::Rule* rule = rules::find_rule(code);
        CHECK_MESSAGE(rule != nullptr, code, " is defined but not in rules/rules.def");
        if (rule == nullptr) continue;
        CHECK_MESSAGE(file_stem(rule->info().name) == stem, code, " (", rule->info().name, ") is defined in ",
                      path.filename().string());
      }
    }
  }
}

// Rule options (RuleInfo::options) are read through engine::Sink::option_flag and option_integer,
// and .netlint.yaml values are checked for exactly those two types: an option of another type
// would be accepted unchecked and could not be read. Each default must read as its type.
TEST_CASE("registry: every rule option has a type rules read and the config checks") {
  for (const engine::Rule* rule : rules::all_rules()) {
    for (const diag::RuleOption& option : rule->info().options) {
      CAPTURE(rule->info().code);
      CAPTURE(option.name);
      CHECK((option.type == "boolean" || option.type == "integer"));
      engine::Sink defaults(rule->info());
      if (option.type == "boolean") {
        CHECK((option.default_value == "true" || option.default_value == "false"));
      } else if (option.type == "integer") {
        CHECK_NOTHROW(defaults.option_integer(option.name));
      }
      CHECK(!option.description.empty());
    }
  }
}

TEST_CASE("registry: precedence pairs name registered rules") {
  for (const engine::Precedence& p : rules::precedence()) {
    CHECK(rules::find_rule(p.winner) != nullptr);
    CHECK(rules::find_rule(p.loser) != nullptr);
  }
}

}  // namespace netlint
