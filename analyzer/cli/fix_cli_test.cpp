// Fixes as data (issue 22), end to end through the binary: the exact edit each rule attaches
// (JSON output), and `--fix`, `--diff` and `--unsafe-fixes` on a copy of the demo: the typo'd
// selector and backend are fixed in place, the rest is left and reported.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/source_paths.h"

namespace netlint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json lint_json(const std::string& dir, const std::string& args) {
  const testing::CliRun run = testing::run_netlint_in(dir, "--format json --no-timing " + args);
  REQUIRE((run.status == 0 || run.status == 1));
  return json::parse(run.out);
}

// The fix of the one finding of `code` on `line` whose message contains `words`.
json fix_at(const json& report, const std::string& code, int line, const std::string& words) {
  for (const json& d : report["diagnostics"]) {
    if (d["code"] == code && d.contains("start") && d["start"]["line"] == line &&
        d["message"].get<std::string>().find(words) != std::string::npos) {
      return d.value("fix", json());
    }
  }
  FAIL("no ", code, " finding on line ", line, " with \"", words, "\"");
  return json();
}

struct Expected {
  const char* file;
  const char* code;
  int line;
  const char* words;
  const char* replacement;
  const char* applicability;
};

// One edit, on the finding's line, writing `replacement`.
void check_fix(const json& report, const Expected& e) {
  CAPTURE(e.file);
  CAPTURE(e.line);
  const json fix = fix_at(report, e.code, e.line, e.words);
  REQUIRE(fix.is_object());
  CHECK(fix["applicability"] == e.applicability);
  REQUIRE(fix["edits"].size() == 1);
  CHECK(fix["edits"][0]["start"]["line"] == e.line);
  CHECK(fix["edits"][0]["replacement"] == e.replacement);
}

