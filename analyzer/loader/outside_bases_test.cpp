#include "analyzer/loader/outside_bases.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzer/testing/cli_run.h"

namespace netlint {

TEST_CASE("outside bases: an overlay's base folder the walk never reached joins, with the files it names") {
  const testing::TempRepo repo("outside-bases", /*git=*/false);
  const std::string root = repo.root.generic_string();
  const std::string overlay = "resources: [../../base, ../../walked, ../../nothing]\npatches: [{path: patch.yaml}]\n";
  repo.write("overlays/prod/kustomization.yaml", overlay);
  repo.write("overlays/prod/patch.yaml", "kind: Service\nmetadata: {name: web}\n");
  repo.write("base/kustomization.yaml", "resources: [service.yaml, deep]\npatches: [{path: p.yaml}]\n");
  repo.write("base/service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n");
  repo.write("base/p.yaml", "kind: Service\nmetadata: {name: web}\n");
  repo.write("base/unnamed.yaml", "kind: Service\nmetadata: {name: other}\n");
  repo.write("base/deep/kustomization.yaml", "resources: [d.yaml]\n");
  repo.write("base/deep/d.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\n");
  repo.write("walked/kustomization.yaml", "resources: [w.yaml]\n");
  repo.write("walked/w.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\n");

  std::vector<InputText> inputs(3);
  inputs[0].path = root + "/overlays/prod/kustomization.yaml";
  inputs[0].text = overlay;
  inputs[1].path = root + "/overlays/prod/patch.yaml";
  inputs[1].text = "kind: Service\nmetadata: {name: web}\n";
  // The walk went into walked/ and filtered its kustomization out (an exclude): it stays out.
  inputs[2].path = root + "/walked/w.yaml";
  inputs[2].text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w}\n";
  inputs[2].reported = false;
  kustomize::BuildPlan plan = kustomize::plan_builds(inputs);
  const std::vector<FileId> named_by = add_outside_bases(inputs, plan, kMaxOutsideBaseFile);

  std::vector<std::string> added;
  for (std::size_t i = 3; i < inputs.size(); ++i) added.push_back(inputs[i].path.substr(root.size() + 1));
  CHECK(added == std::vector<std::string>{"base/kustomization.yaml", "base/deep/kustomization.yaml",
                                          "base/service.yaml", "base/p.yaml", "base/deep/d.yaml"});
  CHECK(named_by == std::vector<FileId>{0, 3, 3, 3, 4});
  for (std::size_t i = 3; i < inputs.size(); ++i) CHECK(inputs[i].reported);
  // The plan builds the overlay with its base: one root, reading the base's files.
  REQUIRE(plan.roots.size() == 1);
  CHECK(plan.side_files.size() == 2);
  CHECK(plan.resource_files.size() == 2);  // base/service.yaml and base/deep/d.yaml

  // Nothing is read twice.
  CHECK(add_outside_bases(inputs, plan, kMaxOutsideBaseFile).empty());
}

}  // namespace netlint
