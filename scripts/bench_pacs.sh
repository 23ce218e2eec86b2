#!/usr/bin/env bash
# Retrieves one phantom series from a loopback Orthanc, in one run: nadir's C-GET against
# DCMTK's getscu, and nadir's WADO-RS against curl fetching the same series: N runs of each,
# alternating, best and median. The series is the full-size phantom's (400 slices of 1 mm,
# issue 17's target); SMALL=1 uses the 48-slice one, ONLY=wado skips C-GET (18 s a run).
# Usage: scripts/bench_pacs.sh [PATH/TO/nadir] [RUNS]
set -euo pipefail
# A failed run inside $(...) must stop the benchmark, not count as an empty time.
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/.." && pwd)
nadir=${1:-$root/build/cli/nadir}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/pacs/orthanc_fixture.sh"
size=(--full-size)
[ "${SMALL:-0}" = 1 ] && size=()
"$nadir" phantom --subjects 1 "${size[@]}" "$work/ph" >/dev/null
first="$work/ph/dicom/PH-001/$(ls "$work/ph/dicom/PH-001" | head -1)"
"$nadir" pacs store --pacs "$ORTHANC_DIMSE" "$first" >/dev/null  # one study is enough
read -r study series < <("$nadir" pacs find --pacs "$ORTHANC_DIMSE" --patient-id PH-001 --json |
  python3 -c "import json,sys; s=json.load(sys.stdin)[0]; print(s['study_uid'], s['series'][0]['series_uid'])")
port=${ORTHANC_DIMSE##*:}
# OUT_ROOT: the file system the runs write to (default: the temporary folder).
out=${OUT_ROOT:-$work}/nadir-bench-out
# The fixture's trap stops Orthanc and removes $work; the runs' folder may lie elsewhere.
trap 'stop_orthanc; rm -rf "$out"' EXIT
# Each run writes into a fresh folder $out: the last run's files are deleted and written
# back first, then the run waits 6 s. ext4 without a journal (the machine this was measured on)
# skips, for each new inode, every inode deleted in the last 5 s (ext4's recently_deleted):
# right after deleting the last run's 400 files that was 35 % of nadir's time in perf, a cost
# of the benchmark's clean-up that a retrieve into a new folder does not pay and that curl's
# one file never sees. Keeping every run's files instead fills the page cache, and the later
# runs slow down (2x after 2 GB). PAUSE=0 measures without the wait.
once() {  # wall seconds of one run of "$@" into a fresh folder $out
  rm -rf "$out"; mkdir -p "$out"; sync
  sleep "${PAUSE:-6}"
  local t0 t1; t0=$(date +%s.%N)
  # A failed run would count as a fast one: stop and show it instead.
  "$@" >"$work/run.log" 2>&1 || { echo "bench_pacs: failed: $*" >&2; cat "$work/run.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  python3 -c "print($t1 - $t0)"
}
# pair A... -- B...: A and B alternately, $runs times each, so that a change of load on the
# machine falls on both; prints best and median of each.
pair() {
  local a=() b=() ta=() tb=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  for _ in $(seq 1 "$runs"); do
    ta+=("$(once "${a[@]}")")
    tb+=("$(once "${b[@]}")")
  done
  python3 -c "import statistics as s,sys; a=[float(x) for x in sys.argv[1].split()]; b=[float(x) for x in sys.argv[2].split()]; print(min(a), min(b), s.median(a), s.median(b))" "${ta[*]}" "${tb[*]}"
}
mb=$(du -sm "$work/ph/dicom/PH-001/$(ls "$work/ph/dicom/PH-001" | head -1)" | cut -f1)
if [ "${ONLY:-}" != wado ]; then
  got=$(pair \
    "$nadir" pacs get --pacs "$ORTHANC_DIMSE" --study-uid "$study" --series-uid "$series" --out "$out" --no-cache -- \
    getscu -aet NADIR -aec ORTHANC -S -k QueryRetrieveLevel=SERIES -k StudyInstanceUID="$study" \
    -k SeriesInstanceUID="$series" -od "$out" 127.0.0.1 "$port")
  read -r g_nadir g_dcmtk g_nadir_med g_dcmtk_med <<<"$got"
fi
got=$(pair \
  "$nadir" pacs get --dicomweb "$ORTHANC_WEB" --study-uid "$study" --series-uid "$series" --out "$out" --no-cache -- \
  curl -sf -o "$out/series.bin" -H 'Accept: multipart/related; type="application/dicom"; transfer-syntax=*' \
  "$ORTHANC_WEB/studies/$study/series/$series")
read -r w_nadir w_curl w_nadir_med w_curl_med <<<"$got"
n=$(ls "$work/ph/dicom/PH-001/$(ls "$work/ph/dicom/PH-001" | head -1)" | wc -l)
printf 'one series, %s instances (%s MB), %s runs of each, alternating, over loopback\n' "$n" "$mb" "$runs"
printf 'written to %s (%s)\n' "$out" "$(findmnt -no FSTYPE,SOURCE -T "$(dirname "$out")" | tr -s ' ')"
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
[ "${ONLY:-}" != wado ] &&
  printf '  C-GET    nadir %.3f s   getscu %.3f s   best ratio %s   median ratio %s\n' \
    "$g_nadir" "$g_dcmtk" "$(ratio "$g_nadir" "$g_dcmtk")" "$(ratio "$g_nadir_med" "$g_dcmtk_med")"
printf '  WADO-RS  nadir %.3f s   curl   %.3f s   best ratio %s   median ratio %s\n' \
  "$w_nadir" "$w_curl" "$(ratio "$w_nadir" "$w_curl")" "$(ratio "$w_nadir_med" "$w_curl_med")"
