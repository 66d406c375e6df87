#!/usr/bin/python3
"""The scaffolder's test (ctest `new-rule`): tools/new-rule on a scratch copy of the checkout, then
that copy built (its own build folder; ccache serves what the checkout's build compiled, so only
the new rule, the registry and their tests compile) and checked:
  - the format gate passes on the copy with the new files,
  - the new rule's fixture test fails, on its TODO expectation and only on it,
  - the registry meta-tests (file stem = rule name, family folder, docs sections, fixtures) and
    the docs and schema drift tests pass.
Prints the time each step took (never asserts it) and ends with `N passed, M failed`.

  tools/new_rule_test.py --source DIR [--keep]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

NAME = "scaffolded-test-rule"
FAMILY = "service"


def free_code(rules_def):
    """An unused code of the service family (NL10xx), so the test never clashes with a real rule."""
    used = set(re.findall(r"NETLINT_RULE\((NL[0-9]{4}),", rules_def))
    for number in range(1099, 1000, -1):
        if f"NL{number}" not in used:
            return f"NL{number}"
    raise SystemExit("new_rule_test: no free NL10xx code")


def copy_tree(source, scratch):
    """The files git knows (tracked, and untracked but not ignored: a developer's work in progress)."""
    listed = subprocess.run(["git", "-C", source, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            check=True, capture_output=True).stdout.split(b"\0")
    for raw in listed:
        if not raw:
            continue
        relative = raw.decode()
        src = os.path.join(source, relative)
        if not os.path.lexists(src):
            continue  # deleted in the working tree, not yet staged
        dst = os.path.join(scratch, relative)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst, follow_symlinks=False)
    # A repository of its own: the scaffold's changes are listed against the copy.
    subprocess.run(["git", "init", "-q", scratch], check=True)
    subprocess.run(["git", "-C", scratch, "add", "-A"], check=True)
    subprocess.run(["git", "-C", scratch, "-c", "user.name=new_rule_test", "-c", "user.email=new_rule_test@invalid",
                    "commit", "-q", "--no-gpg-sign", "-m", "the checkout as copied"], check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy (its path is printed)")
    args = parser.parse_args()
    source = os.path.abspath(args.source)

    results = []

    def check(label, ok, detail=""):
        results.append(ok)
        print(f"{'PASS' if ok else 'FAIL'}: {label}" + (f"\n{detail}" if detail and not ok else ""))

    def timed(label, command, cwd):
        started = time.monotonic()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        print(f"new_rule_test: {label}: {time.monotonic() - started:.1f} s (exit {done.returncode})")
        return done

    scratch = tempfile.mkdtemp(prefix="netlint-new-rule-")
    try:
        started = time.monotonic()
        copy_tree(source, scratch)
        print(f"new_rule_test: scratch copy {scratch}: {time.monotonic() - started:.1f} s")
        with open(os.path.join(scratch, "rules", "rules.def"), encoding="utf-8") as f:
            code = free_code(f.read())

        # build/release, as in the checkout: ccache hashes paths relative to the source folder
        # (CCACHE_BASEDIR), so a build folder at another depth (`-I..` for `-I../..`) would miss.
        done = timed("tools/new-rule (build netlint, docs, schema)",
                     ["/usr/bin/python3", "tools/new-rule", code, NAME, FAMILY, "warning", "suspicious",
                      "--build-dir", "build/release"], scratch)
        check(f"tools/new-rule {code} {NAME} {FAMILY} warning suspicious exits 0", done.returncode == 0,
              done.stdout + done.stderr)
        if done.returncode != 0:
            return 1
        stem = NAME.replace("-", "_")
        for path in (f"rules/{FAMILY}/{stem}.cpp", f"testdata/rules/{NAME}/bad.yaml",
                     f"testdata/rules/{NAME}/good.yaml", f"docs/rules/{NAME}.md"):
            check(f"{path} written", os.path.isfile(os.path.join(scratch, path)))
        with open(os.path.join(scratch, "rules", "rules.def"), encoding="utf-8") as f:
            check("rules.def lists the rule", f"NETLINT_RULE({code}, {stem})" in f.read())
        with open(os.path.join(scratch, "schemas", "netlint-config.schema.json"), encoding="utf-8") as f:
            check("the config schema names the rule", f'"{code}"' in f.read())

        # The format gate (tools/check_format) on what the scaffold changed: it checks each tracked
        # C++ file with `clang-format --dry-run -Werror`, and the scaffold adds one and edits none
        # (CI runs the gate over the whole tree).
        subprocess.run(["git", "-C", scratch, "add", "-A"], check=True)
        changed = subprocess.run(["git", "-C", scratch, "diff", "--cached", "--name-only", "HEAD", "--", "*.cpp", "*.h"],
                                 check=True, capture_output=True, text=True).stdout.split()
        check("the scaffold adds one C++ file and edits none", changed == [f"rules/{FAMILY}/{stem}.cpp"], str(changed))
        done = timed("format gate", ["clang-format", "--dry-run", "-Werror", f"rules/{FAMILY}/{stem}.cpp"], scratch)
        check("the scaffolded rule file passes the format gate", done.returncode == 0, done.stdout + done.stderr)

        done = timed("build netlint_tests", ["cmake", "--build", "build/release", "--target", "netlint_tests"], scratch)
        check("the scaffolded tree builds", done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:])
        if done.returncode != 0:
            return 1
        tests = os.path.join(scratch, "build", "release", "netlint_tests")

        done = timed("its fixtures", [tests, "--test-suite=fixtures", f"--subcase={NAME}"], scratch)
        output = done.stdout + done.stderr
        missing = re.findall(r"missing finding [^\n]*", output)
        check("its fixture test fails", done.returncode != 0, output)
        check("on the TODO expectation of bad.yaml, and only on it",
              len(missing) == 1 and f"bad.yaml:6: {NAME} warning \"TODO\"" in missing[0] and
              "unexpected finding" not in output, output)

        done = timed("meta-tests", [tests, "--test-case=registry*,docs/rules is what*,schemas/netlint-config*"], scratch)
        ran = re.search(r"test cases:\s*(\d+)\s*\|\s*(\d+) passed", done.stdout)
        check("the registry meta-tests and the docs and schema drift tests pass",
              done.returncode == 0 and ran is not None and int(ran.group(1)) >= 9, done.stdout + done.stderr)
    finally:
        if args.keep:
            print(f"new_rule_test: kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
