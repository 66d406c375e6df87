// The committed docs/rules/ and the config schema must be exactly what the code generates: docs
// never drift.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/cli/rule_docs.h"
#include "analyzer/config/config_json_schema.h"
#include "analyzer/testing/source_paths.h"
#include "rules/registry.h"

namespace netlint::cli {
namespace fs = std::filesystem;

TEST_CASE("docs/rules is what the rules' metadata and fixtures generate") {
  const fs::path root(testing::source_dir());
  const auto pages = generate_rule_docs(root / "testdata" / "rules");
  std::size_t committed = 0;
  for (const auto& entry : fs::directory_iterator(root / "docs" / "rules")) {
    if (entry.path().extension() == ".md") ++committed;
  }
  CHECK_MESSAGE(committed == pages.size(), "docs/rules has stale or missing pages");
  for (const auto& page : pages) {
    const std::string& name = page.first;  // not a structured binding: clang 14 cannot capture those
    const std::string& content = page.second;
    std::ifstream in(root / "docs" / "rules" / name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    CHECK_MESSAGE(buffer.str() == content, "docs/rules/", name,
                  " differs from the generated page; regenerate with "
                  "`build/release/netlint rules --format markdown --output docs/rules`");
  }
}

TEST_CASE("fixture markup is stripped from the examples shown in docs") {
  const std::string text =
      "# netlint-test: rules=all\n"
      "a: 1   # expect: some-rule error \"x\"\n"
      "  # expect-next-line: some-rule warning\n"
      "b: 2  # a real comment stays\n";
  CHECK(strip_test_markup(text) == "a: 1\nb: 2  # a real comment stays\n");
}

TEST_CASE("every page shows the rule's real output on its bad.yaml") {
  const auto pages = generate_rule_docs(fs::path(testing::source_dir()) / "testdata" / "rules");
  const std::string& typo = pages.at("service-selector-typo.md");
  CHECK(typo.find("bad.yaml:") != std::string::npos);
  CHECK(typo.find("[NL1001 service-selector-typo]") != std::string::npos);
  CHECK(pages.at("README.md").find("| NL1002 | [service-selector-matches-no-pods]") != std::string::npos);
}

}  // namespace netlint::cli

namespace netlint::cli {

TEST_CASE("schemas/netlint-config.schema.json is what the config table and the registry generate") {
  std::vector<const diag::RuleInfo*> infos;
  for (const engine::Rule* rule : rules::all_rules()) infos.push_back(&rule->info());
  const std::string generated = config::config_json_schema(infos);
  std::ifstream in(fs::path(testing::source_dir()) / "schemas" / "netlint-config.schema.json", std::ios::binary);
  std::stringstream committed;
  committed << in.rdbuf();
  CHECK_MESSAGE(committed.str() == generated,
                "schemas/netlint-config.schema.json differs from the generated schema; regenerate with "
                "`build/release/netlint config-schema -o schemas/netlint-config.schema.json`");
  // Rule codes and names both complete, with their severities.
  CHECK(generated.find("\"NL1001\": {") != std::string::npos);
  CHECK(generated.find("\"service-selector-typo\": {") != std::string::npos);
}

}  // namespace netlint::cli
