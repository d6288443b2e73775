#!/usr/bin/env bash
# Times cfn-lambda and cfn-lint on the benchmark's two generated templates, in one run:
# the 5,000-function template and the 24-condition, six-deep Fn::If template.
#   scripts/bench-vs-cfn-lint.sh [--skip-big]   (cfn-lint on the big template takes minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product cfn-lambda-bench >/dev/null
swift build -c release --product cfn-lambda >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin/cfn-lambda-bench" --repeat 5 --write "$work/big.yaml" --write-conditions "$work/conditions.yaml"
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
for template in conditions big; do
    [ "$template" = big ] && [ "${1:-}" = "--skip-big" ] && continue
    ours=$(seconds "$bin/cfn-lambda" validate --today 2026-01-01 "$work/$template.yaml")
    theirs=$(seconds cfn-lint --format json "$work/$template.yaml")
    printf '%s.yaml: cfn-lambda %.3f s, cfn-lint %.2f s, ratio %.0fx\n' "$template" "$ours" "$theirs" "$(echo "$theirs / $ours" | bc -l)"
done
