#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzer/loader/generator_sources.h"
#include "analyzer/testing/cli_run.h"

namespace netlint {

TEST_CASE("generator sources: read inside the kustomization's folder only, ConfigMaps only, bounded") {
  const testing::TempRepo repo("generator-sources", /*git=*/false);
  const std::string root = repo.root.generic_string();
  const std::string kustomization =
      "configMapGenerator:\n- name: a\n  envs: [a.env, ../outside.env, /etc/hostname]\n  files: [key=conf/b.json, "
      "big.txt, missing.txt]\n"
      "secretGenerator:\n- name: s\n  envs: [secret.env]\n";
  repo.write("app/kustomization.yaml", kustomization);
  repo.write("app/a.env", "k=v\n");
  repo.write("app/conf/b.json", "{}\n");
  repo.write("app/big.txt", std::string(kMaxGeneratorSource + 1, 'x'));
  repo.write("app/secret.env", "password=hunter2\n");
  repo.write("outside.env", "k=v\n");

  std::vector<InputText> inputs(1);
  inputs[0].path = root + "/app/kustomization.yaml";
  inputs[0].text = kustomization;
  inputs[0].reported = false;  // context: its sources are context too
  const kustomize::BuildPlan plan = kustomize::plan_builds(inputs);
  const std::vector<FileId> named_by = add_generator_sources(inputs, plan, kMaxGeneratorSource);

  // The env file and the file source inside app/: read, skipped as kustomize inputs (never linted
  // on their own), context like their kustomization. Not ../outside.env, /etc/hostname (outside
  // the folder, as kustomize's default load restrictor), big.txt (over a ConfigMap's 1 MiB), the
  // missing file or the Secret's source.
  REQUIRE(inputs.size() == 3);
  CHECK(inputs[1].path == root + "/app/conf/b.json");  // a generator's files, then its env files
  CHECK(inputs[2].path == root + "/app/a.env");
  CHECK(inputs[2].text == "k=v\n");
  for (std::size_t i = 1; i < inputs.size(); ++i) {
    CHECK(inputs[i].skip == SkipReason::kKustomize);
    CHECK_FALSE(inputs[i].reported);
  }
  CHECK(named_by == std::vector<FileId>{0, 0});

  // A source already among the inputs is not read twice.
  const std::vector<FileId> again = add_generator_sources(inputs, plan, kMaxGeneratorSource);
  CHECK(again.empty());
  CHECK(inputs.size() == 3);
}

}  // namespace netlint
