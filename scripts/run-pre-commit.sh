#!/usr/bin/env bash
# Runs the hooks of .pre-commit-hooks.yaml through the pre-commit framework (`pre-commit try-repo`),
# as a user's repository would, and checks what they do:
#   - a commit with a bad template fails and names the finding; a good template and a YAML file that
#     is not a template (a workflow) pass;
#   - `cfn-lambda-system` runs the cfn-lambda on PATH (BINARY's folder is put first);
#   - with --swift, also `cfn-lambda`, which pre-commit builds from this repository with
#     `swift build -c release` (minutes: CI runs it, a quick local check need not).
#
#   scripts/run-pre-commit.sh BINARY [--swift]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="${1:?usage: scripts/run-pre-commit.sh BINARY [--swift]}"
hooks=(cfn-lambda-system)
[ "${2:-}" = --swift ] && hooks+=(cfn-lambda)
command -v pre-commit > /dev/null || { echo "run-pre-commit: pre-commit is not installed (pip install pre-commit)" >&2; exit 69; }

work="$(mktemp -d "${TMPDIR:-/tmp}/cfn-lambda-pre-commit-XXXXXX")"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
export PATH="$(cd "$(dirname "$binary")" && pwd):$PATH"
repository="$work/repository"
git init -q "$repository"
cd "$repository"
git config user.email ci@example.com
git config user.name ci
mkdir -p stacks .github/workflows
cat > stacks/good.yaml <<'EOF'
Resources:
  Orders:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/orders
      Code:
        ZipFile: "def handler(event, context): return 1"
EOF
cat > .github/workflows/ci.yml <<'EOF'
name: ci
on: push
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - run: echo ok
EOF
sed -e 's/python3.12/python2.7/' stacks/good.yaml > stacks/bad.yaml
git add .

fail() { echo "run-pre-commit: $*" >&2; exit 1; }
for hook in "${hooks[@]}"; do
    status=0
    pre-commit try-repo "$root" "$hook" --files stacks/good.yaml .github/workflows/ci.yml > "$work/good.log" 2>&1 || status=$?
    [ "$status" = 0 ] || { cat "$work/good.log" >&2; fail "$hook: a good template and a workflow should pass (exit $status)"; }
    status=0
    pre-commit try-repo "$root" "$hook" --files stacks/good.yaml stacks/bad.yaml > "$work/bad.log" 2>&1 || status=$?
    [ "$status" = 1 ] || { cat "$work/bad.log" >&2; fail "$hook: a bad template should fail the hook (exit $status)"; }
    grep -q 'stacks/bad.yaml:5:16: error: .*python2.7' "$work/bad.log" \
        || { cat "$work/bad.log" >&2; fail "$hook: the finding on stacks/bad.yaml:5:16 is not shown"; }
    if grep -q 'good.yaml' "$work/bad.log"; then cat "$work/bad.log" >&2; fail "$hook: good.yaml has no finding to show"; fi
done
echo "run-pre-commit: ${hooks[*]} passed a good template and failed a bad one through pre-commit" >&2
