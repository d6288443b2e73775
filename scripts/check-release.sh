#!/usr/bin/env bash
# Checks a release binary (scripts/build-release.sh) as a user gets it: copied alone into an empty
# folder and run with an empty environment, it finds exactly what `swift run` finds on the bundled
# templates and on the cfn-lint fixtures of the corpus (which have findings: a binary without its
# schemas or runtime dates would find less).
#
#   scripts/check-release.sh BINARY
set -euo pipefail
binary="$(cd "$(dirname "${1:?usage: scripts/check-release.sh BINARY}")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."

folder="$(mktemp -d)"
trap 'rm -rf "$folder"' EXIT
mkdir "$folder/empty"
cp "$binary" "$folder/empty/cfn-lambda"
cp -R templates "$folder/templates"
cp -R Tests/Corpus/aws-cloudformation__cfn-lint "$folder/fixtures"

inputs=(templates fixtures)
arguments=(validate --format json --today 2026-12-07)
swift build --product cfn-lambda >&2
debug="$PWD/.build/debug/cfn-lambda"
# Exit 1: the fixtures have error findings.
expected="$(cd "$folder" && "$debug" "${arguments[@]}" "${inputs[@]}")" && status=0 || status=$?
actual="$(cd "$folder" && env -i "$folder/empty/cfn-lambda" "${arguments[@]}" "${inputs[@]}")" && release_status=0 || release_status=$?
if [ "$expected" != "$actual" ] || [ "$status" != "$release_status" ]; then
    echo "check-release: exit $release_status against $status" >&2
    echo "check-release: the release binary finds other things than the debug build:" >&2
    diff <(echo "$expected") <(echo "$actual") | head -n 40 >&2
    exit 1
fi
count="$(grep -o '"rule"' <<<"$actual" | wc -l)"
if [ "$count" -lt 50 ]; then
    echo "check-release: only $count findings on the cfn-lint fixtures: are the checks on?" >&2
    exit 1
fi
echo "check-release: $(basename "$binary") alone in an empty folder with an empty environment finds the same $count findings" >&2
