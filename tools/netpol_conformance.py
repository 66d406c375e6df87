#!/usr/bin/env python3
"""Conformance of `netlint connectivity --closed-world` with np-guard/netpol-analyzer (issue 7).

Runs netlint on the input folder of each plain connlist case of the index
(../shared/knowledge/oracles-netpol-analyzer-cases.tsv, kind `connlist`, no focus workload) and
compares its text output with the expected `<dir>_connlist_output.txt` after deleting every line
break, as that project's tests do (testutils.cleanStr). Prints one line per case and the pass
count; fails when a case that is not excluded below fails.

An exclusion must quote the Kubernetes API text that shows the expectation wrong, or name the
feature netlint deliberately lacks.
"""
import argparse
import csv
import difflib
import os
import subprocess
import sys
import tempfile

import shared_material  # tools/: absent ../shared skips loudly (77) or fails in CI

ORACLE = os.path.join("oracles", "np-guard__netpol-analyzer")

# case dir -> why netlint's answer is right and the expectation is not (at most 3).
EXCLUDED = {}


def clean(text):
    return text.replace("\n", "").replace("\r", "")


def cases(index_path):
    with open(index_path, encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        if row["kind"] != "connlist" or row["focus_workload"] != "-":
            continue
        txt = [p for p in row["expected_outputs"].split() if p.endswith(".txt")]
        if txt:
            yield row["dir"], txt[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--netlint", required=True)
    parser.add_argument("--corpus", required=True, help="../shared/corpus")
    parser.add_argument("--index", required=True, help="../shared/knowledge/oracles-netpol-analyzer-cases.tsv")
    parser.add_argument("--verbose", action="store_true", help="print a diff for each failing case")
    parser.add_argument("--only", help="run one case")
    args = parser.parse_args()
    root = os.path.join(args.corpus, ORACLE)
    shared_material.require(root, "netpol-analyzer conformance")
    shared_material.require(args.index, "netpol-analyzer conformance")
    passed, failed, excluded = 0, [], []
    # An empty working directory: no git root and no .netlint.yaml above it, so the view is
    # exactly the case's folder. netpol-analyzer puts a namespace-less object in `default`; netlint
    # (RULES.md v3) keeps it in the apply-time namespace unless told, so the runs say `-n default`.
    with tempfile.TemporaryDirectory() as cwd:
        for case_dir, expected_path in cases(args.index):
            if args.only and case_dir != args.only:
                continue
            folder = os.path.abspath(os.path.join(root, "tests", case_dir))
            run = subprocess.run([args.netlint, "connectivity", "--closed-world", "--namespace", "default", folder], cwd=cwd,
                                 capture_output=True, text=True, check=False)
            with open(os.path.join(root, expected_path), encoding="utf-8") as f:
                expected = f.read()
            ok = run.returncode == 0 and clean(run.stdout) == clean(expected)
            if case_dir in EXCLUDED:
                excluded.append(case_dir)
                print(f"excl {case_dir} ({'passes' if ok else 'fails'}): {EXCLUDED[case_dir]}")
                continue
            if ok:
                passed += 1
                print(f"ok   {case_dir}")
                continue
            failed.append(case_dir)
            print(f"FAIL {case_dir}" + (f" (exit {run.returncode}: {run.stderr.strip()})" if run.returncode else ""))
            if args.verbose:
                sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), run.stdout.splitlines(True),
                                                           "expected", "netlint", n=0))
    total = passed + len(failed)
    print(f"{passed} of {total} connlist cases pass ({len(excluded)} excluded)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
