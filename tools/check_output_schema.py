#!/usr/bin/python3
"""Checks `netlint --format json` against schemas/netlint-output.schema.json.

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

    passed = failed = 0

    def expect(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAILED: {what}")

    inputs = [["testdata/demo"]]
    inputs += [[str(p.relative_to(root))] for p in sorted((root / "testdata" / "rules").glob("*/*.yaml"))]
    # Case folders with their own .netlint.yaml (facts, `clusters:` views and their tags).
    for config in sorted((root / "testdata" / "rules").glob("*/*/.netlint.yaml")):
        inputs.append(["--config", str(config.relative_to(root)), str(config.parent.relative_to(root))])
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
    for name, mutate in mutations.items():
        broken = copy.deepcopy(with_finding)
        mutate(broken)
        expect(not validator.is_valid(broken), f"the schema accepts {name}")
    for name, mutate in cluster_mutations.items():
        broken = copy.deepcopy(tagged or with_finding)
        mutate(broken)
        expect(not validator.is_valid(broken), f"the schema accepts {name}")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
