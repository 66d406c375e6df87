// Parsing and rules run on --jobs threads (issue 21); the output must not depend on how many.
// The demo and the whole fixture tree (every rule's cases in one view, with their configs left
// out) run once on one thread and once on eight; the text and JSON outputs must be identical.
#include <doctest/doctest.h>

#include <string>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/source_paths.h"

namespace netlint {
namespace {

// The elapsed time (text: " in 0.02s" ending the summary line; json: "seconds") is the one
// part that may differ.
std::string without_elapsed(std::string text) {
  if (const std::size_t at = text.find("\"seconds\": "); at != std::string::npos) {
    text.erase(at, text.find_first_of(",\n", at) - at);
  }
  const std::size_t at = text.rfind(" in ");
  if (at != std::string::npos && text.find('\n', at) == text.size() - 1) text.erase(at, text.size() - 1 - at);
  return text;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("one thread and eight threads give byte-identical findings") {
    testing::TempRepo scratch("parallel", false);
    scratch.write("empty.netlint.yaml", "{}\n");
    // The repository's own config leaves testdata/ out of the report: an empty one reports it all.
    const std::string all_fixtures =
        "--config '" + (scratch.root / "empty.netlint.yaml").string() + "' --select ALL,nursery testdata/rules";
    for (const std::string& input : {std::string("testdata/demo"), all_fixtures}) {
      CAPTURE(input);
      for (const char* format : {"text", "json"}) {
        const std::string args = std::string("--color never --format ") + format + " " + input;
        const testing::CliRun one = testing::run_netlint_in(testing::source_dir(), "--jobs 1 " + args);
        const testing::CliRun eight = testing::run_netlint_in(testing::source_dir(), "--jobs 8 " + args);
        CHECK(one.out.size() > 100);
        CHECK(one.status == eight.status);
        CHECK(without_elapsed(one.out) == without_elapsed(eight.out));
      }
    }
  }
}

}  // namespace netlint
