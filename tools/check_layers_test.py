#!/usr/bin/env python3
"""Self-test of tools/check_layers.py (ctest `layers-selftest`): the check runs, as ctest runs it,
on small synthetic source trees in a temporary folder, and each case passes or fails as the
check's docstring promises. Without it a broken pattern would pass every real tree silently.

    python3 tools/check_layers_test.py
"""

import os
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_layers.py")


def run_tool(tool, files):
    """Writes `files` ({relative path: text}) into a fresh tree and runs `tool` on it, as ctest
    runs it; returns (exit status, output). Shared with check_one_home_test.py."""
    with tempfile.TemporaryDirectory() as root:
        for path, text in files.items():
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
        done = subprocess.run([sys.executable, tool, root], capture_output=True, text=True, check=False)
        return done.returncode, done.stdout + done.stderr


def run_check(files):
    return run_tool(CHECK, files)


class CheckLayersTest(unittest.TestCase):
    def assert_passes(self, files):
        status, output = run_check(files)
        self.assertEqual(status, 0, output)
        self.assertIn("layers: 0 problem(s)", output)

    def assert_fails(self, files, *expected):
        status, output = run_check(files)
        self.assertEqual(status, 1, output)
        for text in expected:
            self.assertIn(text, output)

    def test_include_of_a_lower_or_the_same_layer_passes(self):
        self.assert_passes({
            "analyzer/facts/detect.cpp": '#include "analyzer/model/model.h"\n#include "analyzer/facts/fact.h"\n',
            "rules/service/rule.cpp": '#include "analyzer/engine/view.h"\n',
        })

    def test_include_of_a_higher_layer_fails_with_file_and_line(self):
        self.assert_fails({"analyzer/model/model.h": '#pragma once\n#include "analyzer/facts/cluster_facts.h"\n'},
                          "analyzer/model/model.h:2: model includes facts, a higher layer")

    def test_include_of_rules_below_rules_fails(self):
        self.assert_fails({"analyzer/engine/engine.cpp": '#  include "rules/registry.h"\n'},
                          "engine includes rules, a higher layer")

    def test_forward_declaration_in_a_higher_namespace_fails(self):
        self.assert_fails({"analyzer/model/model.h": "namespace netlint::facts {\nstruct ClusterFacts;\n}\n"},
                          "analyzer/model/model.h:1: model names facts's namespace")
        self.assert_fails({"analyzer/model/model.h": "namespace netlint {\nnamespace facts {\nstruct X;\n}\n}\n"},
                          "analyzer/model/model.h:2: model names facts's namespace")

    def test_qualified_name_of_a_higher_layer_fails(self):
        self.assert_fails({"analyzer/yaml/tree.cpp": "int f() { return netlint::engine::run(); }\n"},
                          "yaml names engine's namespace")

    def test_other_namespaces_and_prose_pass(self):
        self.assert_passes({
            # `lb::facts::` is not netlint's facts; comments and strings may name anything.
            "analyzer/model/lb.cpp": ("int a = lb::facts::x;  // facts::ClusterFacts reads this\n"
                                      "/* engine::Rule */ const char* s = \"rules::all_rules\";\n"
                                      'const char* r = R"(report::write)";\n'),
        })

    def test_rule_code_literal_below_the_engine_fails(self):
        self.assert_fails({"analyzer/loader/loader.cpp": 'const char* code = "NL0001";\n'},
                          "analyzer/loader/loader.cpp:1: loader spells a rule code")

    def test_rule_code_literal_in_the_engine_and_above_passes(self):
        self.assert_passes({
            "analyzer/engine/engine_codes.h": 'inline constexpr const char* kCode = "NL0002";\n',
            "rules/input/parse_error.cpp": 'const char* code = "NL0001";\n',
        })

    def test_comment_naming_a_rule_code_passes(self):
        self.assert_passes({"analyzer/model/model.h": '// NL0001 reports these; "NL0004" too\n/* "NL0005" */\n'})

    def test_test_files_are_exempt(self):
        self.assert_passes({"analyzer/model/model_test.cpp": '#include "analyzer/cli/analysis.h"\nauto c = "NL0001";\n'})

    def test_unknown_layer_fails(self):
        self.assert_fails({"analyzer/newlayer/thing.h": "#pragma once\n"},
                          "layer 'newlayer' is not in tools/check_layers.py ORDER")


if __name__ == "__main__":
    unittest.main()
