// `--format sarif` and `--format github` through the real binary: the exit status is the same as
// for text, URIs are relative to the git root whatever the working directory (or to --base-dir),
// percent-encoded, and absolute file:/// outside it; --sarif-category and --help-uri-base land in
// the log. (tools/check_sarif.py validates the same outputs against the schema and the multitool.)
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/source_paths.h"
#include <string>

namespace netlint {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

using testing::TempRepo;
using Run = testing::CliRun;

// netlint `args` run with the working directory `dir`; stderr dropped.
Run run_in(const fs::path& dir, const std::string& args) {
  return testing::run_netlint_in(dir, args);
}

// A Service whose selector (app: webb) is a near miss of the Deployment's label: one NL1001.
constexpr const char* kTypo =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n"
    "spec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n"
    "---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n"
    "  selector: {app: webb}\n  ports: [{port: 80}]\n";

std::string first_uri(const json& log) {
  return log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("--format sarif: the demo, with the exit status of the text format and the category") {
    const Run run = run_in(testing::source_dir(), "--format sarif --sarif-category netlint/ testdata/demo");
    CHECK(run.status == 1);
    const json log = json::parse(run.out);
    REQUIRE(log["runs"].size() == 1);
    CHECK(log["runs"][0]["automationDetails"]["id"] == "netlint/");
    CHECK(log["runs"][0]["results"].size() >= 2);
    CHECK(first_uri(log).starts_with("testdata/demo/"));
    CHECK(run_in(testing::source_dir(), "--format sarif --fail-on never testdata/demo").status == 0);
  }

  TEST_CASE("--format sarif: URIs relative to the git root from any folder, or to --base-dir; absolute outside") {
    const TempRepo repo("sarif-repo");
    repo.write("my dir/svc#1.yaml", kTypo);
    const Run from_root = run_in(repo.root, "--format sarif 'my dir/svc#1.yaml'");
    CHECK(from_root.status == 1);
    CHECK(first_uri(json::parse(from_root.out)) == "my%20dir/svc%231.yaml");
    const Run from_sub = run_in(repo.root / "my dir", "--format sarif 'svc#1.yaml'");
    CHECK(first_uri(json::parse(from_sub.out)) == "my%20dir/svc%231.yaml");
    const Run based = run_in(repo.root, "--format sarif --base-dir 'my dir' 'my dir/svc#1.yaml'");
    CHECK(first_uri(json::parse(based.out)) == "svc%231.yaml");
    // A file outside the root: the absolute path as a file URI.
    const TempRepo other("sarif-other", /*git=*/false);
    other.write("x.yaml", kTypo);
    const Run outside = run_in(repo.root, fmt::format("--format sarif '{}/x.yaml'", other.root.string()));
    CHECK(first_uri(json::parse(outside.out)) ==
          fmt::format("file://{}/x.yaml", fs::weakly_canonical(other.root).string()));
    const Run help = run_in(repo.root, "--format sarif --help-uri-base https://docs.example/r 'my dir/svc#1.yaml'");
    const json rules = json::parse(help.out)["runs"][0]["tool"]["driver"]["rules"];
    REQUIRE(!rules.empty());
    CHECK(rules[0]["helpUri"].get<std::string>().starts_with("https://docs.example/r/"));
  }

  TEST_CASE("--format sarif: an empty folder is a log with every rule and no results") {
    const TempRepo empty("sarif-empty", /*git=*/false);
    const Run run = run_in(empty.root, "--format sarif .");
    CHECK(run.status == 0);
    const json log = json::parse(run.out);
    CHECK(log["runs"][0]["results"] == json::array());
    CHECK(log["runs"][0]["tool"]["driver"]["rules"].size() >= 7);
  }

  TEST_CASE("--format github: one workflow command per finding, exit status kept") {
    const TempRepo repo("sarif-github", /*git=*/false);
    repo.write("a.yaml", kTypo);
    const Run run = run_in(repo.root, "--format github a.yaml");
    CHECK(run.status == 1);
    CHECK(
        run.out.starts_with("::error file=a.yaml,line=13,col=19,endLine=13,endColumn=23,"
                            "title=NL1001 service-selector-typo::selector app=webb matches no pods"));
    CHECK(run.out.find("%0Ahelp: ") != std::string::npos);
    // The finding, then the run-level `namespaces` note as a notice without a file.
    CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 2);
    CHECK(run.out.find("\n::notice title=NL0006 namespaces::1 namespace: ") != std::string::npos);
    CHECK(run_in(repo.root, "--format github --fail-on never a.yaml").status == 0);
    // Paths relative to the repository root, from a subfolder too, as GitHub reads them.
    fs::create_directories(repo.root / ".git");
    repo.write("deploy/b.yaml", kTypo);
    CHECK(
        run_in(repo.root / "deploy", "--format github b.yaml").out.starts_with("::error file=deploy/b.yaml,line=13,"));
  }
}

}  // namespace netlint
