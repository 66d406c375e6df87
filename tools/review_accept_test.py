#!/usr/bin/env python3
"""Self-test of tools/review-accept (ctest `review-accept-selftest`): matching, precision and the
gate on a tiny synthetic corpus and hand-written finding lists. No netlint run.

    python3 tools/review_accept_test.py
"""

import importlib.machinery
import importlib.util
import io
import os
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))


def load_tool():
    # review-accept has no .py suffix: load it by path.
    loader = importlib.machinery.SourceFileLoader("review_accept", os.path.join(HERE, "review-accept"))
    spec = importlib.util.spec_from_loader("review_accept", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


ra = load_tool()

# Three documents: lines 1-4, 5-9 (the `---` on line 5 opens the second), 10-12.
MULTI = """\
apiVersion: v1
kind: Service
metadata:
  name: a
---
apiVersion: v1
kind: Service
metadata:
  name: b
--- # a comment after the marker
kind: Service
metadata: {name: c}
"""


def finding(path, line, code, severity="warning", project="p", message="m"):
    return ra.Finding(project, path, line, 1 if line else None, code, severity, message)


class Corpus(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.corpus = self.tmp.name
        os.makedirs(os.path.join(self.corpus, "p", "dir"))
        with open(os.path.join(self.corpus, "p", "dir", "multi.yaml"), "w") as f:
            f.write(MULTI)
        self.docs = ra.Documents(self.corpus)

    def tearDown(self):
        self.tmp.cleanup()

    def rows(self, review, residual=()):
        rows, problems = ra.load_review(review, list(residual))
        self.assertEqual(problems, [])
        return rows

    def test_documents(self):
        self.assertEqual([self.docs.document("p", "dir/multi.yaml", n) for n in (1, 4, 5, 9, 10, 12)],
                         [0, 0, 1, 1, 2, 2])
        self.assertIsNone(self.docs.document("p", "missing.yaml", 3))

    def test_read_rows_checks_columns(self):
        path = os.path.join(self.corpus, "REVIEW.tsv")
        with open(path, "w") as f:
            f.write("p\tdir/multi.yaml\t2\tNL1001\ttrue\twhy\n\n")
        self.assertEqual(ra.read_rows(path), [("p", "dir/multi.yaml", 2, "NL1001", "true", "why")])
        with open(path, "w") as f:
            f.write("project\tpath\tline\tcode\tverdict\treason\n")
        with self.assertRaises(ValueError):
            ra.read_rows(path)

    def test_same_document_matches_other_document_does_not(self):
        rows = self.rows([("p", "dir/multi.yaml", 2, "NL1001", "true", "r")])
        self.assertEqual(list(ra.match([finding("dir/multi.yaml", 4, "NL1001")], rows, self.docs)), [0])
        # Line 5 is the `---` line, which opens the next document.
        self.assertEqual(ra.match([finding("dir/multi.yaml", 5, "NL1001")], rows, self.docs), {})
        self.assertEqual(ra.match([finding("dir/multi.yaml", 11, "NL1001")], rows, self.docs), {})

    def test_code_path_and_project_must_be_equal(self):
        rows = self.rows([("p", "dir/multi.yaml", 2, "NL1001", "true", "r")])
        found = [finding("dir/multi.yaml", 2, "NL1002"), finding("dir/other.yaml", 2, "NL1001"),
                 finding("dir/multi.yaml", 2, "NL1001", project="q")]
        self.assertEqual(ra.match(found, rows, self.docs), {})

    def test_exact_line_first_then_line_order_one_finding_per_row(self):
        rows = self.rows([("p", "dir/multi.yaml", 7, "NL1001", "false", "r1"),
                          ("p", "dir/multi.yaml", 9, "NL1001", "true", "r2")])
        found = [finding("dir/multi.yaml", 6, "NL1001"), finding("dir/multi.yaml", 9, "NL1001"),
                 finding("dir/multi.yaml", 8, "NL1001")]
        matched = ra.match(found, rows, self.docs)
        self.assertEqual(matched[1].line, 9)  # exact pair, although 6 comes first in line order
        self.assertEqual(matched[0].line, 7)  # the rest in line order
        self.assertNotIn(2, matched)  # no row left: unjudged

    def test_unreadable_file_matches_exact_line_only(self):
        rows = self.rows([("p", "gone.yaml", 3, "NL1001", "true", "r"), ("p", "gone.yaml", 10, "NL1001", "true", "r")])
        matched = ra.match([finding("gone.yaml", 3, "NL1001"), finding("gone.yaml", 4, "NL1001")], rows, self.docs)
        self.assertEqual(list(matched), [0])

    def test_run_level_and_locationless_findings(self):
        rows = self.rows([("p", "dir/multi.yaml", 2, "NL0006", "false", "run-level"),
                          ("p", "dir/multi.yaml", 2, "NL1001", "true", "r")])
        self.assertEqual([r.code for r in rows], ["NL1001"])  # NL0006 rows are left out
        found = [finding("dir/multi.yaml", 2, "NL0006", "note"), finding("-", None, "NL4001")]
        self.assertEqual(ra.match(found, rows, self.docs), {})
        counts = ra.tally(found, {}, {})
        self.assertEqual(counts["all"], {"true": 0, "false": 0, "unjudged": 1})
        self.assertEqual([f.code for f in ra.unjudged(found, {})], ["NL4001"])

    def test_precision_per_severity_and_group(self):
        rows = self.rows([("p", "dir/multi.yaml", 2, "NL1001", "true", "r"),
                          ("p", "dir/multi.yaml", 6, "NL1001", "false", "r"),
                          ("p", "dir/multi.yaml", 11, "NL2002", "true", "r")])
        found = [finding("dir/multi.yaml", 2, "NL1001", "error"), finding("dir/multi.yaml", 6, "NL1001", "error"),
                 finding("dir/multi.yaml", 11, "NL2002", "warning"), finding("dir/multi.yaml", 1, "NL3001", "warning")]
        matched = ra.match(found, rows, self.docs)
        counts = ra.tally(found, matched, {"NL1001": "correctness", "NL2002": "suspicious"})
        self.assertEqual(counts["all"], {"true": 2, "false": 1, "unjudged": 1})
        self.assertEqual(counts["severity error"], {"true": 1, "false": 1, "unjudged": 0})
        self.assertEqual(counts["severity warning"], {"true": 1, "false": 0, "unjudged": 1})
        self.assertEqual(counts["severity note"], {"true": 0, "false": 0, "unjudged": 0})
        self.assertEqual(counts["group correctness"]["false"], 1)
        self.assertEqual(counts["group NL3xxx"]["unjudged"], 1)  # no group known: the code's family
        line = ra.precision_line("all", counts["all"])
        self.assertIn("precision 0.667", line)
        self.assertIn("bounds 0.500..0.750", line)
        out = io.StringIO()
        ra.report("default", found, matched, {}, out)
        self.assertIn("2 judged true, 1 judged false, 1 unjudged", out.getvalue())
        self.assertIn("p  dir/multi.yaml:1  NL3001  m", out.getvalue())

    def test_gate(self):
        rows = self.rows(
            [("p", "dir/multi.yaml", 2, "NL1001", "false", "wrong"),
             ("p", "dir/multi.yaml", 6, "NL1002", "false", "residual one"),
             ("p", "dir/multi.yaml", 11, "NL2002", "true", "kept"),
             ("p", "dir/multi.yaml", 3, "NL2003", "true", "lost"),
             ("p", "dir/multi.yaml", 7, "NL2004", "true", "signed off")],
            [("p", "dir/multi.yaml", 6, "NL1002", "residual", "PID 1"),
             ("p", "dir/multi.yaml", 7, "NL2004", "expected-loss", "by design")])
        default = [finding("dir/multi.yaml", 2, "NL1001"), finding("dir/multi.yaml", 6, "NL1002")]
        everything = default + [finding("dir/multi.yaml", 12, "NL2002")]
        runs = {ra.DEFAULT: (default, ra.match(default, rows, self.docs)),
                ra.ALL: (everything, ra.match(everything, rows, self.docs))}
        found = ra.violations(runs, rows)
        self.assertEqual([(kind, sel, row.code) for kind, sel, row, _ in found],
                         [("false-fires", ra.DEFAULT, "NL1001"), ("true-lost", ra.ALL, "NL2003")])
        # A false row firing only under ALL,nursery is no violation; a true row missing from the
        # default selection neither.
        only_all = {ra.DEFAULT: ([], {}), ra.ALL: runs[ra.ALL]}
        self.assertEqual([row.code for _, _, row, _ in ra.violations(only_all, rows)], ["NL2003"])
        out = io.StringIO()
        ra.print_violations(found, runs, out)
        self.assertIn("VIOLATION false finding fires in the default selection: p dir/multi.yaml:2 NL1001: wrong", out.getvalue())
        self.assertIn("VIOLATION true finding lost under --select ALL,nursery: p dir/multi.yaml:3 NL2003: lost", out.getvalue())

    def test_residual_rows_must_name_review_rows(self):
        _, problems = ra.load_review([("p", "a.yaml", 1, "NL1001", "true", "r")],
                                     [("p", "a.yaml", 1, "NL1001", "residual", "x"), ("p", "b.yaml", 1, "NL1001", "residual", "x")])
        self.assertEqual(len(problems), 2)  # residual on a true row; no row for b.yaml

    def test_queue(self):
        rows = self.rows([("p", "dir/multi.yaml", 2, "NL1001", "true", "r")])
        found = [finding("dir/multi.yaml", 2, "NL1001"), finding("dir/multi.yaml", 9, "NL3001", message="a\tb")]
        runs = {ra.DEFAULT: (found, ra.match(found, rows, self.docs)), ra.ALL: (found, ra.match(found, rows, self.docs))}
        path = os.path.join(self.corpus, "queue.tsv")
        self.assertEqual(ra.write_queue(path, runs, self.docs), 1)  # once, though in both runs
        with open(path) as f:
            self.assertEqual(f.read(), "p\tdir/multi.yaml\t9\tNL3001\ta b\tname: b\n")

    def test_parse_run_strips_the_project(self):
        stdout = ("p/dir/multi.yaml:2:3: error: bad [NL1001 service-selector-typo]\n"
                  "   2 | kind: Service\n"
                  "netlint: note: views differ [NL0006 ambiguous-view]\n"
                  "1 file, 3 documents, 3 objects (Service 3); 1 error, 0 warnings, 1 note\n")
        self.assertEqual(ra.parse_run("p", stdout),
                         [ra.Finding("p", "dir/multi.yaml", 2, 3, "NL1001", "error", "bad"),
                          ra.Finding("p", "-", None, None, "NL0006", "note", "views differ")])

    def test_missing_corpus_exits_77(self):
        """Skipped loudly (77) without the corpus; a failure (1) where CI requires ../shared."""
        missing = ["--netlint", "/nonexistent", "--corpus", os.path.join(self.corpus, "nothing")]
        saved_env = os.environ.pop("NETLINT_REQUIRE_SHARED", None)
        out = sys.stdout
        sys.stdout = io.StringIO()
        try:
            self.assertEqual(ra.main(missing), 77)
            os.environ["NETLINT_REQUIRE_SHARED"] = "1"
            self.assertEqual(ra.main(missing), 1)
        finally:
            sys.stdout = out
            os.environ.pop("NETLINT_REQUIRE_SHARED", None)
            if saved_env is not None:
                os.environ["NETLINT_REQUIRE_SHARED"] = saved_env


if __name__ == "__main__":
    unittest.main(verbosity=2)
