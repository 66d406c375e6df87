// Findings of kustomize builds through the real binary (RULES.md "Kustomize", Anchoring): a value
// anchors where it was last written and the root kustomization of its build is related; builds
// alike are one finding naming them (engine/build_merge).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/source_paths.h"

namespace netlint {
namespace {
using nlohmann::json;

constexpr const char* kTree = "testdata/rules/service-selector-typo/kustomize-builds-alike";

json lint_tree() {
  const testing::CliRun run = testing::run_shell("cd '" + testing::source_dir() + "' && '" + testing::netlint_binary() +
                                                 "' --format json --no-timing --select NL1001 " + kTree);
  return json::parse(run.out);
}

std::vector<std::string> built_by(const json& diagnostic) {
  std::vector<std::string> roots;
  for (const json& related : diagnostic["related"]) {
    const std::string message = related["message"];
    if (message.rfind("built by ", 0) == 0) roots.push_back(related["file"]);
  }
  return roots;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("kustomize: every finding of a build relates its root kustomization, alike builds merge") {
    const json out = lint_tree();
    const std::string tree = kTree;
    REQUIRE(out["diagnostics"].size() == 2);
    // dev relabels the pods, so its suggestion differs: a finding of one build, still naming its root.
    const json& dev = out["diagnostics"][0];
    CHECK(dev["file"] == tree + "/base/service.yaml");
    CHECK(dev["message"].get<std::string>().find("[builds") == std::string::npos);
    CHECK(built_by(dev) == std::vector<std::string>{tree + "/overlays/dev/kustomization.yaml"});
    // prod and staging are alike: one finding, both roots related, the builds in the message.
    const json& alike = out["diagnostics"][1];
    CHECK(alike["message"].get<std::string>().find("[builds ") != std::string::npos);
    CHECK(built_by(alike) == std::vector<std::string>{tree + "/overlays/prod/kustomization.yaml",
                                                      tree + "/overlays/staging/kustomization.yaml"});
    // The run's builds, in build order, each with the objects it makes.
    REQUIRE(out["view"]["builds"].size() == 3);
    CHECK(out["view"]["builds"][0] ==
          json{{"root", tree + "/overlays/dev/kustomization.yaml"}, {"objects", 2}, {"unsupported", json::array()}});
  }

  TEST_CASE("kustomize: linting one overlay builds it with its base outside the walked folder") {
    // As `kubectl kustomize overlays/prod` reads ../../base: the base's objects are in the build,
    // and the finding in the base is reported, relating the overlay that built it.
    const std::string tree = kTree;
    const testing::CliRun run =
        testing::run_shell("cd '" + testing::source_dir() + "/" + tree + "/overlays/prod' && '" +
                           testing::netlint_binary() + "' --format json --no-timing --select NL1001 .");
    const json out = json::parse(run.out);
    REQUIRE(out["diagnostics"].size() == 1);
    CHECK(out["diagnostics"][0]["file"] == "../../base/service.yaml");
    CHECK(built_by(out["diagnostics"][0]) == std::vector<std::string>{"kustomization.yaml"});
    REQUIRE(out["view"]["builds"].size() == 1);
    CHECK(out["view"]["builds"][0]["objects"] == 2);
  }
}

}  // namespace netlint
