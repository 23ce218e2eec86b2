#!/usr/bin/env bash
# Memory at scale (issue 18): peak resident memory and time of `recompute` and `report` on N
# generated subjects, against the same commands on N/10 subjects measured in the same run.
# What may grow with the subjects is printed per subject: the file list and one 64-bit key per
# subject (the duplicate check) are kept by design; the rest of a run is streamed.
#   scripts/bench_memory.sh [N]       N subjects (default 100000); needs build/ (scripts/build.sh)
#   OUT_ROOT=DIR                      where the subject files go (default: a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
ref=$((n / 10))
nadir=$PWD/build/cli/nadir
[ -x "$nadir" ] || { echo "bench_memory: build nadir first (scripts/build.sh)" >&2; exit 2; }
[ "$ref" -ge 1 ] || { echo "bench_memory: N must be at least 10" >&2; exit 2; }
work=$(mktemp -d "${OUT_ROOT:-${TMPDIR:-/tmp}}/nadir-bench-memory.XXXXXX")
trap 'rm -rf "$work"' EXIT

# measure ARGS...: "PEAK_KB SECONDS" of one run of nadir ARGS (the child's own ru_maxrss).
measure() {
  python3 - "$nadir" "$@" <<'PY'
import resource, subprocess, sys, time
t0 = time.monotonic()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
seconds = time.monotonic() - t0
if rc not in (0, 1):  # 1: some subject had errors, still a full run
    sys.exit(f"bench_memory: {' '.join(sys.argv[1:])} failed with exit code {rc}")
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, f"{seconds:.2f}")
PY
}

echo "bench_memory: generating $ref and $n subject files in $work"
for k in "$ref" "$n"; do "$nadir" bench --subjects "$k" --dir "$work/s$k" --keep >/dev/null; done

printf '%-46s %18s %18s %8s %14s\n' "command" "$ref subjects" "$n subjects" "ratio" "per subject"
run() {
  local name=$1
  shift
  local small large
  mkdir -p "$work/out"
  read -r -a small <<<"$(measure "$@" "$work/s$ref")"
  rm -rf "$work/out" && mkdir -p "$work/out"
  read -r -a large <<<"$(measure "$@" "$work/s$n")"
  rm -rf "$work/out"
  awk -v name="$name" -v ks="${small[0]}" -v ss="${small[1]}" -v kl="${large[0]}" \
    -v sl="${large[1]}" -v nr="$ref" -v nn="$n" 'BEGIN {
      printf "%-46s %9.1f MB %5.2f s %9.1f MB %5.2f s %7.2fx %11.0f B\n", name, ks / 1024, ss,
        kl / 1024, sl, kl / ks, (kl - ks) * 1024 / (nn - nr) }'
}
run "recompute -q" recompute -q
run "recompute --out results.json" recompute -q --out "$work/out/results.json"
run "report --no-plots --by arm,dose_level" report --no-plots --by arm,dose_level --out "$work/out"
run "report --by arm,dose_level (plots)" report --by arm,dose_level --out "$work/out"
