#!/usr/bin/env python3
"""Self-test of tools/check_one_home.py (ctest `one-home-selftest`): the check runs on small
synthetic trees in a temporary folder; each grep must find what it promises and nothing in
comments, strings, tests or the grammar's own home.

    python3 tools/check_one_home_test.py
"""

import os
import sys
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_layers_test import run_tool  # noqa: E402  (one temp-tree runner for both self-tests)

CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_one_home.py")


def run_check(files):
    return run_tool(CHECK, files)


class CheckOneHomeTest(unittest.TestCase):
    def assert_fails(self, files, expected):
        status, output = run_check(files)
        self.assertEqual(status, 1, output)
        self.assertIn(expected, output)

    def test_number_parsers_outside_go_values_fail(self):
        for call in ("std::stoi(s)", "std::from_chars(b, e, n)", "sscanf(s, \"%d\", &n)", "strtoul(s, nullptr, 10)",
                     "atoi(s)", "std::stod(s)"):
            with self.subTest(call=call):
                self.assert_fails({"analyzer/facts/x.cpp": f"int f() {{ return {call}; }}\n"},
                                  "analyzer/facts/x.cpp:1: parse numbers with util/go_values")

    def test_ip_parser_outside_cidr_fails(self):
        self.assert_fails({"rules/dns/x.cpp": "bool f() { return inet_pton(AF_INET, s, b) == 1; }\n"},
                          "rules/dns/x.cpp:1: parse addresses with util/cidr")

    def test_hand_sized_rule_lists_fail(self):
        self.assert_fails({"rules/registry.cpp": "static const std::array<const engine::Rule*, 84> kRules = {};\n"},
                          "rules/registry.cpp:1:")
        self.assert_fails({"analyzer/cli/x.cpp": "std::array<engine::Precedence, 3> kOrder{};\n"},
                          "let the size be deduced")

    def test_homes_prose_tests_and_other_names_pass(self):
        status, output = run_check({
            "analyzer/util/go_values.cpp": "auto r = std::from_chars(b, e, n);\n",
            "analyzer/util/cidr.cpp": "int r = inet_pton(AF_INET, s, b);\n",
            "analyzer/facts/x.cpp": ("// std::stoi read \"12abc\" as 12\nauto n = go_atoi(s);\n"
                                     "const char* m = \"sscanf(\";\nauto p = netlint::parse_ip(s);\n"
                                     "std::array<std::string_view, 14> kNames{};\n"),
            "analyzer/facts/x_test.cpp": "int n = std::stoi(s);\n",
        })
        self.assertEqual(status, 0, output)
        self.assertIn("one home: 0 problem(s)", output)


if __name__ == "__main__":
    unittest.main()