void copy_demo(const fs::path& to) {
  fs::copy(fs::path(testing::source_dir()) / "testdata" / "demo", to, fs::copy_options::recursive);
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("rules attach the exact edit their help names") {
    const Expected cases[] = {
        {"testdata/demo/production/orders.yaml", "NL1001", 36, "selector app=order-service", "orders-service", "safe"},
        {"testdata/demo/production/ingress.yaml", "NL3001", 29, "order-servce", "order-service", "safe"},
        // The container port behind Service port 80: the Service may be the one to change.
        {"testdata/demo/production/ingress.yaml", "NL3002", 24, "port 8080", "80", "unsafe"},
        {"testdata/rules/invalid-field/enums.yaml", "NL0004", 15, "protocol tcp", "TCP", "safe"},
        {"testdata/rules/invalid-field/enums.yaml", "NL0004", 23, "NodePorts", "NodePort", "safe"},
        {"testdata/rules/invalid-field/bad.yaml", "NL0004", 19, "label value yes", "\"yes\"", "safe"},
        {"testdata/rules/invalid-field/bad.yaml", "NL0004", 64, "ConfigMap data value true", "\"true\"", "safe"},
        {"testdata/rules/coredns-corefile-invalid/bad.yaml", "NL4101", 20, "forwad", "forward", "safe"},
        {"testdata/rules/coredns-corefile-invalid/bad.yaml", "NL4101", 14, "podz", "pods", "safe"},
        {"testdata/rules/ingress-nginx-unknown-annotation/bad.yaml", "NL6003", 28, "proxy-read-timout",
         "nginx.ingress.kubernetes.io/proxy-read-timeout", "safe"},
        {"testdata/rules/ingress-nginx-unknown-key/bad.yaml", "NL6001", 22, "proxy-read-timout", "proxy-read-timeout",
         "safe"},
        {"testdata/rules/kube-proxy-unknown-field/bad.yaml", "NL5005", 13, "conntrak", "conntrack", "safe"},
    };
    for (const Expected& e : cases) {
      const std::string args = e.file == std::string("testdata/demo/production/orders.yaml") ||
                                       e.file == std::string("testdata/demo/production/ingress.yaml")
                                   ? "--config testdata/demo/.netlint.yaml testdata/demo"
                                   : std::string("--select ALL,nursery ") + e.file;
      const json report = lint_json(testing::source_dir(), args);
      check_fix(report, e);
    }
  }

  TEST_CASE("a boolean env value gets quoted; a finding without a certain edit has no fix") {
    testing::TempRepo repo("fix-env");
    repo.write("pod.yaml",
               "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  containers:\n  - name: c\n"
               "    image: nginx\n    env:\n    - name: DEBUG\n      value: true\n");
    const json report = lint_json(repo.root.string(), "pod.yaml");
    const json fix = fix_at(report, "NL0004", 12, "env value true");
    REQUIRE(fix.is_object());
    CHECK(fix["title"] == "quote it: \"true\"");
    CHECK(fix["edits"][0]["start"] == json{{"line", 12}, {"column", 14}});
    CHECK(fix["edits"][0]["end"] == json{{"line", 12}, {"column", 18}});
    CHECK(fix["edits"][0]["replacement"] == "\"true\"");
    // NL1003 on the demo names two ways out: no fix.
    const json demo = lint_json(testing::source_dir(), "--config testdata/demo/.netlint.yaml testdata/demo");
    CHECK(fix_at(demo, "NL1003", 40, "targetPort \"metrics\"").is_null());
  }

  TEST_CASE("--fix on the demo fixes the typo'd selector and backend and leaves the rest") {
    testing::TempRepo repo("fix-demo");
    copy_demo(repo.root / "demo");
    const std::string orders = repo.read("demo/production/orders.yaml");
    const std::string ingress = repo.read("demo/production/ingress.yaml");
    const testing::CliRun run =
        testing::run_netlint_in(repo.root, "--color never --no-timing --config demo/.netlint.yaml --fix demo", true);
    // Errors remain (NL3002, NL6005, ...): the status is the re-lint's.
    CHECK(run.status == 1);
    CHECK(run.out.find(
              "netlint: fixed demo/production/ingress.yaml:29:23: NL3001 change the backend to order-service\n") !=
          std::string::npos);
    CHECK(run.out.find(
              "netlint: fixed demo/production/orders.yaml:36:10: NL1001 change the selector to app=orders-service\n") !=
          std::string::npos);
    CHECK(run.out.find("netlint: 2 fixes applied\n") != std::string::npos);
    CHECK(run.out.find("netlint: 1 unsafe fix not applied") != std::string::npos);
    // Exactly those two edits, nothing else in any file.
    std::string expected_orders = orders;
    expected_orders.replace(expected_orders.find("    app: order-service\n"), 23, "    app: orders-service\n");
    CHECK(repo.read("demo/production/orders.yaml") == expected_orders);
    std::string expected_ingress = ingress;
    expected_ingress.replace(expected_ingress.find("name: order-servce"), 18, "name: order-service");
    CHECK(repo.read("demo/production/ingress.yaml") == expected_ingress);
    for (const auto& entry : fs::recursive_directory_iterator(repo.root / "demo")) {
      if (!entry.is_regular_file()) continue;
      const std::string relative = fs::relative(entry.path(), repo.root / "demo").string();
      if (relative == "production/orders.yaml" || relative == "production/ingress.yaml") continue;
      CAPTURE(relative);
      CHECK(repo.read("demo/" + relative) ==
            testing::TempRepo::read_path(fs::path(testing::source_dir()) / "testdata" / "demo" / relative));
    }
    // The report after the fixes: NL1001 and NL3001 are gone, the rest stays.
    CHECK(run.out.find("[NL1001") == std::string::npos);
    CHECK(run.out.find("[NL3001") == std::string::npos);
    CHECK(run.out.find("[NL3002 ingress-backend-port-unresolved]") != std::string::npos);
    CHECK(run.out.find("[NL1003 service-target-port-unresolved]") != std::string::npos);
    // A second run has nothing safe left to fix.
    const testing::CliRun again = testing::run_netlint_in(repo.root, "--config demo/.netlint.yaml --fix demo", true);
    CHECK(again.out.find("netlint: 0 fixes applied\n") != std::string::npos);
  }

  TEST_CASE("--diff prints what --fix would do and changes nothing; --unsafe-fixes adds the unsafe ones") {
    testing::TempRepo repo("fix-diff");
    copy_demo(repo.root / "demo");
    const std::string before = repo.read("demo/production/ingress.yaml");
    const testing::CliRun diff = testing::run_netlint_in(repo.root, "--config demo/.netlint.yaml --diff demo");
    CHECK(diff.status == 1);
    CHECK(diff.out.find("--- a/demo/production/ingress.yaml\n+++ b/demo/production/ingress.yaml\n") !=
          std::string::npos);
    CHECK(diff.out.find("-                name: order-servce\n+                name: order-service\n") !=
          std::string::npos);
    CHECK(diff.out.find("-    app: order-service\n+    app: orders-service\n") != std::string::npos);
    CHECK(diff.out.find("+                  number: 80\n") == std::string::npos);
    CHECK(repo.read("demo/production/ingress.yaml") == before);
    const testing::CliRun unsafe =
        testing::run_netlint_in(repo.root, "--config demo/.netlint.yaml --diff --unsafe-fixes demo");
    CHECK(unsafe.out.find("-                  number: 8080\n+                  number: 80\n") != std::string::npos);
    CHECK(repo.read("demo/production/ingress.yaml") == before);
    // Nothing to fix: status 0, no diff.
    testing::TempRepo clean("fix-diff-clean");
    clean.write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
    const testing::CliRun none = testing::run_netlint_in(clean.root, "--diff .");
    CHECK(none.status == 0);
    CHECK(none.out.empty());
  }

  TEST_CASE("the text report marks fixable findings [*] and counts them, the unsafe ones as hidden") {
    const std::string demo = "--no-timing --config testdata/demo/.netlint.yaml testdata/demo";
    const testing::CliRun safe = testing::run_netlint_in(testing::source_dir(), demo);
    CHECK(safe.out.find("orders.yaml:36:10: error: [*] selector app=order-service") != std::string::npos);
    // The backend port 8080 has an unsafe fix only: no mark without --unsafe-fixes.
    CHECK(safe.out.find("ingress.yaml:24:27: error: port 8080") != std::string::npos);
    CHECK(safe.out.find("\n[*] 2 fixable with --fix (1 hidden fix can be enabled with --unsafe-fixes)\n") !=
          std::string::npos);
    const testing::CliRun unsafe = testing::run_netlint_in(testing::source_dir(), "--unsafe-fixes " + demo);
    CHECK(unsafe.out.find("ingress.yaml:24:27: error: [*] port 8080") != std::string::npos);
    CHECK(unsafe.out.find("\n[*] 3 fixable with --fix\n") != std::string::npos);
    // Only an unsafe fix: nothing fixable, the hidden one hinted.
    testing::TempRepo repo("fix-text-unsafe-only");
    copy_demo(repo.root / "demo");
    const testing::CliRun one =
        testing::run_netlint_in(repo.root, "--no-timing --config demo/.netlint.yaml --select NL3002 demo");
    CHECK(one.out.find("error: port 8080") != std::string::npos);
    CHECK(one.out.find("\nno fixes available (1 hidden fix can be enabled with --unsafe-fixes)\n") !=
          std::string::npos);
  }

  TEST_CASE("--diff and --fix on a folder without manifests say so on stderr, as lint does") {
    testing::TempRepo repo("fix-no-manifests");
    repo.write("notes.txt", "nothing to lint\n");
    const testing::CliRun diff = testing::run_netlint_in(repo.root, "--diff .", true);
    CHECK(diff.status == 0);
    CHECK(diff.out.find("netlint: no manifests found\n") != std::string::npos);
    const testing::CliRun fix = testing::run_netlint_in(repo.root, "--fix .", true);
    CHECK(fix.status == 0);
    CHECK(fix.out.find("netlint: no manifests found\n") != std::string::npos);
  }

  TEST_CASE("--fix never edits standard input") {
    testing::TempRepo repo("fix-stdin");
    repo.write("svc.yaml",
               "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: shop\nspec:\n  ports:\n  - port: "
               "80\n    protocol: tcp\n");
    const std::string before = repo.read("svc.yaml");
    const testing::CliRun run = testing::run_netlint_in(repo.root, "--fix --stdin-filename svc.yaml < svc.yaml", true);
    CHECK(run.out.find("netlint: 0 fixes applied") != std::string::npos);
    CHECK(repo.read("svc.yaml") == before);
    const testing::CliRun file = testing::run_netlint_in(repo.root, "--fix svc.yaml", true);
    CHECK(file.out.find("netlint: fixed svc.yaml:9:15: NL0004 write TCP") != std::string::npos);
    CHECK(repo.read("svc.yaml").find("    protocol: TCP\n") != std::string::npos);
  }
}

}  // namespace netlint
