#!/usr/bin/env python3
"""Golden `netlint facts --format json` outputs for corpus projects (issue 4).

Runs netlint facts on each project from the corpus folder (so paths read
`flannel-io__flannel/...`) and compares with testdata/facts/<project>.json. The goldens were
reviewed by hand: every fact's value, state and evidence must be what a maintainer of that
project would call true. NETLINT_UPDATE_GOLDEN=1 rewrites them (review the diff before
committing).
"""
import argparse
import difflib
import os
import subprocess
import sys

import shared_material  # tools/: absent ../shared skips loudly (77) or fails in CI

PROJECTS = ["flannel-io__flannel", "projectcalico__calico", "kubernetes__ingress-nginx", "argoproj__argo-cd"]
GOLDEN_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "testdata", "facts")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--netlint", required=True)
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()
    shared_material.require(args.corpus, "facts goldens")
    update = os.environ.get("NETLINT_UPDATE_GOLDEN") == "1"
    failures = 0
    for project in PROJECTS:
        run = subprocess.run([args.netlint, "facts", "--format", "json", project], cwd=args.corpus,
                             capture_output=True, text=True, check=False)
        if run.returncode != 0:
            print(f"FAIL {project}: netlint facts exited {run.returncode}: {run.stderr.strip()}")
            failures += 1
            continue
        golden = os.path.join(GOLDEN_DIR, project + ".json")
        if update:
            os.makedirs(GOLDEN_DIR, exist_ok=True)
            with open(golden, "w", encoding="utf-8") as f:
                f.write(run.stdout)
            print(f"updated {golden}")
            continue
        with open(golden, encoding="utf-8") as f:
            expected = f.read()
        if expected != run.stdout:
            failures += 1
            print(f"FAIL {project}: facts differ from {golden} (NETLINT_UPDATE_GOLDEN=1 rewrites it)")
            sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), run.stdout.splitlines(True),
                                                       "golden", "netlint", n=2))
        else:
            print(f"ok   {project}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
