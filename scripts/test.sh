#!/usr/bin/env bash
# Sets up the machine, builds, and runs every test (the README's second command; CI runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
cd build
# Screenshot tests need a display: use Xvfb when there is none. -noreset: by default Xvfb resets
# whenever its last client leaves, and a viewer connecting during that reset is refused
# ("Failed to open display"), which failed one CI run.
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" ctest -j2 --output-on-failure
else
  ctest -j2 --output-on-failure
fi
cd ..
# clang-format and clang-tidy (issue 14): style and a short bug-finding set.
./scripts/lint.sh
# The libFuzzer targets, built with clang, each run briefly on its seeds (issue 19).
./scripts/fuzz_smoke.sh "${NADIR_FUZZ_SECONDS:-20}"
