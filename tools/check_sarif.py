#!/usr/bin/python3
"""Checks `netlint --format sarif` with the official SARIF 2.1.0 schema and Microsoft's SARIF Multitool.

Runs the real binary on testdata/demo, on every fixture testdata/rules/*/*.yaml (and the case
folders with their own .netlint.yaml) and on an empty folder, then for each output:
  * validates it against the OASIS schema (shared/schemas/sarif-schema-2.1.0.json) with
    python3-jsonschema;
  * checks what neither validator enforces: exactly one run, every rule in tool.driver.rules,
    ruleIndex agreeing with ruleId, exactly one location with all four region fields, columnKind
    utf16CodeUnits, relative URIs without spaces or backslashes, and primaryLocationLineHash equal
    to an independent Python port of codeql-action's algorithm (integrations.md 1.2) run on the file;
  * runs `Sarif.Multitool validate --rule-kind "Sarif;Gh" --level "Error;Warning"` over all of them
    and requires zero results (the multitool always exits 0: its output file is what counts).
It also proves both validators have teeth on a broken copy of the demo output. Without the
multitool (tools/setup --install puts it in /opt/netlint-tools when npm is available) that step is
skipped with a note, unless --require-multitool or NETLINT_REQUIRE_MULTITOOL=1 (CI) makes it a failure.
Ends with "N passed, M failed" and exits non-zero on any failure.
"""
import argparse
import copy
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import urllib.parse

import jsonschema

from check_support import Tally, suite_inputs

import shared_material  # tools/: absent ../shared skips loudly (77) or fails in CI

MULTITOOL_VERSION = "5.7.0"
DEFAULT_MULTITOOL = (f"/opt/netlint-tools/sarif-multitool-{MULTITOOL_VERSION}/node_modules/"
                     "@microsoft/sarif-multitool-linux/Sarif.Multitool")


def line_hashes(text):
    """codeql-action's primaryLocationLineHash per line, {line: "hex:count"} (integrations.md 1.2)."""
    mask, block, mod = (1 << 64) - 1, 100, 37
    first = pow(mod, block, 1 << 64)
    win, lines = [0] * block, [-1] * block
    state = {"h": 0, "idx": 0, "ln": 0, "start": True, "prev_cr": False}
    counts, out = {}, {}

    def emit():
        hx = format(state["h"] & mask, "x")
        counts[hx] = counts.get(hx, 0) + 1
        out[lines[state["idx"]]] = f"{hx}:{counts[hx]}"
        lines[state["idx"]] = -1

    def upd(c):
        i = state["idx"]
        begin = win[i]
        win[i] = c
        state["h"] = (mod * state["h"] + c - first * begin) & mask
        state["idx"] = (i + 1) % block

    def proc(c):
        if c in (32, 9) or (state["prev_cr"] and c == 10):
            state["prev_cr"] = False
            return
        if c == 13:
            c, state["prev_cr"] = 10, True
        else:
            state["prev_cr"] = False
        if lines[state["idx"]] != -1:
            emit()
        if state["start"]:
            state["start"] = False
            state["ln"] += 1
            lines[state["idx"]] = state["ln"]
        if c == 10:
            state["start"] = True
        upd(c)

    data = text.encode("utf-16-le", "surrogatepass")
    for i in range(0, len(data), 2):
        proc(int.from_bytes(data[i:i + 2], "little"))
    proc(65535)
    for _ in range(block):
        if lines[state["idx"]] != -1:
            emit()
        upd(0)
    return out


