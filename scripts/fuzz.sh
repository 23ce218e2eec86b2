#!/usr/bin/env bash
# The fuzzing campaign (issue 18): builds the fuzz preset (clang, ASan + UBSan) and runs every
# libFuzzer target on its seeds, then prints per target the inputs run, the coverage reached and
# the findings. Any crash, sanitizer report, escaped exception or leak in our code is a finding:
# its input is kept under build-fuzz/artifacts/ (make it a regression test, tests/*/data/crashes)
# and, when small, printed at the end of the output (gzip, base64) for runs on a machine now gone.
#   scripts/fuzz.sh [SECONDS]        each target for SECONDS (default 600)
#   scripts/fuzz.sh --runs N         each target for N inputs (issue 18: 1000000)
#   scripts/fuzz.sh ... --scratch    new inputs go to a temporary corpus (CI's smoke run);
#                                    otherwise they accumulate in build-fuzz/corpus/TARGET
# NADIR_FUZZ_TARGETS="a b" runs only those targets.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
limit=(-max_total_time=600)
scratch=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) limit=(-runs="$2"); shift 2 ;;
    --scratch) scratch=1; shift ;;
    [0-9]*) limit=(-max_total_time="$1"); shift ;;
    *) echo "usage: scripts/fuzz.sh [SECONDS | --runs N] [--scratch]" >&2; exit 2 ;;
  esac
done

start=$(date +%s)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${NADIR_JOBS:-2}"
built=$(date +%s)
echo "fuzz: targets built in $((built - start)) s"

# Leaks inside third-party decoders are suppressed by name (tests/fuzz/lsan.supp says why);
# leak detection stays on for everything else. UBSan reports stop the run like ASan's.
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# ASan's fast unwinder: full unwinding at every malloc made the targets 6x slower (82 against
# 530 inputs/s for trial_data_fuzz). It was needed to see GDCM's frames above OpenJPEG's (built
# without frame pointers) in the JPEG 2000 leak; GDCM now decodes in a child process that
# leaves by _exit, which LeakSanitizer does not check (dicom/gdcm_decode.cpp).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

artifacts=build-fuzz/artifacts
mkdir -p "$artifacts"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
summary=()
findings=()

# A finding's input, printed gzip'd in base64 after the summary, so that it is in the last lines
# of CI's log: CI's machine is gone after the run (stop 25's finding had to be rebuilt from its
# stack). Only small inputs (the JSON and CSV targets') fit; a DICOM one is named by its hash.
print_input() {
  local f=$1 packed
  packed=$(gzip -9 -n -c "$f" | base64)
  echo "fuzz: input $f ($(stat -c %s "$f") bytes, sha256 $(sha256sum "$f" | cut -c1-16)...)"
  if [ "${#packed}" -gt 4096 ]; then
    echo "fuzz: too large to print here (${#packed} characters packed)"
    return
  fi
  echo "fuzz: rebuild it with: base64 -d <<'EOF' | gunzip > input"
  echo "$packed"
  echo "EOF"
}

# run TARGET SEED_FOLDERS...: seeds are read only; new inputs go to the target's corpus.
run() {
  local target=$1
  shift
  local corpus="$root/build-fuzz/corpus/$target"
  [ "$scratch" = 1 ] && corpus="$logs/corpus-$target"
  mkdir -p "$corpus"
  echo "fuzz: $target (${limit[*]}) on $*"
  local t0 status=ok
  t0=$(date +%s)
  touch "$logs/start-$target"
  if ! "build-fuzz/tests/fuzz/$target" "$corpus" "$@" "${limit[@]}" -timeout=10 \
      -rss_limit_mb=4096 -artifact_prefix="$artifacts/$target-" -print_final_stats=1 \
      >"$logs/$target.log" 2>&1; then
    tail -n 60 "$logs/$target.log"
    status="FINDING (input under $artifacts/)"
    while IFS= read -r f; do findings+=("$f"); done \
      < <(find "$artifacts" -name "$target-*" -newer "$logs/start-$target" -type f)
  fi
  local runs cov
  runs=$(grep -a -o "stat::number_of_executed_units: *[0-9]*" "$logs/$target.log" | grep -o "[0-9]*$" || echo "?")
  cov=$(grep -a -o "cov: [0-9]*" "$logs/$target.log" | tail -1 | grep -o "[0-9]*" || echo "?")
  summary+=("$(printf '%-22s %10s inputs %6s edges %6s s  %s' "$target" "$runs" "$cov" "$(( $(date +%s) - t0 ))" "$status")")
  [ "$status" = ok ]
}

targets=${NADIR_FUZZ_TARGETS:-"assessment_fuzz review_records_fuzz dicom_scan_fuzz sr_import_fuzz trial_data_fuzz"}
status=0
for t in $targets; do
  case "$t" in
    assessment_fuzz) run "$t" docs/format/examples sample_data/trial tests/measure/data/crashes || status=1 ;;
    review_records_fuzz) run "$t" sample_data/review sample_data/review/adjudication || status=1 ;;
    # 256 KiB inputs at most, as DCMTK's OSS-Fuzz harness; the target caps a series at 8 MiB,
    # so any single allocation over 64 MiB is a finding (a size believed from the input).
    dicom_scan_fuzz) run "$t" tests/fuzz/seeds/dicom tests/dicom/data/crashes -max_len=262144 \
      -malloc_limit_mb=64 || status=1 ;;
    # No SR seed is committed yet: the DICOM seeds give the reader a valid file to mutate.
    sr_import_fuzz) run "$t" tests/fuzz/seeds/dicom || status=1 ;;
    trial_data_fuzz) run "$t" sample_data/trial || status=1 ;;
    *) echo "fuzz: unknown target $t" >&2; status=1 ;;
  esac
done
echo "fuzz: $(( $(date +%s) - start )) s in all ($(( $(date +%s) - built )) s fuzzing)"
printf '%s\n' "${summary[@]}"
for f in "${findings[@]}"; do print_input "$f"; done
exit $status
