// Positions inside a Corefile embedded in a ConfigMap are exact in every output format: a
// reporter golden test (text, JSON, SARIF results) on testdata/reporters/corefile, plus checks
// that recompute each finding's line and columns from the input itself (code points for text
// and JSON, UTF-16 units for SARIF: the input has an astral character before a finding). Set
// NETLINT_UPDATE_GOLDEN=1 to rewrite the goldens.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/source_paths.h"

namespace netlint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kDir = fs::path(testing::source_dir()) / "testdata" / "reporters";
constexpr const char* kInput = "testdata/reporters/corefile/coredns.yaml";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string run(const std::string& format) {
  return testing::run_shell("cd '" + testing::source_dir() + "' && '" + testing::netlint_binary() +
                            "' --no-timing --format " + format + " " + kInput + " 2>/dev/null")
      .out;
}

void golden(const std::string& name, const std::string& actual) {
  const fs::path path = kDir / name;
  if (const char* update = std::getenv("NETLINT_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
  }
  CHECK_MESSAGE(actual == read_file(path), name);
}

// Line and column (1-based; code points, or UTF-16 units) of the first `word` in the input.
struct Where {
  int line = 0;
  int column = 0;
  int column_utf16 = 0;
};
Where locate(const std::string& text, const std::string& word) {
  const std::size_t at = text.find(word);
  REQUIRE(at != std::string::npos);
  Where w{1, 1, 1};
  for (std::size_t i = 0; i < at; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      w = {w.line + 1, 1, 1};
    } else if ((c & 0xC0) != 0x80) {  // the first byte of a code point
      ++w.column;
      w.column_utf16 += c >= 0xF0 ? 2 : 1;
    }
  }
  return w;
}

TEST_SUITE("corefile positions") {
  TEST_CASE("findings inside an embedded Corefile point at the exact token in text, JSON and SARIF") {
    const std::string input = read_file(fs::path(testing::source_dir()) / kInput);
    const std::string text = run("text");
    golden("corefile.txt", text);

    const std::string json_out = run("json");
    golden("corefile.json", json_out);
    const json j = json::parse(json_out);
    REQUIRE(j["diagnostics"].size() == 3);
    const char* tokens[] = {"stdout", "forwad", "podz"};
    for (std::size_t i = 0; i < 3; ++i) {
      const Where w = locate(input, std::string(tokens[i]) == "stdout" ? "stdout\n" : tokens[i]);
      const json& d = j["diagnostics"][i];
      CHECK(d["start"]["line"] == w.line);
      CHECK(d["start"]["column"] == w.column);
      CHECK(d["end"]["column"] == w.column + static_cast<int>(std::string(tokens[i]).size()));
      CHECK(text.find(std::string(kInput) + ":" + std::to_string(w.line) + ":" + std::to_string(w.column) +
                      ": error: ") != std::string::npos);
    }

    const json sarif = json::parse(run("sarif"));
    json results = sarif["runs"][0]["results"];
    for (json& r : results) r.erase("ruleIndex");  // the rule's index in the catalog moves as rules are added
    golden("corefile.sarif.json", results.dump(2) + "\n");
    REQUIRE(results.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      const Where w = locate(input, std::string(tokens[i]) == "stdout" ? "stdout\n" : tokens[i]);
      const json& region = results[i]["locations"][0]["physicalLocation"]["region"];
      CHECK(region["startLine"] == w.line);
      CHECK(region["startColumn"] == w.column_utf16);
    }
    // The astral character makes the columns differ: the test tells the two apart.
    CHECK(locate(input, "stdout\n").column_utf16 == locate(input, "stdout\n").column + 1);
  }
}

}  // namespace
}  // namespace netlint
