#!/usr/bin/env bash
# The pre-commit hooks as a team uses them: Debian's real pre-commit, offline, against a
# throwaway git repository. A hook repository holding this checkout's .pre-commit-hooks.yaml is
# referenced by path and rev from the consumer's .pre-commit-config.yaml; `pre-commit install`
# makes `git commit` run it. Checks:
#   - a Service staged alone with a selector typo is refused: NL1001 needs the Deployment that
#     sits unchanged in another, committed file, so the hook must read the repository as context;
#   - the same Service with the right selector commits (no "matches no pods" noise);
#   - a broken Corefile is refused by the netlint-configs hook; README.md never reaches netlint;
#   - `pre-commit try-repo` on this checkout (the way a hook author tries uncommitted hooks) too.
# Usage: tools/precommit_test.sh NETLINT_BINARY SOURCE_DIR
set -uo pipefail
netlint=$(readlink -f "$1")
src=$(readlink -f "$2")
command -v pre-commit >/dev/null || { echo "FAILED: pre-commit is not installed (tools/setup --install installs it)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" HOME="$work/home" PATH="$(dirname "$netlint"):$PATH"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
passed=0 failed=0
check() {  # description, condition (0 = true)
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi
}

# The hook repository: this checkout's hooks file, committed.
hooks="$work/hooks"
git init -q "$hooks" && cp "$src/.pre-commit-hooks.yaml" "$hooks/" && git -C "$hooks" add . && git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)
pre-commit validate-manifest "$hooks/.pre-commit-hooks.yaml" >/dev/null
check "validate-manifest accepts .pre-commit-hooks.yaml" $?

repo="$work/consumer"
git init -q "$repo" && cd "$repo" || exit 1
cat > .pre-commit-config.yaml <<YAML
repos:
- repo: $hooks
  rev: $rev
  hooks:
  - id: netlint
  - id: netlint-configs
YAML
mkdir -p deploy dns
cat > deploy/app.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27, ports: [{containerPort: 80}]}]
YAML
echo "# shop" > README.md
git add . && git commit -qm base --no-verify
pre-commit install >/dev/null
check "pre-commit install" $?

service() {  # selector value
  printf 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: %s}\n  ports: [{port: 80}]\n' "$1" > deploy/svc.yaml
}

service wbe
git add deploy/svc.yaml
out=$(git commit -qm "typo" 2>&1); rc=$?
check "a staged Service with a selector typo is refused (rc $rc)" $([ $rc -ne 0 ] && echo 0 || echo 1)
echo "$out" | grep -q "deploy/svc.yaml:5:19: error: \[\*\] selector app=wbe matches no pods" 
check "the refusal names the typo and its place, found through the unchanged Deployment" $?
echo "$out" | grep -q "did you mean app=web"
check "with the did-you-mean from the context file" $?

service web
git add deploy/svc.yaml
out=$(git commit -qm "service" 2>&1); rc=$?
check "the corrected Service commits (rc $rc): $out" $rc

printf '.:53 {\n    errors\n    forward . 8.8.8.8 {\n' > dns/Corefile
echo "more" >> README.md
git add dns/Corefile README.md
out=$(git commit -qm "corefile" 2>&1); rc=$?
check "a broken Corefile is refused by netlint-configs (rc $rc)" $([ $rc -ne 0 ] && echo 0 || echo 1)
echo "$out" | grep -q "dns/Corefile:3:.*invalid Corefile"
check "the Corefile error is reported at its place: $out" $?
echo "$out" | grep -q "README" && readme=1 || readme=0
check "README.md never reaches netlint" $readme
git reset -q HEAD dns/Corefile README.md && rm -f dns/Corefile

# try-repo: the hook author's way, straight from this checkout (uncommitted edits to tracked
# files included; an untracked .pre-commit-hooks.yaml is not seen).
service wbe
git add deploy/svc.yaml
out=$(pre-commit try-repo "$src" netlint --files deploy/svc.yaml 2>&1); rc=$?
check "try-repo on this checkout refuses the typo (rc $rc)" $([ $rc -eq 1 ] && echo "$out" | grep -q "selector app=wbe" && echo 0 || echo 1)
out=$(pre-commit try-repo "$src" netlint --files deploy/app.yaml README.md 2>&1); rc=$?
check "try-repo on this checkout passes clean files (rc $rc): $out" $rc

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
