#!/usr/bin/env python3
"""Every finding netlint reports on each project folder of the corpus, one line per finding.

    python3 tools/corpus_findings.py --netlint BIN --corpus DIR [--write FILE]

Runs `netlint --no-timing --fail-on never --color never --select ALL,nursery PROJECT [NAMED...]` from DIR for every
project folder of DIR except oracles/ (NAMED: the files of NAMED below), and prints (or writes to FILE) one sorted line per finding:

    project<TAB>code<TAB>path:line:col<TAB>message

Paths are relative to DIR; a finding without a location has `-` as its location. The committed
list is testdata/corpus-findings.txt; tools/corpus_test.py regenerates it and fails on drift.

It parses netlint's text output: a finding's first line is
`path:line:col: severity: message [NL1001 service-selector-typo]` (or, without a location,
`netlint: severity: message [CODE name]`); the `path:line:col: note: ...` lines without a
`[CODE name]` tag that follow it are related locations, and lines starting with a space are
source excerpts or help. The last line is the summary line (parse_summary reads it).
Importable: corpus_test.py uses projects(), run_netlint(), parse_findings() and parse_summary();
tools/review-accept uses projects(), run_netlint() and finding_matches() (parse_findings' parser,
which keeps the severity).
"""

import argparse
import os
import re
import subprocess
import sys

EXCLUDED = {"oracles"}
# Files the walk skips (RULES.md Inputs: `*.yaml.sed` only when named) that the corpus names on
# the command line beside their project folder, as a user linting them would.
NAMED = {"coredns__deployment": ["kubernetes/coredns.yaml.sed"]}

FINDING = re.compile(
    r"^(?:(?P<path>.+?):(?P<line>\d+):(?P<col>\d+)|netlint): (?P<severity>error|warning|note): "
    r"(?P<fixable>\[\*\] )?(?P<message>.*) \[(?P<code>NL\d{4}) (?P<name>[a-z0-9-]+)\]$")
# The text report's fix marks (`[*]` before a fixable finding's message, above, and this count before
# the summary) are no part of a finding's message or of the recorded list.
FIXABLE = re.compile(r"^(?:\[\*\] \d+ fixable with --fix|no fixes available)(?: \(\d+ hidden fix(?:es)? can be "
                     r"enabled with --unsafe-fixes\))?$")
# A run-level note (RULES.md "Run-level notes (NL0006)"): a statement about the view, never a finding.
VIEW_NOTE = re.compile(r"^view: note: .* \[NL0006 [a-z-]+\]$")
RELATED = re.compile(r"^.+?:\d+:\d+: note: ")
SUMMARY = re.compile(
    r"^(?P<files>\d+) files?, (?P<documents>\d+) documents?, (?P<objects>\d+) objects?"
    r"(?: \(\+(?P<context>\d+) read as context\))?"
    r"(?: \((?P<kinds>.*?)\))?"
    r"(?:; skipped (?P<skipped_total>\d+) \((?P<skipped>.*?)\))?"
    r"; (?P<errors>\d+) errors?, (?P<warnings>\d+) warnings?, (?P<notes>\d+) notes?"
    r"(?:, (?P<view_notes>\d+) view notes?)?(?: in \S+)?$")


def projects(corpus):
    """The project folders of the corpus (sorted), without oracles/."""
    return sorted(d for d in os.listdir(corpus)
                  if d not in EXCLUDED and not d.startswith(".") and os.path.isdir(os.path.join(corpus, d)))


def run_netlint(netlint, corpus, project, path=None, select="ALL,nursery"):
    """Runs netlint on one project folder (or on `path`, relative to corpus) from the corpus
    folder, so the paths it prints are relative to the corpus. Returns the CompletedProcess.
    `select` is the --select value; None runs the default selection (tools/review-accept)."""
    env = dict(os.environ, NO_COLOR="1")
    # The corpus is linted from a temp copy or ../shared, outside any git repository, so netlint
    # would keep its parse cache in ~/.cache/netlint: no cache unless the caller chose a folder
    # (ctest sets NETLINT_CACHE_DIR to the build folder).
    if "NETLINT_CACHE_DIR" not in env:
        env["NETLINT_NO_CACHE"] = "1"
    paths = [path] if path else [project] + [os.path.join(project, f) for f in NAMED.get(project, [])]
    # Every rule, nursery included (RULES.md Acceptance's second selection): the recorded list
    # covers the rules that are off by default too, so a change to any of them shows.
    selection = ["--select", select] if select else []
    return subprocess.run([netlint, "--no-timing", "--fail-on", "never", "--color", "never", *selection, *paths],
                          cwd=corpus, env=env, capture_output=True, text=True, errors="replace")


