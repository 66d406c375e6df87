#!/usr/bin/env python3
"""One home per grammar (issue 17 items 1 and 4, "Done when"): the greps that keep the source tree
regular, as a ctest (`one-home`). In analyzer/ and rules/ (tests, comments and string literals
left out), code must not
  - parse a number outside analyzer/util/go_values.cpp: no std::sto*, strto*, ato*, sscanf or
    std::from_chars; go_atoi, go_parse_int/uint/float/bool/duration have Go's semantics, which
    the controllers netlint models use;
  - parse an IP address outside analyzer/util/cidr.cpp: no inet_pton/inet_aton/inet_addr;
    parse_ip and parse_cidr read addresses as Go's net package does;
  - size a list of rules by hand: no std::array<..., N> in rules/registry.cpp, and no
    std::array of rules or precedence entries with a written size anywhere (std::to_array and
    rules/rules.def deduce them).
The other greps of the issue have their own tests: no `#include <regex>` (analyzer/testing/
source_tree_test.cpp) and every rule file named after its rule (rules/registry_test.cpp).
Prints each hit with file and line; exit 1 when there is one.

    python3 tools/check_one_home.py [SOURCE_DIR]
"""
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_layers import NOT_CODE, blanked, checked_sources  # noqa: E402  (one blanker, one file walk)

NUMBER_PARSER = re.compile(
    r"(?<![\w:])(?:std::)?(?:sto(?:i|l|ll|ul|ull|f|d|ld)|strto(?:l|ll|ul|ull|f|d|ld|imax|umax)|ato(?:i|l|ll|f)"
    r"|sscanf|from_chars)\s*\(")
IP_PARSER = re.compile(r"(?<![\w:])inet_(?:pton|aton|addr|network)\s*\(")
SIZED_ARRAY = re.compile(r"std::array<[^;{}]*,\s*\d+\s*>")
RULE_ARRAY = re.compile(r"std::array<\s*(?:const\s+)?(?:engine::)?(?:Rule\s*\*|Precedence)[^;{}]*,\s*\d+\s*>")

# (pattern, the only file allowed to match, what to use instead)
CHECKS = [
    (NUMBER_PARSER, "analyzer/util/go_values.cpp", "parse numbers with util/go_values (Go's strconv)"),
    (IP_PARSER, "analyzer/util/cidr.cpp", "parse addresses with util/cidr's parse_ip or parse_cidr"),
    (RULE_ARRAY, None, "let the size be deduced (std::to_array, rules/rules.def)"),
]


def problems_in(path, text):
    code = blanked(NOT_CODE, text).split("\n")
    found = []
    for number, line in enumerate(code, 1):
        for pattern, home, advice in CHECKS:
            if path != home and pattern.search(line):
                found.append(f"{path}:{number}: {advice}: {text.split(chr(10))[number - 1].strip()}")
        if path == "rules/registry.cpp" and SIZED_ARRAY.search(line):
            found.append(f"{path}:{number}: a hand-sized rule list; let the size be deduced: {line.strip()}")
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    os.chdir(root)
    problems = []
    for path, text in checked_sources():
        problems.extend(problems_in(path.replace(os.sep, "/"), text))
    for p in problems:
        print(p)
    print(f"one home: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
