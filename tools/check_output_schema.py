#!/usr/bin/python3
"""Checks `netlint --format json` against schemas/netlint-output.schema.json, and the repository's
.netlint.yaml files against schemas/netlint-config.schema.json.

Runs netlint on the demo, on every fixture case and on an empty input, validates each output
with the official JSON Schema validator (Debian's python3-jsonschema), and proves the schema
has teeth: outputs with an unknown field, a missing field or a wrong type must be rejected.
Ends with the line "N passed, M failed" and exits non-zero on any failure.
"""
import argparse
import copy
import json
import pathlib
import subprocess
import sys

import jsonschema

from check_support import Tally, suite_inputs


def run_netlint(netlint, args, cwd):
    result = subprocess.run([netlint, "--format", "json", "--no-timing", *args], cwd=cwd,
                            capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"netlint {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return json.loads(result.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--netlint", required=True)
    parser.add_argument("--source", required=True, help="the repository root")
    options = parser.parse_args()
    root = pathlib.Path(options.source)
    schema = json.loads((root / "schemas" / "netlint-output.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)

    tally = Tally()
    expect = tally.expect

    inputs = suite_inputs(root)
    empty = root / "build" / "schema-empty-input"
    empty.mkdir(parents=True, exist_ok=True)
    inputs.append([str(empty)])
    outputs = []
    for args in inputs:
        output = run_netlint(options.netlint, args, root)
        outputs.append(output)
        errors = sorted(validator.iter_errors(output), key=str)
        expect(not errors, f"{args[-1]}: " + "; ".join(e.message for e in errors[:3]))

    # Negative cases: the schema must reject what the contract forbids.
    with_finding = next(o for o in outputs if o["diagnostics"] and o["diagnostics"][0]["related"])
    mutations = {
        "an unknown top-level field": lambda o: o.update(extra=1),
        "an unknown diagnostic field": lambda o: o["diagnostics"][0].update(url="x"),
        "an unknown related field": lambda o: o["diagnostics"][0]["related"][0].update(kind="x"),
        "an unknown summary field": lambda o: o["summary"].update(total=3),
        "a missing summary": lambda o: o.pop("summary"),
        "a line 0": lambda o: o["diagnostics"][0]["start"].update(line=0),
        "a severity outside the enum": lambda o: o["diagnostics"][0].update(severity="fatal"),
        "a file without positions": lambda o: o["diagnostics"][0].pop("start"),
        "an unknown skip reason": lambda o: o["summary"]["skipped"].update(mystery=1),
    }
    tagged = next((o for o in outputs if any("clusters" in d for d in o["diagnostics"])), None)
    expect(tagged is not None, "no output names the clusters of a finding")
    cluster_mutations = {
        "an empty clusters list": lambda o: o["diagnostics"][0].update(clusters=[]),
        "clusters as a string": lambda o: o["diagnostics"][0].update(clusters="prod"),
    }
    # Fixes (issue 22 "fixes as data"): some output carries one, and its shape is checked as strictly.
    fixed = next((o for o in outputs if any("fix" in d for d in o["diagnostics"])), None)
    expect(fixed is not None, "no output has a diagnostic with a fix")
    first_fix = lambda o: next(d["fix"] for d in o["diagnostics"] if "fix" in d)
    fix_mutations = {
        "an unknown fix field": lambda o: first_fix(o).update(kind="quickfix"),
        "an applicability outside the enum": lambda o: first_fix(o).update(applicability="maybe"),
        "a fix without edits": lambda o: first_fix(o).update(edits=[]),
        "an edit without its replacement": lambda o: first_fix(o)["edits"][0].pop("replacement"),
        "an edit without positions": lambda o: first_fix(o)["edits"][0].pop("start"),
    }
    for name, mutate in fix_mutations.items():
        broken = copy.deepcopy(fixed or with_finding)
        mutate(broken)
        expect(fixed is not None and not validator.is_valid(broken), f"the schema accepts {name}")
    # Run-level notes (RULES.md "Run-level notes (NL0006)"): the view object is checked as strictly.
    with_evidence = next((o for o in outputs if any(n["evidence"] for n in o["view"]["notes"])), None)
    expect(with_evidence is not None, "no output has a run-level note with evidence")
    first_note = lambda o: next(n for n in o["view"]["notes"] if n["evidence"])
    view_mutations = {
        "a missing view": lambda o: o.pop("view"),
        "an unknown view field": lambda o: o["view"].update(extra=1),
        "an unknown note field": lambda o: first_note(o).update(severity="note"),
        "a note id other than NL0006": lambda o: first_note(o).update(id="NL0007"),
        "a topic outside the enum": lambda o: first_note(o).update(topic="mystery"),
        "an evidence without positions": lambda o: first_note(o)["evidence"][0].pop("start"),
        "a namespace state outside the enum": lambda o: o["view"]["namespaces"].append({"name": "x", "state": "known", "reason": ""}),
        "a missing summary.viewNotes": lambda o: o["summary"].pop("viewNotes"),
        "version 1": lambda o: o.update(version=1),
    }
    for name, mutate in view_mutations.items():
        broken = copy.deepcopy(with_evidence or with_finding)
        mutate(broken)
        expect(not validator.is_valid(broken), f"the schema accepts {name}")
    for name, mutate in mutations.items():
        broken = copy.deepcopy(with_finding)
        mutate(broken)
        expect(not validator.is_valid(broken), f"the schema accepts {name}")
    for name, mutate in cluster_mutations.items():
        broken = copy.deepcopy(tagged or with_finding)
        mutate(broken)
        expect(not validator.is_valid(broken), f"the schema accepts {name}")

    # The config schema (generated by `netlint config-schema`): every config in the repository
    # validates, and it rejects what config validation rejects.
    import yaml
    config_schema = json.loads((root / "schemas" / "netlint-config.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(config_schema)
    config_validator = jsonschema.Draft7Validator(config_schema)
    configs = [root / ".netlint.yaml", *sorted((root / "testdata").glob("**/.netlint.yaml"))]
    for config in configs:
        errors = list(config_validator.iter_errors(yaml.safe_load(config.read_text()) or {}))
        expect(not errors, f"{config.relative_to(root)} against the config schema: " + "; ".join(e.message for e in errors[:3]))
    rejected = {
        "an unknown top-level key": {"rulse": {}},
        "an unknown rule": {"rules": {"NL9998": {"severity": "off"}}},
        "a severity outside the enum": {"rules": {"service-selector-typo": {"severity": "fatal"}}},
        "a CNI outside the enum": {"cluster": {"cni": "flanel"}},
        "an unknown key in a cluster": {"clusters": {"prod": {"paths": ["a/**"], "clustre": {}}}},
    }
    for name, config in rejected.items():
        expect(not config_validator.is_valid(config), f"the config schema accepts {name}")
    expect(config_validator.is_valid({"rules": {"NL1001": {"severity": "note"}}, "failOn": "error",
                                      "cluster": {"podCIDRs": ["10.244.0.0/16"], "nodePortRange": "30000-32767"}}),
           "the config schema rejects a valid config")

    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
