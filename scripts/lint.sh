#!/usr/bin/env bash
# The code's own checks, run by scripts/test.sh (CI) after the tests; any finding fails:
# - clang-format with the checked-in .clang-format, over every C++ file of the project;
# - clang-tidy's short bug-finding set (.clang-tidy) over the engine, geometry and the file
#   formats, with build/compile_commands.json (run scripts/build.sh first).
#   scripts/lint.sh [--fix]   (--fix reformats in place instead of failing)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.h' '*.cpp')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${sources[@]}"
  exit 0
fi
start=$(date +%s)
clang-format --dry-run -Werror "${sources[@]}"
echo "lint: clang-format clean over ${#sources[@]} files"
[ -f build/compile_commands.json ] || { echo "lint: no build/compile_commands.json"; exit 1; }
mapfile -t engine < <(git ls-files 'measure/*.cpp' 'formats/*.cpp' 'geometry/*.cpp')
tidy=$(command -v run-clang-tidy || command -v run-clang-tidy-14)
"$tidy" -p build -quiet -j "$(nproc)" "${engine[@]}" > build/clang-tidy.log 2>&1 ||
  { grep -E "warning:|error:" build/clang-tidy.log | head -50; echo "lint: clang-tidy failed"; exit 1; }
echo "lint: clang-tidy clean over ${#engine[@]} files in $(( $(date +%s) - start )) s"
