// The data-driven fixture runner: every case under testdata/rules/<rule-name>/ runs with only
// that rule enabled (unless the case says `rules=all`) and must produce exactly the findings
// its `# expect:` comments name. good.yaml cases thereby prove silence.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "analyzer/testing/fixture_runner.h"
#include "analyzer/testing/source_paths.h"
#include "rules/registry.h"

namespace netlint {
namespace fs = std::filesystem;

namespace {
const fs::path kFixtures = fs::path(testing::source_dir()) / "testdata" / "rules";

std::vector<fs::path> cases_of(const fs::path& folder) {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".") || name == "README.md") continue;
    if (entry.is_directory() || name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".json")) {
      cases.push_back(entry.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}
}  // namespace

// Each rule folder is a subcase named after the rule, so one rule's fixtures run alone:
//   build/release/netlint_tests --test-suite=fixtures --subcase=service-selector-typo
// (run from the source directory, as ctest does).
TEST_SUITE("fixtures") {
  TEST_CASE("every fixture case produces exactly its expected findings") {
    std::vector<fs::path> folders;
    for (const auto& folder : fs::directory_iterator(kFixtures)) {
      if (folder.is_directory()) folders.push_back(folder.path());
    }
    std::sort(folders.begin(), folders.end());
    REQUIRE_MESSAGE(!folders.empty(), "no fixture folders under ", kFixtures.string());
    for (const fs::path& folder : folders) {
      const std::string rule_name = folder.filename().string();
      SUBCASE(rule_name.c_str()) {
        const engine::Rule* rule = rules::find_rule(rule_name);
        REQUIRE_MESSAGE(rule != nullptr, "fixture folder without a rule: ", rule_name);
        const std::vector<fs::path> cases = cases_of(folder);
        CHECK_MESSAGE(!cases.empty(), "fixture folder without cases: ", rule_name);
        for (const fs::path& path : cases) {
          const testing::CaseResult result = testing::run_fixture_case(path, *rule);
          for (const std::string& failure : result.failures) {
            const std::string where = path.lexically_relative(testing::source_dir()).string() + ": " + failure;
            FAIL_CHECK(where);
          }
          if (path.filename() == "bad.yaml") {
            CHECK_MESSAGE(result.expectations > 0, path.string(), ": bad.yaml must expect at least one finding");
          }
          if (path.filename() == "good.yaml") {
            CHECK_MESSAGE(result.expectations == 0, path.string(), ": good.yaml must expect no finding");
          }
        }
      }
    }
  }
}

}  // namespace netlint
