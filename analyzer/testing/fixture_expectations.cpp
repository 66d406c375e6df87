#include "analyzer/testing/fixture_expectations.h"

#include <regex>

namespace netlint::testing {

void parse_expectations(std::string_view file, std::string_view text, std::vector<Expectation>& out,
                        FixtureDirectives& directives, std::vector<std::string>& errors) {
  // One expectation: `expect:` or `expect-next-line:`, a rule, a severity, an optional quoted part.
  static const std::regex kExpect(R"re((expect(?:-next-line)?):\s*([A-Za-z0-9-]+)\s+(error|warning|note)(?:\s+"((?:[^"\\]|\\.)*)")?)re");
  static const std::regex kDirective(R"re(#\s*netlint-test:\s*([a-z-]+)=(\S+))re");
  std::uint32_t line_number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string line(text.substr(pos, eol - pos));
    ++line_number;
    const auto hash = line.find('#');
    if (hash != std::string::npos) {
      const std::string comment = line.substr(hash);
      std::smatch d;
      if (std::regex_search(comment, d, kDirective)) directives.values[d[1]] = d[2];
      std::size_t found = 0;
      for (auto it = std::sregex_iterator(comment.begin(), comment.end(), kExpect); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        Expectation e;
        e.file = std::string(file);
        e.line = m[1] == "expect-next-line" ? line_number + 1 : line_number;
        e.rule = m[2];
        e.severity = m[3];
        e.message_part = std::regex_replace(m[4].str(), std::regex(R"(\\(.))"), "$1");
        out.push_back(std::move(e));
        ++found;
      }
      if (found == 0 && comment.find("expect") != std::string::npos &&
          std::regex_search(comment, std::regex(R"(expect(-next-line)?:)"))) {
        errors.push_back(std::string(file) + ":" + std::to_string(line_number) + ": malformed expectation: " + comment);
      }
    }
    if (eol == text.size()) break;
    pos = eol + 1;
  }
}

}  // namespace netlint::testing
