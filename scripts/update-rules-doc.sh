#!/usr/bin/env bash
# Regenerates docs/rules.md from the rule catalog (`cfn-lambda rules --format markdown`).
# A test (RuleListTests) fails while docs/rules.md differs from what this writes.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product cfn-lambda
bin="$(swift build --show-bin-path)"
mkdir -p docs
"$bin/cfn-lambda" rules --format markdown > docs/rules.md.tmp
mv docs/rules.md.tmp docs/rules.md
echo "wrote docs/rules.md" >&2
