#include "analyzer/testing/fixture_expectations.h"

#include <re2/re2.h>

namespace netlint::testing {
namespace {

// The quoted part as meant: `\x` is `x`.
std::string unescaped(std::string_view quoted) {
  std::string out;
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted[i] == '\\' && i + 1 < quoted.size()) ++i;
    out += quoted[i];
  }
  return out;
}

}  // namespace

void parse_expectations(std::string_view file, std::string_view text, std::vector<Expectation>& out,
                        FixtureDirectives& directives, std::vector<std::string>& errors) {
  // RE2, not std::regex: libstdc++'s regex recurses once per character and overflows the stack on
  // long lines (issue 16). RE2's `\s` leaves out \v and its `.` takes \r, where std::regex's did
  // not; fixture comments hold neither.
  // One expectation: `expect:` or `expect-next-line:`, a rule, a severity, an optional quoted part.
  static const RE2 kExpect(
      R"re((expect(?:-next-line)?):\s*([A-Za-z0-9-]+)\s+(error|warning|note)(?:\s+"((?:[^"\\]|\\.)*)")?)re");
  static const RE2 kDirective(R"re(#\s*netlint-test:\s*([a-z-]+)=(\S+))re");
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
      std::string key, value;
      if (RE2::PartialMatch(comment, kDirective, &key, &value)) directives.values[key] = value;
      std::size_t found = 0;
      re2::StringPiece rest(comment);
      std::string kind, rule, severity, quoted;
      while (RE2::FindAndConsume(&rest, kExpect, &kind, &rule, &severity, &quoted)) {
        Expectation e;
        e.file = std::string(file);
        e.line = kind == "expect-next-line" ? line_number + 1 : line_number;
        e.rule = rule;
        e.severity = severity;
        e.message_part = unescaped(quoted);
        out.push_back(std::move(e));
        ++found;
      }
      if (found == 0 &&
          (comment.find("expect:") != std::string::npos || comment.find("expect-next-line:") != std::string::npos)) {
        errors.push_back(std::string(file) + ":" + std::to_string(line_number) + ": malformed expectation: " + comment);
      }
    }
    if (eol == text.size()) break;
    pos = eol + 1;
  }
}

}  // namespace netlint::testing
