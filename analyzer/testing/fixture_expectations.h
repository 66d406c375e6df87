// Expectations written next to the data in fixture files (ARCHITECTURE.md "Fixtures"):
//   key: value   # expect: rule-name severity "message part"
//   # expect-next-line: rule-name severity "message part"
// and directives for a whole case:
//   # netlint-test: rules=all         run every rule (how precedence is tested)
//   # netlint-test: rules=NL4101,NL4102  run these rules (codes or names, comma-separated)
//   # netlint-test: inject=throwing-rule   add a test rule that throws (NL0002 fixtures)
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace netlint::testing {

struct Expectation {
  std::string file;        // path as loaded
  std::uint32_t line = 0;  // 1-based
  std::string rule;        // rule name (or code)
  std::string severity;
  std::string message_part;  // may be empty
};

struct FixtureDirectives {
  std::map<std::string, std::string> values;  // "rules" -> "all", ...
};

// Parses expectations and directives from one file's text; malformed `expect:` comments are
// returned in `errors` (a fixture with a typo in its expectation must fail, not pass silently).
void parse_expectations(std::string_view file, std::string_view text, std::vector<Expectation>& out,
                        FixtureDirectives& directives, std::vector<std::string>& errors);

}  // namespace netlint::testing
