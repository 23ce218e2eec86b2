#!/usr/bin/env bash
# A caliper drawn with the mouse on a coronal reformat, in a real window under X (xdotool):
# the saved measurement names no SOP Instance UID but the series, the plane and its normal
# (docs/format/assessment-v1.md, "Measurements drawn on a reformatted view"), reads back
# without errors in `nadir recompute`, and a click on its end grabs it again after reopening.
# Exit 77 (skipped) without a DISPLAY or xdotool.
set -uo pipefail
viewer="$1"; nadir="$2"
source "$(dirname "$0")/x_driver.sh"
file="$work/PH-001.json"
start() { start_viewer --assessment "$file" --orientation coronal; }
start
xdotool mousemove 600 250; sleep 0.2
xdotool key d; sleep 0.2
line 560 250 680 250
xdotool key ctrl+s
for _ in $(seq 1 50); do grep -q '"long_axis_mm"' "$file" 2>/dev/null && break; sleep 0.1; done
grep -q '"plane": "coronal"' "$file" && grep -q '"series_uid"' "$file" &&
  grep -q '"normal"' "$file" ||
  { echo "the saved line does not name its coronal plane:"; cat "$file" viewer.log; kill "$pid"; exit 1; }
grep -q '"sop_uid"' "$file" && { echo "a reformat measurement names an image:"; cat "$file"; kill "$pid"; exit 1; }
"$nadir" recompute "$file" --out "$work/results.json" > recompute.log 2>&1 ||
  { echo "recompute of the saved file failed:"; cat recompute.log; kill "$pid"; exit 1; }
kill "$pid"; wait "$pid" 2>/dev/null
# Reopened: the viewer goes to the measurement's plane; its end is grabbed and dragged.
before=$(grep -o '"long_axis_mm": [0-9.]*' "$file")
start
xdotool key Escape; sleep 0.2  # navigate: only a handle takes the mouse
line 680 250 720 250
xdotool key ctrl+s; sleep 0.5
after=$(grep -o '"long_axis_mm": [0-9.]*' "$file")
kill "$pid"; wait "$pid" 2>/dev/null
[ "$before" != "$after" ] || { echo "the reopened reformat caliper was not grabbed ($before)"; cat "$file"; exit 1; }
echo "interactive reformat caliper test passed ($before -> $after)"
