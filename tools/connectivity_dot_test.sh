#!/usr/bin/env bash
# `netlint connectivity --format dot` must be a graph Graphviz renders: the demo through
# `dot -Tsvg` (issue 7). Usage: tools/connectivity_dot_test.sh NETLINT (from the repository root).
set -euo pipefail
netlint=${1:?usage: connectivity_dot_test.sh NETLINT}
command -v dot >/dev/null || { echo "FAIL: Graphviz's dot is not installed (bash tools/setup --install)"; exit 1; }
svg=$("$netlint" connectivity testdata/demo --format dot | dot -Tsvg)
grep -q "<svg" <<<"$svg" || { echo "FAIL: dot -Tsvg produced no SVG"; exit 1; }
grep -q "<title>cluster_" <<<"$svg" || { echo "FAIL: the SVG has no namespace clusters"; exit 1; }
grep -q ">production<" <<<"$svg" || { echo "FAIL: the SVG does not label namespace production"; exit 1; }
echo "ok: connectivity --format dot on testdata/demo renders with dot -Tsvg ($(grep -c "<g id=\"edge" <<<"$svg") edges)"
