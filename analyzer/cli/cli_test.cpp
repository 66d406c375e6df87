// The command line as users run it: the real binary, its exit statuses, its output. Also the
// whole-catalog golden run on testdata/demo (set NETLINT_UPDATE_GOLDEN=1 to rewrite it).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzer/testing/cli_run.h"
#include "analyzer/source/input_file.h"
#include "analyzer/testing/source_paths.h"

namespace netlint {
namespace {
namespace fs = std::filesystem;

using testing::TempRepo;
using Run = testing::CliRun;

// Runs netlint with `args` (a shell fragment) from the source directory; stderr goes to stdout
// when `merge` is set; `env` is put before the command (variables, or a `cd DIR &&`).
Run netlint(const std::string& args, bool merge = false, const std::string& env = "") {
  return testing::run_shell("cd '" + testing::source_dir() + "' && " + env + " '" + testing::netlint_binary() + "' " +
                            args + (merge ? " 2>&1" : " 2>/dev/null"));
}

// Runs netlint with the working directory `dir`.
Run netlint_in(const fs::path& dir, const std::string& args, bool merge = false) {
  return testing::run_netlint_in(dir, args, merge);
}

constexpr const char* kWebDeployment =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n"
    "spec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n";
std::string service_selecting(const std::string& app) {
  return "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: " + app +
         "}\n  ports: [{port: 80}]\n";
}

// A run that a regression could hang (a FIFO opened for reading) ends after 20 s (status 124).
Run netlint_bounded(const fs::path& dir, const std::string& args) {
  return testing::run_shell(
      fmt::format("cd '{}' && timeout 20 '{}' {} 2>&1", dir.string(), testing::netlint_binary(), args));
}

// The same in bash, for process substitution: `<(...)` is /dev/fd/63.
Run netlint_bash(const fs::path& dir, const std::string& args) {
  const std::string script =
      fmt::format("cd '{}' && timeout 20 '{}' {} 2>&1", dir.string(), testing::netlint_binary(), args);
  std::string quoted;
  for (const char c : script) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return testing::run_shell("bash -c '" + quoted + "'");
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// A folder with a known finding: Deployment pods app=web, a Service selecting app=wbe (NL1001).
void write_known_finding(const TempRepo& repo, const std::string& folder = "") {
  repo.write(folder + "app.yaml", kWebDeployment);
  repo.write(folder + "svc.yaml", service_selecting("wbe"));
}
constexpr const char* kKnownFinding = "svc.yaml:5:19: error: [*] selector app=wbe";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("exit status 1 with findings at or above --fail-on, 0 below") {
    CHECK(netlint("testdata/demo").status == 1);
    CHECK(netlint("--fail-on error testdata/demo").status == 1);  // the demo has an error
    CHECK(netlint("--fail-on never testdata/demo").status == 0);
    // Only a warning (NL1002) in this case:
    const std::string warn_only = "testdata/rules/service-selector-matches-no-pods/bad.yaml";
    CHECK(netlint("--fail-on error " + warn_only).status == 0);
    CHECK(netlint("--fail-on warning " + warn_only).status == 1);
    CHECK(netlint("testdata/rules/internal-error/good.yaml --fail-on note").status == 0);  // no finding at all
  }

  TEST_CASE("exit status 2 for usage errors and missing paths") {
    CHECK(netlint("--no-such-flag testdata/demo").status == 2);
    CHECK(netlint("--fail-on sometimes testdata/demo").status == 2);
    const Run missing = netlint("testdata/does-not-exist", true);
    CHECK(missing.status == 2);
    CHECK(missing.out.find("no such file or directory: testdata/does-not-exist") != std::string::npos);
  }

  TEST_CASE("--version, --help and the rules table") {
    const Run version = netlint("--version");
    CHECK(version.status == 0);
    CHECK(version.out.find("netlint 0.") == 0);
    const Run help = netlint("--help");
    CHECK(help.status == 0);
    CHECK(help.out.find("Exit status:") != std::string::npos);
    const Run rules = netlint("rules");
    CHECK(rules.status == 0);
    CHECK(rules.out.find("NL1001  error     service-selector-typo") != std::string::npos);
    CHECK(rules.out.find("NL0002") != std::string::npos);
  }

  TEST_CASE("standard input is read with '-'") {
    const Run run = netlint("--no-timing - < testdata/rules/service-selector-typo/bad.yaml");
    CHECK(run.status == 1);
    CHECK(run.out.find("-:27:10: error: [*] selector app=order-service") == 0);
  }

  TEST_CASE("colour only when asked or on a terminal; NO_COLOR wins over auto") {
    CHECK(netlint("--no-timing testdata/demo").out.find('\033') == std::string::npos);  // a pipe
    CHECK(netlint("--color always testdata/demo").out.find('\033') != std::string::npos);
    CHECK(netlint("--color auto testdata/demo", false, "NO_COLOR=1").out.find('\033') == std::string::npos);
  }

  TEST_CASE("a gcc-style first line, a caret excerpt, help and related notes") {
    const Run run = netlint("--no-timing testdata/rules/service-selector-typo/bad.yaml");
    const std::string expected =
        "testdata/rules/service-selector-typo/bad.yaml:27:10: error: [*] selector app=order-service matches no pods in "
        "namespace \"production\"; did you mean app=orders-service (Deployment production/order-service) "
        "[NL1001 service-selector-typo]\n"
        " 27 |     app: order-service   # expect: service-selector-typo error \"selector app=order-service matches no "
        "pods in namespace \\\"production\\\"; did you mean app=orders-service (Deployment "
        "production/order-service)\"\n"
        "    |          ^~~~~~~~~~~~~\n"
        "  help: change the selector to app=orders-service, or the pod template's label to match it\n"
        "testdata/rules/service-selector-typo/bad.yaml:14:14: note: label app=orders-service of Deployment "
        "production/order-service\n"
        " 14 |         app: orders-service\n"
        "    |              ^~~~~~~~~~~~~~\n"
        // The repository's own .netlint.yaml has no select: the `selection` note says what v3 leaves out.
        "view: note: the config has no select, so the default groups (correctness, suspicious, perf) run; 10 codes of "
        "netlint v2 are off: NL1007, NL2007, NL3005, NL4105, NL4107, NL4108, NL4109, NL5003, NL6101, NL6102 (add them "
        "with extend-select, or set select) [NL0006 selection]\n"
        "view: note: 1 namespace: 0 complete, 0 open, 1 unknown (`netlint facts` lists each with its reason) "
        "[NL0006 namespaces]\n"
        "[*] 1 fixable with --fix\n"
        "1 file, 2 documents, 2 objects (Deployment 1, Service 1); 1 error, 0 warnings, 0 notes, 2 view notes\n";
    CHECK(run.out == expected);
  }

  TEST_CASE("whole-catalog golden run on the demo cluster") {
    // With the demo's own config: its edge/ folder is a cluster of its own (Flannel).
    const Run run = netlint("--no-timing --config testdata/demo/.netlint.yaml testdata/demo");
    const fs::path golden = fs::path(testing::source_dir()) / "testdata" / "reporters" / "demo.txt";
    if (const char* update = std::getenv("NETLINT_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
      std::ofstream(golden, std::ios::binary) << run.out;
    }
    CHECK(run.out == read_file(golden));
    CHECK(run.out.find("[NL1001 service-selector-typo] [cluster default]") != std::string::npos);
    CHECK(run.out.find("[NL2015 networkpolicy-not-enforced] [cluster edge]") != std::string::npos);
  }

  TEST_CASE("the repository is context: a Service named alone resolves against the whole repository") {
    const TempRepo repo("context");
    repo.write("deploy/app.yaml", kWebDeployment);
    repo.write("deploy/svc.yaml", service_selecting("web"));
    repo.write("other/broken-svc.yaml", service_selecting("ghost"));  // context: never reported
    const Run ok = netlint_in(repo.root, "--no-timing deploy/svc.yaml");
    CHECK(ok.status == 0);
    CHECK(ok.out ==
          "view: note: 1 namespace: 0 complete, 0 open, 1 unknown (`netlint facts` lists each with its reason) [NL0006 "
          "namespaces]\n"
          "1 file, 1 document, 1 object (Service 1); 0 errors, 0 warnings, 0 notes, 1 view note\n");
    repo.write("deploy/svc.yaml", service_selecting("wbe"));
    const Run typo = netlint_in(repo.root, "--no-timing deploy/svc.yaml");
    CHECK(typo.status == 1);
    CHECK(typo.out.find("deploy/svc.yaml:5:19: error: [*] selector app=wbe") == 0);
    CHECK(typo.out.find("deploy/app.yaml:6:30: note: label app=web of Deployment shop/web") != std::string::npos);
    CHECK(typo.out.find("broken-svc") == std::string::npos);
  }

  TEST_CASE("--context reads a folder for references without reporting it") {
    const TempRepo dir("context-flag", /*git=*/false);
    dir.write("app/app.yaml", kWebDeployment);
    dir.write("svc/svc.yaml", service_selecting("web"));
    dir.write("app/ghost.yaml", service_selecting("ghost"));
    CHECK(netlint_in(dir.root, "svc").status == 0);  // outside a repository: no implicit context...
    CHECK(netlint_in(dir.root, "--namespace shop svc").status == 0);
    const Run lone = netlint_in(dir.root, "--no-timing svc/svc.yaml");
    CHECK(lone.out.find("0 errors, 0 warnings") != std::string::npos);  // shop holds no pod source: unknown
    const Run with_context = netlint_in(dir.root, "--no-timing --context app svc");
    CHECK(with_context.status == 0);
    CHECK(with_context.out.find("ghost") == std::string::npos);
    // A typo only has a near miss when the workload is read: with --context, NL1001 finds it.
    dir.write("svc/svc.yaml", service_selecting("wbe"));
    CHECK(netlint_in(dir.root, "--no-timing svc").out.find("NL1001") == std::string::npos);
    const Run typo = netlint_in(dir.root, "--no-timing --context app svc");
    CHECK(typo.status == 1);
    CHECK(typo.out.find("app/app.yaml:6:30: note: label app=web") != std::string::npos);
  }

  TEST_CASE(".netlint.yaml: found upward, validated, and its rules, failOn, include and exclude apply") {
    const TempRepo repo("config");
    repo.write("deploy/app.yaml", kWebDeployment);
    repo.write("deploy/svc.yaml", service_selecting("wbe"));
    repo.write("vendor/x.yaml", service_selecting("ghost"));

    repo.write(".netlint.yaml", "rulse: {}\n");
    const Run bad = netlint_in(repo.root / "deploy", "svc.yaml", true);
    CHECK(bad.status == 2);
    CHECK(bad.out.find(".netlint.yaml:1:1: error: unknown key 'rulse' in the top level; did you mean 'rules'?") !=
          std::string::npos);

    repo.write(".netlint.yaml", "rules:\n  service-selector-typo: {severity: note}\n");
    const Run note = netlint_in(repo.root, "--no-timing deploy/svc.yaml");
    CHECK(note.status == 0);  // a note is below the default --fail-on warning
    CHECK(note.out.find(": note: [*] selector app=wbe") != std::string::npos);
    CHECK(netlint_in(repo.root, "--fail-on note deploy/svc.yaml").status == 1);

    repo.write(".netlint.yaml", "failOn: never\nrules: {NL1001: {severity: off}}\n");
    const Run off = netlint_in(repo.root, "--no-timing deploy/svc.yaml");
    CHECK(off.out.find("[NL1001 ") == std::string::npos);
    CHECK(off.out.find("of netlint v2 are off: NL1001, ") != std::string::npos);  // the `selection` note
    const Run enabled = netlint_in(repo.root, "--no-timing --enable NL1001 deploy/svc.yaml");
    CHECK(enabled.status == 0);  // failOn: never from the config
    CHECK(enabled.out.find("[NL1001 service-selector-typo]") != std::string::npos);
    CHECK(netlint_in(repo.root, "--fail-on error --enable NL1001 deploy/svc.yaml").status == 1);

    // Without paths, the config's selection is what is reported: exclude drops vendor/.
    repo.write(".netlint.yaml", "exclude: [\"vendor/**\"]\n");
    const Run all = netlint_in(repo.root, "--no-timing");
    CHECK(all.out.find("deploy/svc.yaml") != std::string::npos);
    CHECK(all.out.find("vendor/") == std::string::npos);
    CHECK(all.out.find("2 files") != std::string::npos);
    repo.write(".netlint.yaml", "include: [\"vendor/**\"]\n");
    CHECK(netlint_in(repo.root, "--no-timing").out.find("1 file,") != std::string::npos);

    const Run explicit_config = netlint_in(repo.root, "--config /nonexistent.yaml deploy", true);
    CHECK(explicit_config.status == 2);
  }

  TEST_CASE("negative fixtures: a walk skips them with a run-level note; a named file and `include` lint them") {
    const TempRepo repo("negative-fixtures");
    constexpr const char* kBroken = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n";
    repo.write("tests/invalid.yaml", kBroken);
    repo.write("tests/bad_policies/deny.yaml", kBroken);
    repo.write("tests/badger.yaml", kBroken);  // not `bad`: linted
    const Run walked = netlint_in(repo.root, "--no-timing --fail-on never tests");
    CHECK(count(walked.out, "[NL0001 parse-error]") == 1);
    CHECK(walked.out.find("tests/badger.yaml:3:") != std::string::npos);
    CHECK(walked.out.find("view: note: 2 negative fixtures skipped") != std::string::npos);
    CHECK(walked.out.find("[NL0006 negative-fixtures]\n") != std::string::npos);
    CHECK(walked.out.find("skipped 2 (negative-fixture 2)") != std::string::npos);
    // Named on the command line, a file is linted whatever its name (as netlint's own
    // testdata/rules/*/bad.yaml are by the fixture runner and the docs).
    const Run named = netlint_in(repo.root, "--no-timing --fail-on never tests/invalid.yaml");
    CHECK(named.out.find("tests/invalid.yaml:3:") != std::string::npos);
    CHECK(named.out.find("negative") == std::string::npos);
    // `include` overrides the skip (RULES.md), for a named folder and for the repository walk.
    repo.write(".netlint.yaml", "include: [\"tests/**\"]\n");
    CHECK(count(netlint_in(repo.root, "--no-timing --fail-on never tests").out, "[NL0001 parse-error]") == 3);
    CHECK(count(netlint_in(repo.root, "--no-timing --fail-on never").out, "[NL0001 parse-error]") == 3);
  }

  TEST_CASE("placeholders: unknown values with a run-level note; fill-in templates are counted skips") {
    const TempRepo repo("placeholders");
    repo.write("svc.yaml",
               "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ports:\n"
               "  - port: 80\n    targetPort: $WEB_PORT\n");
    repo.write("secret.yaml",
               "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: shop}\n"
               "stringData:\n  password: <your password: here>\n");
    const Run run = netlint_in(repo.root, "--no-timing --fail-on never .");
    CHECK(run.out.find("[NL0004") == std::string::npos);
    CHECK(run.out.find("[NL0001") == std::string::npos);
    CHECK(run.out.find("view: note: 1 document holds placeholders") != std::string::npos);
    CHECK(run.out.find("fill-in-template 1") != std::string::npos);
  }

  TEST_CASE("clusters: one view per cluster; findings name their clusters in text and JSON; facts per view") {
    const TempRepo repo("clusters");
    repo.write(".netlint.yaml",
               "clusters:\n"
               "  prod: {paths: [\"prod/**\", \"base/**\"], cluster: {domain: prod.local}}\n"
               "  staging: {paths: [\"staging/**\", \"base/**\"]}\n"
               "  typo: {paths: [\"prdo/**\"]}\n");
    repo.write("prod/app.yaml", kWebDeployment);
    repo.write("staging/app.yaml", kWebDeployment);
    repo.write("base/svc.yaml", service_selecting("wbe"));  // a typo in both clusters: one finding
    repo.write("prod/only.yaml",
               "apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {app: webb}\n"
               "  ports: [{port: 80}]\n");

    const Run text = netlint_in(repo.root, "--no-timing", true);
    CHECK(text.status == 1);
    CHECK(text.out.find("netlint: cluster typo: its paths match no input file") != std::string::npos);
    CHECK(text.out.find("base/svc.yaml:5:19: error: [*] selector app=wbe") != std::string::npos);
    CHECK(text.out.find("[NL1001 service-selector-typo] [clusters prod, staging]\n") != std::string::npos);
    CHECK(text.out.find("[NL1001 service-selector-typo] [cluster prod]\n") != std::string::npos);
    CHECK(text.out.find("4 files,") != std::string::npos);  // each file counted once

    const Run json = netlint_in(repo.root, "--format json");
    CHECK(json.out.find("\"clusters\": [\n        \"prod\",\n        \"staging\"\n      ]") != std::string::npos);

    const Run facts = netlint_in(repo.root, "facts");
    CHECK(facts.out.find("cluster prod:\nview: single") != std::string::npos);
    CHECK(facts.out.find("cluster staging:\nview: single") != std::string::npos);
    CHECK(facts.out.find("domain: prod.local\n  configured at .netlint.yaml:2:") != std::string::npos);
    CHECK(facts.out.find("domain: cluster.local (default)") != std::string::npos);
    const Run facts_json = netlint_in(repo.root, "facts --format json");
    CHECK(facts_json.out.find("\"cluster\": \"staging\"") != std::string::npos);
  }

  TEST_CASE("explain prints a rule's page by code or name; an unknown rule is a usage error with a did-you-mean") {
    const Run by_name = netlint("explain service-selector-typo");
    CHECK(by_name.status == 0);
    CHECK(by_name.out.starts_with("# NL1001 service-selector-typo\n"));
    CHECK(by_name.out.find("## How to fix") != std::string::npos);
    CHECK(by_name.out.find("[NL1001 service-selector-typo]") != std::string::npos);  // the example's real output
    CHECK(netlint("explain NL1001").out == by_name.out);
    // Away from the source tree (no fixtures) the rule's own documentation still prints.
    const Run elsewhere = netlint_in(fs::temp_directory_path(), "explain NL1001");
    CHECK(elsewhere.status == 0);
    CHECK(elsewhere.out.find("## Why is this bad?") != std::string::npos);
    const Run unknown = netlint("explain service-selector-typp", true);
    CHECK(unknown.status == 2);
    CHECK(unknown.out.find("did you mean 'service-selector-typo'?") != std::string::npos);
  }

  TEST_CASE("--disable and --enable take codes or names; unknown ones are usage errors") {
    const std::string typo = "testdata/rules/service-selector-typo/bad.yaml";
    CHECK(netlint("--disable NL1001 " + typo).status == 0);
    CHECK(netlint("--disable service-selector-typo " + typo).status == 0);
    const Run unknown = netlint("--disable service-selector-typ " + typo, true);
    CHECK(unknown.status == 2);
    CHECK(unknown.out.find(
              "unknown rule, group or prefix 'service-selector-typ'; did you mean 'service-selector-typo'?") !=
          std::string::npos);
  }

  TEST_CASE("--output writes the report to a file, atomically; json validates elsewhere") {
    const fs::path out = fs::temp_directory_path() / ("netlint-out-" + std::to_string(::getpid()) + ".json");
    const Run run = netlint("--format json --no-timing -o '" + out.string() + "' testdata/demo");
    CHECK(run.status == 1);
    CHECK(run.out.empty());
    CHECK(read_file(out) == netlint("--format json --no-timing testdata/demo").out);
    CHECK(read_file(out).find("\"code\": \"NL1001\"") != std::string::npos);
    fs::remove(out);
    CHECK(netlint("-o /nonexistent-dir/x.json testdata/demo").status == 2);
  }

  TEST_CASE("issue 16.5: -o writes through a FIFO, keeps a symlink a symlink, and never replaces an input") {
    const TempRepo repo("output-target", /*git=*/false);
    write_known_finding(repo, "deploy/");
    // A symlinked output: the target gets the report, the link stays.
    repo.write("reports/real.txt", "old\n");
    fs::create_symlink("real.txt", repo.root / "reports" / "link.txt");
    const Run linked = netlint_in(repo.root, "--no-timing -o reports/link.txt deploy");
    CHECK(linked.status == 1);
    CHECK(fs::is_symlink(repo.root / "reports" / "link.txt"));
    CHECK(repo.read("reports/real.txt").find(std::string("deploy/") + kKnownFinding) == 0);

    // A FIFO (like /dev/null, a node that is not a regular file) is written through, not renamed over.
    REQUIRE(::mkfifo((repo.root / "out.fifo").c_str(), 0600) == 0);
    const Run fifo = testing::run_shell(fmt::format(
        "cd '{}' && (timeout 20 cat out.fifo > got.txt &) && timeout 20 '{}' --no-timing -o out.fifo deploy; "
        "status=$?; sleep 0.2; exit $status",
        repo.root.string(), testing::netlint_binary()));
    CHECK(fifo.status == 1);
    CHECK(fs::is_fifo(repo.root / "out.fifo"));
    for (int i = 0; i < 50 && repo.read("got.txt").find("0 notes") == std::string::npos; ++i) ::usleep(100000);
    CHECK(repo.read("got.txt").find(std::string("deploy/") + kKnownFinding) == 0);

    // An output that is one of the inputs: named, found by a walk, or through another spelling.
    const std::string manifest = repo.read("deploy/svc.yaml");
    for (const std::string args :
         {"-o deploy/svc.yaml deploy", "-o ./deploy/../deploy/svc.yaml deploy/app.yaml deploy/svc.yaml",
          "-o reports/../deploy/app.yaml deploy/svc.yaml --context deploy/app.yaml"}) {
      CAPTURE(args);
      const Run clash = netlint_in(repo.root, args, true);
      CHECK(clash.status == 2);
      CHECK(clash.out.find("refusing to write the report to") != std::string::npos);
    }
    CHECK(repo.read("deploy/svc.yaml") == manifest);
    CHECK(repo.read("deploy/app.yaml") == kWebDeployment);
  }

  TEST_CASE("issue 16.6: a walk skips symlinks out of its root, loops and dangling links; a named symlink is read") {
    const TempRepo outside("symlink-outside", /*git=*/false);
    outside.write("svc.yaml", service_selecting("wbe") + "# SECRET-OUTSIDE-TEXT\n");
    const TempRepo repo("symlinks");
    write_known_finding(repo, "deploy/");
    fs::create_symlink(outside.root / "svc.yaml", repo.root / "deploy" / "link.yaml");
    fs::create_symlink("../../" + outside.root.filename().string() + "/svc.yaml",
                       repo.root / "deploy" / "relative.yaml");
    fs::create_symlink("/etc/passwd", repo.root / "deploy" / "passwd.yaml");
    fs::create_symlink("loop-b.yaml", repo.root / "deploy" / "loop-a.yaml");
    fs::create_symlink("loop-a.yaml", repo.root / "deploy" / "loop-b.yaml");
    fs::create_symlink("nothing.yaml", repo.root / "deploy" / "dangling.yaml");
    fs::create_symlink("svc.yaml", repo.root / "deploy" / "z-alias.yaml");  // inside: read (once)

    const Run walk = netlint_in(repo.root, "--no-timing deploy", true);
    CHECK(walk.status == 1);
    CHECK(walk.out.find(std::string("deploy/") + kKnownFinding) != std::string::npos);
    CHECK(count(walk.out, "[NL1001") == 1);
    CHECK(walk.out.find("SECRET-OUTSIDE-TEXT") == std::string::npos);
    CHECK(walk.out.find("root:") == std::string::npos);
    CHECK(count(walk.out, "netlint: skipped deploy/link.yaml: symlink to " +
                              (outside.root / "svc.yaml").generic_string() + ", outside") == 1);
    CHECK(count(walk.out, "netlint: skipped deploy/relative.yaml: symlink to " +
                              (outside.root / "svc.yaml").generic_string() + ", outside") == 1);
    CHECK(count(walk.out, "netlint: skipped deploy/passwd.yaml: symlink to /etc/passwd, outside the folder walked") ==
          1);
    CHECK(count(walk.out, "netlint: skipped deploy/loop-a.yaml: symlink loop") == 1);
    CHECK(count(walk.out, "netlint: skipped deploy/dangling.yaml: dangling symlink") == 1);
    CHECK(walk.out.find("skipped 6 (symlink-outside-root 3, broken-symlink 3)") != std::string::npos);

    // Without paths, the repository walk (the context root) skips them the same way.
    const Run all = netlint_in(repo.root, "--no-timing", true);
    CHECK(all.out.find("SECRET-OUTSIDE-TEXT") == std::string::npos);
    CHECK(count(all.out, "[NL1001") == 1);
    CHECK(all.out.find("symlink-outside-root 3") != std::string::npos);

    // Named on the command line, a symlink is the user's choice: read.
    const Run named = netlint_in(repo.root, "--no-timing deploy/link.yaml deploy/app.yaml", true);
    CHECK(named.status == 1);
    CHECK(named.out.find("deploy/link.yaml:5:19: error: [*] selector app=wbe") != std::string::npos);
  }

  TEST_CASE("issue 16.10: FIFOs never block; a walk skips them, named ones are refused, <(...) is linted") {
    const TempRepo repo("fifo", /*git=*/false);
    write_known_finding(repo);
    REQUIRE(::mkfifo((repo.root / "pipe.yaml").c_str(), 0600) == 0);
    const Run walk = netlint_bounded(repo.root, "--no-timing .");
    CHECK(walk.status == 1);
    CHECK(walk.out.find(kKnownFinding) != std::string::npos);
    CHECK(walk.out.find("netlint: skipped pipe.yaml: not a regular file") != std::string::npos);
    CHECK(walk.out.find("skipped 1 (not-regular-file 1)") != std::string::npos);

    for (const std::string flag : {"", "--config ", "--context ", "--baseline "}) {
      CAPTURE(flag);
      const Run named = netlint_bounded(repo.root, "--no-timing " + flag + "pipe.yaml app.yaml svc.yaml");
      CHECK(named.status == 2);
      CHECK(named.out.find("pipe.yaml") != std::string::npos);
      CHECK(named.out.find("not a regular file") != std::string::npos);
    }

    // Process substitution is a pipe the user made on purpose: read as a stream.
    const Run substituted = netlint_bash(repo.root, "--no-timing <(cat svc.yaml) app.yaml");
    CHECK(substituted.status == 1);
    CHECK(substituted.out.find("/dev/fd/63:5:19: error: [*] selector app=wbe") == 0);
    const Run config = netlint_bash(repo.root, "--no-timing --config <(echo 'failOn: never') app.yaml svc.yaml");
    CHECK(config.status == 0);
    CHECK(config.out.find(kKnownFinding) != std::string::npos);
  }

  TEST_CASE("issue 16.12: --max-file-size bounds the config, the baseline, stdin and pipes") {
    const TempRepo repo("max-size", /*git=*/false);
    write_known_finding(repo);
    // 5000 bytes of comments: valid YAML, JSON-padding for the baseline.
    const std::string padding = "yes '#' | head -c 5000";
    const Run config = netlint_bash(repo.root, "--max-file-size 1000 --config <(" + padding + ") app.yaml svc.yaml");
    CHECK(config.status == 2);
    CHECK(config.out.find("cannot read config file /dev/fd/") != std::string::npos);
    CHECK(config.out.find("larger than --max-file-size (1000 bytes)") != std::string::npos);

    repo.write("baseline.json", "{\"version\": 1, \"entries\": []}" + std::string(5000, ' ') + "\n");
    const Run baseline = netlint_bounded(repo.root, "--max-file-size 1000 --baseline baseline.json app.yaml svc.yaml");
    CHECK(baseline.status == 2);
    CHECK(baseline.out.find("cannot read baseline baseline.json: larger than --max-file-size (1000 bytes)") !=
          std::string::npos);
    CHECK(netlint_bounded(repo.root, "--baseline baseline.json app.yaml svc.yaml").status == 1);  // within the default

    const Run in = netlint_bash(repo.root, "--no-timing --max-file-size 1000 - app.yaml svc.yaml < <(" + padding + ")");
    CHECK(in.status == 1);
    CHECK(in.out.find(kKnownFinding) != std::string::npos);
    CHECK(in.out.find("netlint: skipped -: larger than --max-file-size (1000 bytes)") != std::string::npos);
    CHECK(in.out.find("(too-large 1)") != std::string::npos);
    const Run pipe = netlint_bash(repo.root, "--no-timing --max-file-size 1000 <(" + padding + ") app.yaml svc.yaml");
    CHECK(pipe.status == 1);
    CHECK(pipe.out.find("(too-large 1)") != std::string::npos);
  }

  TEST_CASE("issue 16.13: permission denied is named so; --config DIR is refused") {
    CHECK(describe_errno(EACCES) == "permission denied");
    CHECK(describe_errno(ENOENT) == "no such file or directory");
    const TempRepo repo("permissions", /*git=*/false);
    write_known_finding(repo);
    repo.write("conf/.netlint.yaml", "failOn: never\n");
    const Run dir = netlint_in(repo.root, "--config conf app.yaml svc.yaml", true);
    CHECK(dir.status == 2);
    CHECK(dir.out.find("cannot read config file conf: is a directory") != std::string::npos);

    repo.write("secret/x.yaml", kWebDeployment);
    fs::permissions(repo.root / "secret", fs::perms::none);
    if (::geteuid() == 0) {
      MESSAGE("running as root: chmod 000 does not stop reads; the 'permission denied' CLI check is skipped");
    } else {
      const Run denied = netlint_in(repo.root, "secret/x.yaml svc.yaml", true);
      CHECK(denied.status == 2);
      CHECK(denied.out.find("permission denied: secret/x.yaml") != std::string::npos);
    }
    fs::permissions(repo.root / "secret", fs::perms::owner_all);
  }
}

}  // namespace netlint
