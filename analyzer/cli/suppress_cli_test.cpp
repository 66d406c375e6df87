// Suppressions and the baseline as users run them: the real binary, its files and exit statuses.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analyzer/testing/cli_run.h"

namespace netlint {
namespace {
namespace fs = std::filesystem;

using Repo = testing::TempRepo;
using Run = testing::CliRun;

// netlint in `dir`, without the run time; stdout and stderr together.
Run netlint_in(const fs::path& dir, const std::string& args) {
  return testing::run_netlint_in(dir, "--no-timing " + args, true);
}

constexpr const char* kDeployment =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n"
    "spec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n";

// A Service whose selector matches no pod in the known namespace shop: NL1002, a warning.
std::string service(const std::string& name, const std::string& extra_metadata = "", const std::string& app = "") {
  return fmt::format(
      "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {}\n  namespace: shop\n{}"
      "spec:\n  selector: {{app: {}}}\n  ports: [{{port: 80}}]\n",
      name, extra_metadata, app.empty() ? name : app);
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("baseline: recorded findings stay silent after lines shift; new ones are reported") {
    const Repo repo("baseline");
    repo.write("deploy/app.yaml", std::string(kDeployment) + service("cart"));
    const Run before = netlint_in(repo.root, "deploy");
    CHECK(before.status == 1);
    CHECK(before.out.find("app=cart") != std::string::npos);

    const Run write = netlint_in(repo.root, "--write-baseline netlint-baseline.json deploy");
    CHECK(write.status == 0);  // everything found is now recorded
    CHECK(write.out.find("wrote 1 finding to baseline netlint-baseline.json") != std::string::npos);
    CHECK(write.out.find("app=cart") == std::string::npos);
    const std::string baseline = repo.read("netlint-baseline.json");
    CHECK(baseline.find("\"version\": 1") != std::string::npos);
    CHECK(baseline.find("\"rule\": \"NL1002\"") != std::string::npos);
    CHECK(baseline.find("\"path\": \"deploy/app.yaml\"") != std::string::npos);  // relative to the repository

    const Run clean = netlint_in(repo.root, "--baseline netlint-baseline.json deploy");
    CHECK(clean.status == 0);
    CHECK(clean.out.find("app=cart") == std::string::npos);

    // Lines shift above the old finding, its own line is re-indented, and a new problem appears.
    repo.write("deploy/app.yaml", "# the shop\n\n" + std::string(kDeployment) +
                                      fmt::format("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n"
                                                  "  namespace: shop\nspec:\n  selector:   {{app:   cart}}\n"
                                                  "  ports: [{{port: 80}}]\n") +
                                      service("ledger"));
    const Run after = netlint_in(repo.root, "--baseline netlint-baseline.json deploy");
    CHECK(after.status == 1);
    CHECK(after.out.find("app=ledger") != std::string::npos);
    CHECK(after.out.find("app=cart") == std::string::npos);
    // From a subfolder the paths are still relative to the repository root.
    const Run nested = netlint_in(repo.root / "deploy", "--baseline ../netlint-baseline.json app.yaml");
    CHECK(nested.status == 1);
    CHECK(nested.out.find("app=ledger") != std::string::npos);
    CHECK(nested.out.find("app=cart") == std::string::npos);
    // Only the new finding counts for the exit status.
    CHECK(netlint_in(repo.root, "--baseline netlint-baseline.json --fail-on error deploy").status == 0);

    // A second Service with the same finding on an identical line is new: occurrences count.
    repo.write("deploy/app.yaml", std::string(kDeployment) + service("cart") + service("cart-copy", "", "cart"));
    const Run twice = netlint_in(repo.root, "--baseline netlint-baseline.json deploy");
    CHECK(twice.status == 1);
    CHECK(twice.out.find("app=cart") != std::string::npos);
    CHECK(twice.out.find("1 warning") != std::string::npos);
  }

  TEST_CASE("baseline: a missing or malformed baseline is a usage error") {
    const Repo repo("baseline-bad");
    repo.write("app.yaml", kDeployment);
    CHECK(netlint_in(repo.root, "--baseline missing.json app.yaml").status == 2);
    repo.write("bad.json", "{\"version\": 7, \"entries\": []}");
    const Run bad = netlint_in(repo.root, "--baseline bad.json app.yaml");
    CHECK(bad.status == 2);
    CHECK(bad.out.find("not a netlint baseline of version 1") != std::string::npos);
  }

  TEST_CASE("suppressions: unused ones are NL0003 notes, except for rules that did not run") {
    const Repo repo("suppress");
    repo.write("app.yaml", std::string(kDeployment) +
                               service("web", "  annotations: {netlint.io/ignore: \"NL1002 -- operator pods\"}\n") +
                               service("cart", "  annotations: {netlint.io/ignore: \"NL1002 -- operator pods\"}\n"));
    const Run run = netlint_in(repo.root, "--fail-on note app.yaml");
    CHECK(run.status == 1);
    CHECK(run.out.find("NL0003") != std::string::npos);
    CHECK(run.out.find("netlint.io/ignore NL1002 suppresses nothing in Service shop/web") != std::string::npos);
    CHECK(run.out.find("app=cart") == std::string::npos);  // suppressed
    // NL1002 did not run: its suppressions are not called unused.
    const Run disabled = netlint_in(repo.root, "--fail-on note --disable NL1002 app.yaml");
    CHECK(disabled.status == 0);
    CHECK(disabled.out.find("NL0003") == std::string::npos);
    // Nor when NL0003 itself is off.
    CHECK(netlint_in(repo.root, "--fail-on note --disable unused-suppression app.yaml").status == 0);
  }
}

}  // namespace netlint
