#!/usr/bin/env bash
# The Debian package as a user gets it: `cpack -G DEB` in a Release build folder, then
# `apt-get install ./netlint_*.deb` on this machine, then the installed netlint is run the way
# the README says (version, a lint of the demo, explain from the installed pages, the man
# page), and the package is purged again. Needs root (tools/setup --package runs it).
# Usage: tools/package_test.sh BUILD_DIR
set -euo pipefail
build=$(readlink -f "$1")
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/netlint_*.deb | head -n1)
echo "package: $(basename "$deb")"
dpkg-deb --field "$deb" Package Version Architecture Depends

failed=0
fail() { echo "FAILED: $*"; failed=1; }

if dpkg-query -W -f='${Status}' netlint 2>/dev/null | grep -q "install ok installed"; then
  fail "netlint is already installed as a package; refusing to replace it"
  exit 1
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq netlint >/dev/null' EXIT

[ "$(/usr/bin/netlint --version)" = "netlint $(sed -n 's/^project(netlint VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")" ] \
  || fail "netlint --version: $(/usr/bin/netlint --version)"
cd "$src"
set +e
out=$(/usr/bin/netlint --no-timing testdata/demo 2>&1); rc=$?
set -e
[ "$rc" -eq 1 ] || fail "lint of testdata/demo exited $rc, expected 1 (it has findings)"
echo "$out" | grep -q "\[NL1001 service-selector-typo\]" || fail "lint of testdata/demo: no NL1001 in: $out"
# explain away from the source tree reads the installed page, examples included.
page=$(cd / && /usr/bin/netlint explain NL1001)
echo "$page" | grep -q "^## Example" || fail "netlint explain NL1001 does not print the installed page"
[ -f /usr/share/man/man1/netlint.1.gz ] || fail "no man page at /usr/share/man/man1/netlint.1.gz"
[ -f /usr/share/netlint/schemas/netlint-config.schema.json ] || fail "no config schema installed"
[ "$failed" -eq 0 ] && echo "package: installs, runs, explains; purged again"
exit "$failed"
