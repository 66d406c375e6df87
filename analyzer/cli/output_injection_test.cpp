// Values written by strangers never reach a terminal or a CI log as control sequences, nor as a
// line of their own (issue 16 item 8): every human format escapes them, JSON stays valid UTF-8,
// and an excerpt of a huge minified line is clipped around its range.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <string>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/source_paths.h"

namespace netlint {
namespace {

using testing::TempRepo;

// A Deployment whose name carries an OSC title sequence, a colour and a line that GitHub would read
// as a workflow command; its pods say app=web, and the Service selects the typo app=wbe, so NL1001
// names the Deployment in its message and related note.
constexpr const char* kHostile =
    "apiVersion: apps/v1\nkind: Deployment\n"
    "metadata: {name: \"web\\e]0;pwned\\a\\e[31m\\n::error file=x.yaml::injected\", namespace: shop}\n"
    "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
    "    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}\n"
    "---\n"
    "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
    "spec:\n  selector: {app: wbe}\n  ports: [{port: 80}]\n";

bool has_control(const std::string& text) {
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\n' && c != '\t') || b == 0x7f) return true;
  }
  return false;
}

bool has_line_starting(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0 || text.find("\n" + prefix) != std::string::npos;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("output injection: text, github, connectivity and mermaid escape controls in values") {
    TempRepo repo("injection");
    repo.write("app.yaml", kHostile);
    for (const std::string format : {"text", "github"}) {
      CAPTURE(format);
      const testing::CliRun run =
          testing::run_netlint_in(repo.root, "--format " + format + " --color always app.yaml", true);
      CHECK(run.status == 1);
      CHECK(run.out.find("NL1001") != std::string::npos);
      CHECK(run.out.find("web\\e]0;pwned\\x07\\e[31m\\n::error file=x.yaml::injected") != std::string::npos);
      CHECK_FALSE(run.out.find("pwned\x07") != std::string::npos);
      CHECK_FALSE(has_line_starting(run.out, "::error file=x.yaml"));
    }
    for (const std::string format : {"text", "mermaid", "dot"}) {
      CAPTURE(format);
      const testing::CliRun run =
          testing::run_netlint_in(repo.root, "connectivity --format " + format + " app.yaml", true);
      CHECK(run.status == 0);
      CHECK(run.out.find("pwned") != std::string::npos);
      CHECK_FALSE(has_control(run.out));
      CHECK_FALSE(has_line_starting(run.out, "::error"));
    }
  }

  TEST_CASE("output injection: a file name with a line break or a Latin-1 byte") {
    TempRepo repo("injection-names");
    // Different namespaces, so each file has its own finding (equal copies would merge).
    std::string other = kHostile;
    for (std::size_t at = other.find("shop"); at != std::string::npos; at = other.find("shop", at + 5))
      other.replace(at, 4, "shop2");
    repo.write("evil\n::error file=y.yaml::x.yaml", kHostile);
    repo.write("caf\xe9.yaml", other);
    const testing::CliRun text = testing::run_netlint_in(repo.root, ".", true);
    CHECK(text.out.find("evil\\n::error file=y.yaml::x.yaml:") != std::string::npos);
    CHECK(text.out.find("caf\\xe9.yaml:") != std::string::npos);
    CHECK_FALSE(has_line_starting(text.out, "::error file=y.yaml"));
    CHECK_FALSE(has_control(text.out));
    // JSON must be UTF-8 whatever the file system holds: nlohmann's parser rejects anything else.
    const testing::CliRun json = testing::run_netlint_in(repo.root, "--format json .");
    nlohmann::json parsed;
    CHECK_NOTHROW(parsed = nlohmann::json::parse(json.out));
    CHECK(json.out.find("caf\xef\xbf\xbd.yaml") != std::string::npos);
  }

  TEST_CASE("output injection: stderr warnings escape the file names they name") {
    TempRepo repo("injection-stderr");
    repo.write("app.yaml", kHostile);
    // A FIFO in the walk is skipped with a line on stderr that names it.
    const std::string fifo = (repo.root / "pipe\n::error file=z.yaml::boom\x1b[2J.yaml").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const testing::CliRun run = testing::run_netlint_in(repo.root, ".", true);
    CHECK(run.out.find("pipe\\n::error file=z.yaml::boom\\e[2J.yaml") != std::string::npos);
    CHECK_FALSE(has_line_starting(run.out, "::error file=z.yaml"));
    CHECK_FALSE(has_control(run.out));
    CHECK(run.out.find("NL1001") != std::string::npos);
  }

  TEST_CASE("usage: --namespace must be a namespace name, --base-dir an existing folder (exit 2)") {
    TempRepo repo("usage-values");
    repo.write("app.yaml", kHostile);
    for (const std::string bad : {"--namespace 'Prod'", "--namespace 'a b'", "--namespace '-x'", "--namespace ''",
                                  "--namespace \"$(printf 'x\\033[31m')\"", "--base-dir no-such-folder"}) {
      CAPTURE(bad);
      const testing::CliRun run = testing::run_netlint_in(repo.root, bad + " app.yaml", true);
      CHECK(run.status == 2);
      CHECK_FALSE(has_control(run.out));
    }
    for (const std::string sub : {"facts", "connectivity"}) {
      CHECK(testing::run_netlint_in(repo.root, sub + " --namespace Prod app.yaml").status == 2);
    }
    CHECK(testing::run_netlint_in(repo.root, "--namespace shop-2 --base-dir . app.yaml").status == 1);
  }

  TEST_CASE("walk: a folder netlint may not open is named on stderr, not skipped silently") {
    // Root opens every folder, so the run drops to the nobody user (setpriv, util-linux).
    TempRepo repo("unreadable-folder", false);
    repo.write("app/app.yaml", kHostile);
    repo.write("locked/more.yaml", kHostile);
    std::filesystem::permissions(repo.root, std::filesystem::perms::all);
    std::filesystem::permissions(repo.root / "app", std::filesystem::perms::all);
    std::filesystem::permissions(repo.root / "app" / "app.yaml", std::filesystem::perms::all);
    std::filesystem::permissions(repo.root / "locked", std::filesystem::perms::none);
    const std::string as_nobody = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    const testing::CliRun run = testing::run_shell(
        fmt::format("cd '{}' && {}'{}' . 2>&1", repo.root.string(), as_nobody, testing::netlint_binary()));
    std::filesystem::permissions(repo.root / "locked", std::filesystem::perms::all);
    CHECK(run.out.find("netlint: skipped folder ./locked: permission denied") != std::string::npos);
    CHECK(run.out.find("NL1001") != std::string::npos);  // the readable folder is still linted
  }

  TEST_CASE("output injection: an excerpt of a huge line is clipped around its range") {
    TempRepo repo("long-line");
    // One flow-style line of about 2 MB: a long annotation, then the Service's typo'd selector.
    std::string service =
        "{apiVersion: v1, kind: Service, metadata: {name: web, namespace: shop, annotations: {note: \"";
    service += std::string(2'000'000, 'x');
    service += "\"}}, spec: {selector: {app: wbe}, ports: [{port: 80}]}}\n";
    repo.write("app.yaml",
               "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n"
               "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
               "    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}\n---\n" +
                   service);
    const testing::CliRun run = testing::run_netlint_in(repo.root, "app.yaml", true);
    CHECK(run.status == 1);
    CHECK(run.out.find("NL1001") != std::string::npos);
    CHECK(run.out.size() < 4000);                              // the whole line would be 2 MB
    CHECK(run.out.find("\xe2\x80\xa6") != std::string::npos);  // "…" marks the clipped text
    CHECK(run.out.find("app: wbe}") != std::string::npos);
  }
}

}  // namespace netlint
