// The command line as users run it: the real binary, its exit statuses, its output. Also the
// whole-catalog golden run on testdata/demo (set NETLINT_UPDATE_GOLDEN=1 to rewrite it).
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace netlint {
namespace {
namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string out;
};

// Runs netlint with `args` (a shell fragment) from the source directory; stderr goes to stdout
// when `merge` is set.
Run netlint(const std::string& args, bool merge = false, const std::string& env = "") {
  const std::string command = "cd '" NETLINT_SOURCE_DIR "' && " + env + " '" NETLINT_BINARY "' " + args +
                              (merge ? " 2>&1" : " 2>/dev/null");
  Run run;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

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
    CHECK(run.out.find("-:27:10: error: selector app=order-service") == 0);
  }

  TEST_CASE("colour only when asked or on a terminal; NO_COLOR wins over auto") {
    CHECK(netlint("--no-timing testdata/demo").out.find('\033') == std::string::npos);  // a pipe
    CHECK(netlint("--color always testdata/demo").out.find('\033') != std::string::npos);
    CHECK(netlint("--color auto testdata/demo", false, "NO_COLOR=1").out.find('\033') == std::string::npos);
  }

  TEST_CASE("a gcc-style first line, a caret excerpt, help and related notes") {
    const Run run = netlint("--no-timing testdata/rules/service-selector-typo/bad.yaml");
    const std::string expected =
        "testdata/rules/service-selector-typo/bad.yaml:27:10: error: selector app=order-service matches no pods in "
        "namespace \"production\"; did you mean app=orders-service (Deployment production/order-service) "
        "[NL1001 service-selector-typo]\n"
        " 27 |     app: order-service   # expect: service-selector-typo error \"selector app=order-service matches no "
        "pods in namespace \\\"production\\\"; did you mean app=orders-service (Deployment production/order-service)\"\n"
        "    |          ^~~~~~~~~~~~~\n"
        "  help: change the selector to app=orders-service, or the pod template's label to match it\n"
        "testdata/rules/service-selector-typo/bad.yaml:14:14: note: label app=orders-service of Deployment "
        "production/order-service\n"
        " 14 |         app: orders-service\n"
        "    |              ^~~~~~~~~~~~~~\n"
        "1 file, 2 documents, 2 objects (Deployment 1, Service 1); 1 error, 0 warnings, 0 notes\n";
    CHECK(run.out == expected);
  }

  TEST_CASE("whole-catalog golden run on the demo cluster") {
    const Run run = netlint("--no-timing testdata/demo");
    const fs::path golden = fs::path(NETLINT_SOURCE_DIR) / "testdata" / "reporters" / "demo.txt";
    if (const char* update = std::getenv("NETLINT_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
      std::ofstream(golden, std::ios::binary) << run.out;
    }
    CHECK(run.out == read_file(golden));
    CHECK(run.out.find("[NL1001 service-selector-typo]") != std::string::npos);
  }
}

}  // namespace netlint
