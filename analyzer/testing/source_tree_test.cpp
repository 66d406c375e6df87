// The source tree itself: no file includes <regex>. libstdc++'s std::regex recurses once per
// character and overflows the stack on long inputs (issue 16); RE2 or hand-written scanning
// are used instead, and this keeps it from coming back.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "analyzer/testing/source_paths.h"

namespace netlint {
namespace {
namespace fs = std::filesystem;

// `#include <regex>`, with any blanks between the parts.
bool includes_regex(std::string_view line) {
  const auto skip_blanks = [&] { line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size())); };
  const auto take = [&](std::string_view word) {
    skip_blanks();
    if (!line.starts_with(word)) return false;
    line.remove_prefix(word.size());
    return true;
  };
  return take("#") && take("include") && take("<regex>");
}

TEST_CASE("source tree: no file includes <regex>") {
  CHECK(includes_regex("#include <regex>"));
  CHECK(includes_regex("  #  include   <regex>  // comment"));
  CHECK_FALSE(includes_regex("#include <re2/re2.h>"));
  int files = 0;
  for (const char* top : {"analyzer", "rules", "tools"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(testing::source_dir()) / top)) {
      const std::string extension = entry.path().extension().string();
      if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".h")) continue;
      ++files;
      std::ifstream in(entry.path());
      std::string line;
      for (int number = 1; std::getline(in, line); ++number) {
        CHECK_MESSAGE(!includes_regex(line), entry.path().string(), ":", number,
                      ": use RE2 or plain scanning, not std::regex");
      }
    }
  }
  CHECK(files > 100);
}

}  // namespace
}  // namespace netlint
