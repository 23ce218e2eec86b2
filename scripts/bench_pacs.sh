#!/usr/bin/env bash
# Retrieves one phantom series from a loopback Orthanc, in one run: nadir's C-GET against
# DCMTK's getscu, and nadir's WADO-RS against curl fetching the same series. Best of N runs.
# The series is the full-size phantom's (400 slices of 1 mm, issue 17's target); SMALL=1 uses
# the 48-slice one.
# Usage: scripts/bench_pacs.sh [PATH/TO/nadir] [RUNS]
set -euo pipefail
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
best() {  # best wall time of $runs runs of "$@", each into a fresh folder $work/o
  local b=999999
  for _ in $(seq 1 "$runs"); do
    # The last run's files written back first, so every run starts with a clean page cache.
    rm -rf "$work/o"; mkdir -p "$work/o"; sync
    local t0 t1; t0=$(date +%s.%N)
    # A failed run would count as a fast one: stop and show it instead.
    "$@" >"$work/run.log" 2>&1 || { echo "bench_pacs: failed: $*" >&2; cat "$work/run.log" >&2; exit 1; }
    t1=$(date +%s.%N)
    b=$(python3 -c "print(min($b, $t1 - $t0))")
  done
  echo "$b"
}
mb=$(du -sm "$work/ph/dicom/PH-001/$(ls "$work/ph/dicom/PH-001" | head -1)" | cut -f1)
g_nadir=$(best "$nadir" pacs get --pacs "$ORTHANC_DIMSE" --study-uid "$study" --series-uid "$series" --out "$work/o" --no-cache)
g_dcmtk=$(best getscu -aet NADIR -aec ORTHANC -S -k QueryRetrieveLevel=SERIES -k StudyInstanceUID="$study" \
  -k SeriesInstanceUID="$series" -od "$work/o" 127.0.0.1 "$port")
w_nadir=$(best "$nadir" pacs get --dicomweb "$ORTHANC_WEB" --study-uid "$study" --series-uid "$series" --out "$work/o" --no-cache)
w_curl=$(best curl -sf -o "$work/o/series.bin" -H 'Accept: multipart/related; type="application/dicom"; transfer-syntax=*' \
  "$ORTHANC_WEB/studies/$study/series/$series")
n=$(ls "$work/ph/dicom/PH-001/$(ls "$work/ph/dicom/PH-001" | head -1)" | wc -l)
printf 'one series, %s instances (%s MB), best of %s runs over loopback\n' "$n" "$mb" "$runs"
printf '  C-GET    nadir %.3f s   getscu %.3f s   ratio %.2f\n' "$g_nadir" "$g_dcmtk" "$(python3 -c "print($g_nadir/$g_dcmtk)")"
printf '  WADO-RS  nadir %.3f s   curl   %.3f s   ratio %.2f\n' "$w_nadir" "$w_curl" "$(python3 -c "print($w_nadir/$w_curl)")"
