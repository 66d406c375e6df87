// --stdin-filename (issue 20): standard input is analyzed as if it were PATH, as ruff, eslint and
// actionlint do for editors: reported under PATH, linked with the files of PATH's folder, put in
// PATH's `clusters:` view, and the file on disk at PATH is not read beside it. And a run that
// lints nothing says so on stderr.
#include <doctest/doctest.h>

#include <string>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/sample_manifests.h"

namespace netlint {
namespace {

constexpr const char* kDeployment = testing::kShopWebDeployment;
std::string service(const std::string& app) {
  return testing::shop_web_service(app);
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("--stdin-filename: the unsaved buffer replaces the file on disk, reported under its path") {
    testing::TempRepo repo("stdin-filename");
    repo.write("app/deploy.yaml", kDeployment);
    repo.write("app/svc.yaml", service("web"));
    repo.write("buffer.yaml", service("wbe"));
    const testing::CliRun run =
        testing::run_netlint_in(repo.root, "--color never --stdin-filename app/svc.yaml < buffer.yaml");
    CHECK(run.status == 1);
    CHECK(run.out.find("app/svc.yaml:5:19: error: [*] selector app=wbe matches no pods") != std::string::npos);
    CHECK(run.out.find("did you mean app=web (Deployment shop/web)") != std::string::npos);
    CHECK(run.out.find("1 file, 1 document, 1 object (Service 1)") != std::string::npos);
    // The saved file alone is fine: the finding came from the buffer, and only once.
    const testing::CliRun saved = testing::run_netlint_in(repo.root, "--color never app/svc.yaml");
    CHECK(saved.status == 0);
  }

  TEST_CASE("--stdin-filename puts standard input into its clusters: view") {
    testing::TempRepo repo("stdin-filename-clusters");
    repo.write(".netlint.yaml", "clusters:\n  prod: {paths: [\"prod/**\"]}\n  dev: {paths: [\"dev/**\"]}\n");
    repo.write("prod/deploy.yaml", kDeployment);
    std::string dev_deployment = kDeployment;
    for (std::size_t at = dev_deployment.find("app: web}"); at != std::string::npos;
         at = dev_deployment.find("app: web}", at)) {
      dev_deployment.replace(at, 9, "app: webb}");
    }
    repo.write("dev/deploy.yaml", dev_deployment);
    repo.write("buffer.yaml", service("web"));
    // In prod/ the Service selects the prod Deployment; in dev/ the pods are labelled webb.
    CHECK(testing::run_netlint_in(repo.root, "--color never --stdin-filename prod/svc.yaml - < buffer.yaml").status ==
          0);
    const testing::CliRun dev =
        testing::run_netlint_in(repo.root, "--color never --stdin-filename dev/svc.yaml - < buffer.yaml");
    CHECK(dev.out.find("dev/svc.yaml:5:19: error: [*] selector app=web matches no pods") != std::string::npos);
    CHECK(dev.out.find("[cluster dev]") != std::string::npos);
  }

  TEST_CASE("--stdin-filename beside paths without '-' is a usage error") {
    testing::TempRepo repo("stdin-filename-usage");
    repo.write("svc.yaml", service("web"));
    const testing::CliRun run =
        testing::run_netlint_in(repo.root, "--stdin-filename svc.yaml svc.yaml < svc.yaml", true);
    CHECK(run.status == 2);
    CHECK(run.out.find("--stdin-filename names standard input, but '-' is not among the paths") != std::string::npos);
  }

  TEST_CASE("a run that lints nothing says so; a Helm chart says how to lint what it renders") {
    testing::TempRepo repo("nothing-linted");
    repo.write("chart/Chart.yaml", "apiVersion: v2\nname: chart\nversion: 0.1.0\n");
    repo.write("chart/templates/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n");
    const testing::CliRun chart = testing::run_netlint_in(repo.root, "--color never chart", true);
    CHECK(chart.status == 0);
    CHECK(chart.out.find("netlint: no manifests found") != std::string::npos);
    CHECK(chart.out.find("helm template RELEASE CHART | netlint -") != std::string::npos);
    CHECK(chart.out.find("skipped 2 (helm-chart 1, template 1)") != std::string::npos);
    repo.write("app/svc.yaml", service("web"));
    const testing::CliRun linted = testing::run_netlint_in(repo.root, "--color never app", true);
    CHECK(linted.out.find("no manifests found") == std::string::npos);
  }

  TEST_CASE("helm template output on standard input reports at the template paths, in text, JSON and SARIF") {
    testing::TempRepo repo("helm-stream");
    repo.write("rendered.yaml",
               "---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata: {name: web, "
               "namespace: shop}\n"
               "spec:\n  selector: {app: wbe}\n  ports: [{port: 80}]\n"
               "---\n# Source: shop/templates/deployment.yaml\n" +
                   std::string(kDeployment));
    const testing::CliRun text = testing::run_netlint_in(repo.root, "--color never - < rendered.yaml");
    CHECK(text.out.find("shop/templates/service.yaml:7:19: error: [*] selector app=wbe matches no pods") !=
          std::string::npos);
    CHECK(text.out.find("shop/templates/deployment.yaml:") != std::string::npos);
    const testing::CliRun json = testing::run_netlint_in(repo.root, "--format json - < rendered.yaml");
    CHECK(json.out.find("\"shop/templates/service.yaml\"") != std::string::npos);
    const testing::CliRun sarif = testing::run_netlint_in(repo.root, "--format sarif - < rendered.yaml");
    CHECK(sarif.out.find("\"uri\": \"shop/templates/service.yaml\"") != std::string::npos);
  }
}

}  // namespace netlint
