// per-file-ignores (RULES.md "Rule groups and selection"): a glob on the finding's anchor file ->
// codes, names, groups or prefixes, applied as suppressions after precedence.
#include <doctest/doctest.h>

#include <string>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/sample_manifests.h"

namespace netlint {
namespace {

using testing::kShopWebDeployment;

void write_app(const testing::TempRepo& repo, const std::string& folder) {
  repo.write(folder + "/deploy.yaml", kShopWebDeployment);
  repo.write(folder + "/svc.yaml", testing::shop_web_service("wbe"));
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("per-file-ignores suppress by glob; the loser of an ignored winner stays silent") {
    testing::TempRepo repo("per-file-ignores");
    write_app(repo, "legacy");
    write_app(repo, "app");
    write_app(repo, "tests/e2e");
    repo.write(".netlint.yaml", "per-file-ignores:\n  \"legacy/**\": [NL1001]\n  \"tests/**\": [correctness]\n");
    const testing::CliRun run = testing::run_netlint_in(repo.root, "--color never .");
    CHECK(run.out.find("app/svc.yaml:5:19: error: [*] selector app=wbe") != std::string::npos);
    CHECK(run.out.find("legacy/svc.yaml") == std::string::npos);
    CHECK(run.out.find("tests/e2e/svc.yaml") == std::string::npos);
    // NL1001 beats NL1002 on this selector (one root cause): ignoring the winner does not let the
    // loser report it instead.
    CHECK(run.out.find("NL1002") == std::string::npos);
    CHECK(run.status == 1);
  }

  TEST_CASE("per-file-ignores naming nothing is a usage error with a did-you-mean") {
    testing::TempRepo repo("per-file-ignores-unknown");
    write_app(repo, "app");
    repo.write(".netlint.yaml", "per-file-ignores:\n  \"app/**\": [corectness]\n");
    const testing::CliRun run = testing::run_netlint_in(repo.root, ".", true);
    CHECK(run.status == 2);
    CHECK(run.out.find(
              "per-file-ignores \"app/**\": unknown rule, group or prefix 'corectness'; did you mean 'correctness'?") !=
          std::string::npos);
    repo.write(".netlint.yaml", "per-file-ignores:\n  \"app/**\": NL1001\n");
    const testing::CliRun not_a_list = testing::run_netlint_in(repo.root, ".", true);
    CHECK(not_a_list.status == 2);
    CHECK(not_a_list.out.find("must be a list of rules, groups or prefixes") != std::string::npos);
  }
}

}  // namespace netlint
