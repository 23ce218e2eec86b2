#!/usr/bin/env bash
# CI's short fuzzing run: every libFuzzer target for SECONDS (default 20) on its seeds, new inputs
# in a scratch corpus (scripts/fuzz.sh does the work). Any crash, sanitizer report, escaped
# exception or leak in our code fails it, so a change that breaks a parser or a fuzz target fails
# CI; the input is kept under build-fuzz/artifacts/.
#   scripts/fuzz_smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/fuzz.sh "${1:-20}" --scratch
