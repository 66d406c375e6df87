"""The tests that read ../shared (the corpus, its oracles, the SARIF schema) share one rule for
when it is absent: skipped loudly with exit 77 (ctest SKIP_RETURN_CODE), never a silent pass; and
a failure when NETLINT_REQUIRE_SHARED=1 (CI, which always has ../shared beside the clone)."""
import os
import sys

SKIP = 77


def require(path, what):
    """Returns when `path` exists; otherwise prints why and exits 77 (or 1 when required)."""
    if os.path.exists(path):
        return
    if os.environ.get("NETLINT_REQUIRE_SHARED") == "1":
        print(f"FAILED: {what}: {path} does not exist, and NETLINT_REQUIRE_SHARED=1 requires it")
        sys.exit(1)
    print(f"SKIPPED: {what}: {path} does not exist (check out ../shared beside the source to run it)")
    sys.exit(SKIP)