def finding_matches(project, stdout):
    """The FINDING match of each finding's first line in netlint's text output (groups path,
    line, col, severity, message, code, name; path/line/col None without a location)."""
    found = []
    for text in stdout.splitlines():
        if not text or text[0] == " ":
            continue  # excerpt, caret line or help
        m = FINDING.match(text)
        if m:
            found.append(m)
        elif RELATED.match(text) or SUMMARY.match(text) or VIEW_NOTE.match(text) or FIXABLE.match(text):
            continue
        else:
            raise ValueError(f"unrecognised line in netlint output for {project}: {text!r}")
    return found


def parse_findings(project, stdout):
    """One `project<TAB>code<TAB>location<TAB>message` line per finding in netlint's text output."""
    lines = []
    for m in finding_matches(project, stdout):
        where = f"{m['path']}:{m['line']}:{m['col']}" if m["path"] else "-"
        message = m["message"].replace("\t", " ")
        lines.append(f"{project}\t{m['code']}\t{where}\t{message}")
    return lines


def _counted(listing):
    out = {}
    for item in listing.split(", ") if listing else []:
        name, _, count = item.rpartition(" ")
        out[name] = int(count)
    return out


def parse_summary(stdout):
    """The summary line (netlint's last stdout line) as a dict: files, documents, objects,
    context (files read as context only), kinds {kind: n}, skipped {reason: n}, errors,
    warnings, notes, view_notes (run-level notes, not findings). ValueError if absent."""
    lines = stdout.rstrip("\n").splitlines()
    m = SUMMARY.match(lines[-1]) if lines else None
    if not m:
        raise ValueError(f"no summary line at the end of netlint's output: {lines[-1] if lines else '(empty)'!r}")
    summary = {key: int(m[key]) for key in ("files", "documents", "objects", "errors", "warnings", "notes")}
    summary["context"] = int(m["context"] or 0)
    summary["view_notes"] = int(m["view_notes"] or 0)
    summary["kinds"] = _counted(m["kinds"])
    summary["skipped"] = _counted(m["skipped"])
    if sum(summary["kinds"].values()) != summary["objects"]:
        raise ValueError(f"objects per kind do not add up to {summary['objects']}: {lines[-1]!r}")
    if m["skipped_total"] and sum(summary["skipped"].values()) != int(m["skipped_total"]):
        raise ValueError(f"skips per reason do not add up to {m['skipped_total']}: {lines[-1]!r}")
    return summary


def findings(netlint, corpus):
    """(sorted finding lines, [problems]) for every project of the corpus."""
    lines, problems = [], []
    for project in projects(corpus):
        run = run_netlint(netlint, corpus, project)
        if run.returncode != 0:
            problems.append(f"netlint exited {run.returncode} on {project}: {run.stderr.strip()}")
        try:
            lines += parse_findings(project, run.stdout)
        except ValueError as e:
            problems.append(str(e))
    return sorted(lines), problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--netlint", required=True, help="the netlint binary")
    parser.add_argument("--corpus", required=True, help="the corpus folder (../shared/corpus)")
    parser.add_argument("--write", metavar="FILE", help="write the list to FILE instead of stdout")
    args = parser.parse_args()
    netlint = os.path.abspath(args.netlint)
    if not os.path.isdir(args.corpus):
        print(f"corpus_findings: no corpus folder at {args.corpus}", file=sys.stderr)
        return 2
    lines, problems = findings(netlint, args.corpus)
    text = "".join(line + "\n" for line in lines)
    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"corpus_findings: wrote {len(lines)} findings to {args.write}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    for problem in problems:
        print(f"corpus_findings: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