def run_netlint(netlint, args, cwd):
    result = subprocess.run([netlint, "--format", "sarif", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"netlint {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def own_checks(log, root, expect, name):
    """netlint's promises beyond the schema."""
    runs = log.get("runs", [])
    expect(len(runs) == 1, f"{name}: {len(runs)} runs, want exactly 1")
    if len(runs) != 1:
        return
    run = runs[0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    expect(len(ids) == len(set(ids)), f"{name}: duplicate rule ids")
    expect(run.get("columnKind") == "utf16CodeUnits", f"{name}: columnKind {run.get('columnKind')}")
    for rule in rules:
        for field in ("shortDescription", "fullDescription", "help"):
            expect(rule.get(field, {}).get("text"), f"{name}: rule {rule['id']} has no {field}.text")
        expect(rule.get("helpUri", "").endswith(f"/{rule['name']}.md"), f"{name}: rule {rule['id']} helpUri")
    # Run-level notes (RULES.md "Run-level notes (NL0006)"): notifications of the one invocation,
    # never results; NL0006 is a notification descriptor, not a rule.
    expect("NL0006" not in ids, f"{name}: NL0006 in tool.driver.rules")
    descriptors = run["tool"]["driver"].get("notifications", [])
    expect([d.get("id") for d in descriptors] == ["NL0006"], f"{name}: tool.driver.notifications is not [NL0006]")
    invocations = run.get("invocations", [])
    expect(len(invocations) == 1 and isinstance(invocations[0].get("executionSuccessful"), bool),
           f"{name}: invocations[0].executionSuccessful missing")
    for invocation in invocations[:1]:
        for kind in ("toolConfigurationNotifications", "toolExecutionNotifications"):
            for i, note in enumerate(invocation.get(kind, [])):
                where = f"{name}: {kind}[{i}]"
                topic = note.get("properties", {}).get("topic")
                expect(note.get("descriptor") == {"id": "NL0006", "index": 0}, f"{where}: descriptor {note.get('descriptor')}")
                expect(note.get("level") == "note" and note.get("message", {}).get("text"), f"{where}: level or message")
                configuration = topic in ("config-overrides-detection", "selection")
                expect(configuration == (kind == "toolConfigurationNotifications"), f"{where}: topic {topic} in {kind}")
                for location in note.get("locations", []):
                    region = location["physicalLocation"].get("region", {})
                    expect(all(f in region for f in ("startLine", "startColumn", "endLine", "endColumn")),
                           f"{where}: region incomplete")
                    uri = location["physicalLocation"]["artifactLocation"]["uri"]
                    expect(" " not in uri and "\\" not in uri, f"{where}: unencoded URI {uri!r}")
    texts = {}
    for i, result in enumerate(run["results"]):
        where = f"{name}: result {i} ({result.get('ruleId')})"
        index = result.get("ruleIndex")
        expect(isinstance(index, int) and 0 <= index < len(rules) and rules[index]["id"] == result["ruleId"],
               f"{where}: ruleIndex {index} does not name {result.get('ruleId')}")
        locations = result.get("locations", [])
        expect(len(locations) == 1, f"{where}: {len(locations)} locations, want 1")
        if not locations:
            continue
        physical = locations[0]["physicalLocation"]
        region = physical.get("region", {})
        missing = [f for f in ("startLine", "startColumn", "endLine", "endColumn") if f not in region]
        expect(not missing, f"{where}: region lacks {missing}")
        uri = physical["artifactLocation"]["uri"]
        expect(" " not in uri and "\\" not in uri, f"{where}: unencoded URI {uri!r}")
        expect(not uri.startswith("file:"), f"{where}: absolute URI {uri!r} for a file in the repository")
        for related in result.get("relatedLocations", []):
            expect("id" in related and related.get("message", {}).get("text"), f"{where}: related location without id/message")
            rregion = related["physicalLocation"].get("region", {})
            expect(all(f in rregion for f in ("startLine", "startColumn", "endLine", "endColumn")),
                   f"{where}: related region incomplete")
        for fix in result.get("fixes", []):
            # SARIF 3.55: what the fix does, and per file the exact regions replaced.
            expect(fix.get("description", {}).get("text"), f"{where}: fix without description.text")
            expect(fix.get("properties", {}).get("applicability") in ("safe", "unsafe"), f"{where}: fix applicability")
            changes = fix.get("artifactChanges", [])
            expect(changes, f"{where}: fix without artifactChanges")
            for change in changes:
                expect(change.get("replacements"), f"{where}: artifactChange without replacements")
                for r in change.get("replacements", []):
                    deleted = r.get("deletedRegion", {})
                    expect(all(f in deleted for f in ("startLine", "startColumn", "endLine", "endColumn")),
                           f"{where}: deletedRegion incomplete")
                    expect(isinstance(r.get("insertedContent", {}).get("text"), str), f"{where}: no insertedContent.text")
        fingerprint = result.get("partialFingerprints", {}).get("primaryLocationLineHash")
        expect(fingerprint, f"{where}: no primaryLocationLineHash")
        path = root / urllib.parse.unquote(uri)
        if uri not in texts:
            with open(path, encoding="utf-8", errors="replace", newline="") as f:
                texts[uri] = line_hashes(f.read())
        want = texts[uri].get(region.get("startLine", 1))
        expect(fingerprint == want, f"{where}: primaryLocationLineHash {fingerprint}, the Python port says {want}")


def multitool_results(multitool, files, workdir):
    """The multitool's findings over `files`; it exits 0 even when it finds errors."""
    out = pathlib.Path(workdir) / "multitool-out.sarif"
    if out.exists():
        out.unlink()
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1")
    proc = subprocess.run([multitool, "validate", *map(str, files), "--rule-kind", "Sarif;Gh", "--level", "Error;Warning",
                           "-o", str(out), "--log", "ForceOverwrite"], capture_output=True, text=True, check=False, env=env)
    if not out.exists():
        raise RuntimeError(f"the multitool wrote no output (rc {proc.returncode}): {proc.stdout[-2000:]} {proc.stderr[-2000:]}")
    log = json.loads(out.read_text(encoding="utf-8-sig"))
    return [r for run in log.get("runs", []) for r in run.get("results", [])]


def describe(result):
    message = result.get("message", {})
    where = ""
    for location in result.get("locations", []):
        physical = location.get("physicalLocation", {})
        where = f"{physical.get('artifactLocation', {}).get('uri', '')}:{physical.get('region', {}).get('startLine', '')}"
    return f"{result.get('ruleId')} {where} {message.get('text') or message.get('arguments')}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--netlint", required=True)
    parser.add_argument("--source", required=True, help="the repository root")
    parser.add_argument("--schema", help="sarif-schema-2.1.0.json (default: ../shared/schemas/ beside the source)")
    parser.add_argument("--multitool", default=os.environ.get("NETLINT_SARIF_MULTITOOL", DEFAULT_MULTITOOL))
    parser.add_argument("--require-multitool", action="store_true",
                        default=os.environ.get("NETLINT_REQUIRE_MULTITOOL") == "1")
    options = parser.parse_args()
    root = pathlib.Path(options.source).resolve()
    schema_path = pathlib.Path(options.schema) if options.schema else root / ".." / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    shared_material.require(str(schema_path), "SARIF schema validation")
    schema = json.loads(schema_path.read_text())
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    tally = Tally()
    expect = tally.expect

    inputs = suite_inputs(root)
    with tempfile.TemporaryDirectory(prefix="netlint-sarif-") as workdir:
        empty = pathlib.Path(workdir) / "empty folder"
        empty.mkdir()
        # The empty folder is outside the repository: URIs relative to it via --base-dir.
        inputs.append(["--base-dir", str(empty), str(empty)])
        files = []
        with_results = None
        with_fixes = False
        for n, args in enumerate(inputs):
            name = args[-1]
            text = run_netlint(options.netlint, ["--sarif-category", "netlint/", *args], root)
            try:
                log = json.loads(text)
            except json.JSONDecodeError as e:
                expect(False, f"{name}: not JSON: {e}")
                continue
            errors = sorted(validator.iter_errors(log), key=str)
            expect(not errors, f"{name}: schema: " + "; ".join(
                f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:200]}" for e in errors[:3]))
            own_checks(log, root, expect, name)
            if with_results is None and log["runs"][0]["results"]:
                with_results = log
            with_fixes = with_fixes or any("fixes" in r for r in log["runs"][0]["results"])
            path = pathlib.Path(workdir) / f"out-{n:03}.sarif"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        expect(with_results is not None, "no output has a result")
        expect(with_fixes, "no output has a result with fixes")
        expect(json.loads(files[-1].read_text())["runs"][0]["results"] == [], "the empty folder has results")

        # The schema has teeth: a level outside the enum (the multitool misses it) must be rejected.
        broken = copy.deepcopy(with_results)
        broken["runs"][0]["results"][0]["level"] = "fatal"
        expect(not validator.is_valid(broken), "the schema accepts level 'fatal'")

        multitool = pathlib.Path(options.multitool)
        if not (multitool.is_file() and os.access(multitool, os.X_OK)):
            note = f"SARIF Multitool {MULTITOOL_VERSION} not found at {multitool} (tools/setup --install installs it)"
            if options.require_multitool:
                expect(False, note)
            else:
                print(f"note: {note}; schema checks only")
        else:
            results = multitool_results(multitool, files, workdir)
            for result in results:
                print(f"multitool: {describe(result)}")
            expect(not results, f"the multitool reports {len(results)} problems over {len(files)} files")
            # And has teeth: a ruleIndex out of range and a missing location must be reported.
            broken = copy.deepcopy(with_results)
            broken["runs"][0]["results"][0]["ruleIndex"] = len(broken["runs"][0]["tool"]["driver"]["rules"]) + 5
            del broken["runs"][0]["results"][0]["locations"]
            bad = pathlib.Path(workdir) / "broken.sarif"
            bad.write_text(json.dumps(broken), encoding="utf-8")
            ids = {r.get("ruleId", "").split("/")[0] for r in multitool_results(multitool, [bad], workdir)}
            expect("SARIF1009" in ids, f"the multitool misses an out-of-range ruleIndex (got {sorted(ids)})")
            expect("GH1015" in ids or "GH2012" in ids, f"the multitool misses a result without locations (got {sorted(ids)})")

    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
