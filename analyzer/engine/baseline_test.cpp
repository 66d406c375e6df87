// The baseline: fingerprints that survive shifted lines, a file that reads back what was written.
#include <doctest/doctest.h>

#include "analyzer/engine/baseline.h"
#include "analyzer/loader/loader.h"

namespace netlint::engine {
namespace {

constexpr diag::RuleInfo kA{
    .code = "NL1001", .name = "rule-a", .severity = diag::Severity::kError, .summary = "a", .doc = ""};
constexpr diag::RuleInfo kInternal{
    .code = "NL0002", .name = "internal-error", .severity = diag::Severity::kError, .summary = "internal", .doc = ""};

model::Model load(std::string text) {
  std::vector<InputText> inputs;
  inputs.push_back({"deploy/s.yaml", std::move(text), true, {}});
  return load_inputs(std::move(inputs), LoadOptions{}).model;
}

// A finding of kA at the first occurrence of `needle` in the model's only file.
diag::Diagnostic at(const model::Model& m, std::string_view needle, std::string message = "m",
                    const diag::RuleInfo& rule = kA) {
  diag::Diagnostic d;
  d.rule = &rule;
  const auto begin = static_cast<std::uint32_t>(m.files[0].text.find(needle));
  d.range = SourceRange{0, begin, begin + static_cast<std::uint32_t>(needle.size())};
  d.message = std::move(message);
  return d;
}

}  // namespace

TEST_CASE("baseline: a fingerprint ignores line numbers and blanks, not the line's text or the message") {
  const model::Model m1 = load("a: 1\nkey: {x: 1}\n");
  const model::Model m2 = load("# moved down\n\na: 1\n  key:   {x:  1}\n");
  const model::Model m3 = load("a: 1\nkey: {x: 2}\n");
  const auto e1 = baseline_entries(m1, std::vector{at(m1, "key")}, "");
  const auto e2 = baseline_entries(m2, std::vector{at(m2, "key")}, "");
  const auto e3 = baseline_entries(m3, std::vector{at(m3, "key")}, "");
  const auto e4 = baseline_entries(m1, std::vector{at(m1, "key", "another message")}, "");
  REQUIRE(e1.size() == 1);
  CHECK(e1[0].rule == "NL1001");
  CHECK(e1[0].path == "deploy/s.yaml");
  CHECK(e1[0].fingerprint.size() == 16);
  CHECK(e1[0].same(e2[0]));
  CHECK(!e1[0].same(e3[0]));
  CHECK(!e1[0].same(e4[0]));
  // Two equal findings are told apart by their order.
  const auto twice = baseline_entries(m1, std::vector{at(m1, "key"), at(m1, "key")}, "");
  CHECK(twice[0].occurrence == 1);
  CHECK(twice[1].occurrence == 2);
}

TEST_CASE("baseline: paths are relative to the repository root") {
  CHECK(repository_path("/repo/deploy/a.yaml", "/repo") == "deploy/a.yaml");
  CHECK(repository_path("/repo/deploy/../b.yaml", "/repo/") == "b.yaml");
  CHECK(repository_path("-", "/repo") == "-");
  CHECK(repository_path("./x/y.yaml", "") == "x/y.yaml");
}

TEST_CASE("baseline: the file is sorted, reads back, leaves NL0002 out and rejects other versions") {
  const model::Model m = load("b: 1\na: 2\n");
  std::vector<diag::Diagnostic> findings{at(m, "b", "second \"quoted\""), at(m, "a", "first"),
                                         at(m, "a", "boom", kInternal)};
  const std::string text = write_baseline(baseline_entries(m, findings, ""));
  CHECK(text.find("NL0002") == std::string::npos);
  std::vector<BaselineEntry> read;
  std::string error;
  REQUIRE(read_baseline(text, read, error));
  REQUIRE(read.size() == 2);
  CHECK(read[0].fingerprint < read[1].fingerprint);  // one path, one rule: sorted by fingerprint
  CHECK((read[0].message == "second \"quoted\"" || read[1].message == "second \"quoted\""));
  CHECK(drop_baselined(m, findings, read, "") == 2);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule->code == "NL0002");  // never baselined
  CHECK(!read_baseline("{\"version\": 2, \"entries\": []}", read, error));
  CHECK(!read_baseline("{\"version\": 1, \"entries\": [{\"rule\": \"NL1001\"}]}", read, error));
  CHECK(error == "entry 1 needs rule, path, fingerprint and occurrence");
  CHECK(!read_baseline("[1, 2", read, error));
}

}  // namespace netlint::engine

namespace netlint::engine {

TEST_CASE("baseline: read as a stream, one byte at a time, with JSON escapes and unknown keys") {
  const std::string text =
      "{\"tool\": {\"x\": [1, {\"y\": null}]}, \"version\": 1, \"entries\": [\n"
      "  {\"rule\": \"NL1001\", \"path\": \"d/\\u00e9.yaml\", \"fingerprint\": \"00ff\", \"occurrence\": 2,"
      " \"message\": \"a \\\"b\\\" \\ud83d\\ude00\\n\", \"extra\": [true]}]}\n";
  std::size_t at = 0;
  std::vector<BaselineEntry> read;
  std::string error;
  REQUIRE(read_baseline(
      [&](char* buffer, std::size_t) -> std::ptrdiff_t {
        if (at == text.size()) return 0;
        buffer[0] = text[at++];
        return 1;
      },
      read, error));
  REQUIRE(read.size() == 1);
  CHECK(read[0].path == "d/\xC3\xA9.yaml");
  CHECK(read[0].occurrence == 2);
  CHECK(read[0].message == "a \"b\" \xF0\x9F\x98\x80\n");
  CHECK(!read_baseline("{\"version\": 1, \"entries\": []} trailing", read, error));
  CHECK(error.starts_with("not JSON"));
  CHECK(!read_baseline("{\"version\": 1}", read, error));
  CHECK(error == "no 'entries' list");
}

}  // namespace netlint::engine
