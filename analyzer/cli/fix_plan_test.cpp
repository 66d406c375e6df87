// Which fixes --fix takes (safe ones, unsafe ones only when asked, never two overlapping edits,
// a repeated fix once), the text they produce, and the unified diff --diff prints.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzer/cli/fix_plan.h"

namespace netlint::cli {
namespace {

const diag::RuleInfo kRule{.code = "NL1001", .name = "service-selector-typo", .summary = "", .doc = ""};

model::Model one_file(const std::string& text) {
  model::Model m;
  SourceFile f;
  f.id = 0;
  f.path = "svc.yaml";
  f.text = text;
  m.files.push_back(f);
  return m;
}

diag::Diagnostic with_fix(const std::string& text, const std::string& word, const std::string& replacement,
                          diag::Applicability applicability = diag::Applicability::kSafe) {
  const std::size_t at = text.find(word);
  REQUIRE(at != std::string::npos);
  diag::Diagnostic d;
  d.rule = &kRule;
  d.range = SourceRange{0, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + word.size())};
  d.fix = diag::Fix{"replace " + word, applicability, {diag::Edit{d.range, replacement}}};
  return d;
}

}  // namespace

TEST_CASE("plan_fixes takes the safe fixes, and the unsafe ones only when asked") {
  const std::string text = "a: one\nb: two\n";
  const model::Model m = one_file(text);
  const std::vector<diag::Diagnostic> ds{with_fix(text, "one", "1"),
                                         with_fix(text, "two", "2", diag::Applicability::kUnsafe)};
  const FixPlan safe = plan_fixes(m, ds, false, {true});
  REQUIRE(safe.files.size() == 1);
  CHECK(safe.files[0].after == "a: 1\nb: two\n");
  CHECK(safe.applied_count() == 1);
  CHECK(safe.unsafe_left == 1);
  const FixPlan all = plan_fixes(m, ds, true, {true});
  REQUIRE(all.files.size() == 1);
  CHECK(all.files[0].after == "a: 1\nb: 2\n");
  CHECK(all.unsafe_left == 0);
}

TEST_CASE("plan_fixes never applies two overlapping edits, and a repeated fix once") {
  const std::string text = "app: order-service\n";
  const model::Model m = one_file(text);
  const std::vector<diag::Diagnostic> ds{with_fix(text, "order-service", "orders-service"),
                                         with_fix(text, "order-service", "orders-service"),
                                         with_fix(text, "order", "ordering")};
  const FixPlan plan = plan_fixes(m, ds, false, {true});
  REQUIRE(plan.files.size() == 1);
  CHECK(plan.files[0].after == "app: orders-service\n");
  CHECK(plan.files[0].applied.size() == 1);
  REQUIRE(plan.skipped.size() == 1);
  CHECK(plan.skipped[0]->fix->edits[0].replacement == "ordering");
}

TEST_CASE("plan_fixes leaves files it may not write alone") {
  const std::string text = "app: order-service\n";
  const model::Model m = one_file(text);
  const FixPlan plan = plan_fixes(m, {with_fix(text, "order-service", "orders-service")}, false, {false});
  CHECK(plan.files.empty());
}

TEST_CASE("unified_diff: hunks with three lines of context, as diff -u prints them") {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
  std::string after = before;
  after.replace(after.find("2\n"), 2, "two\n");
  after.replace(after.find("11\n"), 3, "eleven\n");
  CHECK(unified_diff("f.yaml", before, after) ==
        "--- a/f.yaml\n+++ b/f.yaml\n"
        "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
        "@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n+eleven\n 12\n");
  CHECK(unified_diff("f.yaml", before, before).empty());
  CHECK(unified_diff("f.yaml", "a\nb", "a\nc") ==
        "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end "
        "of file\n");
}

}  // namespace netlint::cli
