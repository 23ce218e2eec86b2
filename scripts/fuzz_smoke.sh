#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (the fuzz preset, only the fuzz targets) and runs
# each for SECONDS (default 20) on its seed corpus. Any crash, sanitizer report, escaped
# exception or leak in our code fails the script; the input that did it is kept under
# build-fuzz/artifacts/. scripts/test.sh runs it after ctest, so a change that breaks a
# parser or a fuzz target fails CI.
#   scripts/fuzz_smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
root=$PWD

start=$(date +%s)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${NADIR_JOBS:-2}"
built=$(date +%s)
echo "fuzz smoke: fuzz targets built in $((built - start)) s"

# Leaks inside third-party decoders are suppressed by name (tests/fuzz/lsan.supp says why);
# leak detection stays on for everything else. UBSan reports stop the run like ASan's.
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# Full unwinding at malloc: the suppressed third-party frames sit under libraries built
# without frame pointers (OpenJPEG), which the fast unwinder cannot step through.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:fast_unwind_on_malloc=0}"

artifacts=build-fuzz/artifacts
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# target and its seed folders (read only: new inputs go to a scratch corpus)
run() {
  local target=$1
  shift
  mkdir -p "$work/$target"
  echo "fuzz smoke: $target for $seconds s on $*"
  if ! "build-fuzz/tests/fuzz/$target" "$work/$target" "$@" -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$artifacts/$target-" \
      -print_final_stats=1 >"$work/$target.log" 2>&1; then
    tail -n 60 "$work/$target.log"
    echo "fuzz smoke: $target FAILED (input kept under $artifacts/)"
    return 1
  fi
  grep -a -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$target.log" | sed "s/^/  /"
}

status=0
run assessment_fuzz docs/format/examples sample_data/trial tests/measure/data/crashes || status=1
run review_records_fuzz sample_data/review sample_data/review/adjudication || status=1
run dicom_scan_fuzz tests/fuzz/seeds/dicom tests/dicom/data/crashes || status=1
# No SR seed is committed yet: the DICOM seeds give the reader a valid file to mutate.
run sr_import_fuzz tests/fuzz/seeds/dicom || status=1
run trial_data_fuzz sample_data/trial || status=1
echo "fuzz smoke: $(( $(date +%s) - start )) s in all ($(( $(date +%s) - built )) s fuzzing)"
exit $status
