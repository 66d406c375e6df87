"""What the output checks (check_output_schema.py, check_sarif.py) share: the netlint invocations
they run, and the tally that prints each failure and ends with "N passed, M failed"."""
import pathlib


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def expect(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAILED: {what}")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def suite_inputs(root: pathlib.Path):
    """The demo, every fixture file case (with its rule folder's .netlint.yaml when there is one,
    as the fixture runner applies it) and every fixture case folder with its own .netlint.yaml;
    each as the argument list after the format options."""
    rules = root / "testdata" / "rules"
    inputs = [["testdata/demo"]]
    for case in sorted(rules.glob("*/*.yaml")):
        config = case.parent / ".netlint.yaml"
        if config.is_file():
            inputs.append(["--config", str(config.relative_to(root)), str(case.relative_to(root))])
        else:
            inputs.append([str(case.relative_to(root))])
    # Case folders with their own .netlint.yaml (facts, `clusters:` views and their tags).
    for config in sorted(rules.glob("*/*/.netlint.yaml")):
        inputs.append(["--config", str(config.relative_to(root)), str(config.parent.relative_to(root))])
    return inputs
