#!/usr/bin/env bash
# Annotating in a real window under X, driven with xdotool as a reader would: D (line tool),
# a drag across the image, Ctrl+S; Ctrl+Z and Ctrl+S again; then another line and Ctrl+Esc,
# which must NOT quit with unsaved changes; then the process is killed (a crash) and the
# autosave must hold the unsaved line. Both saves are in the audit log, signed with the key of
# --user tester, and `nadir audit verify` passes. Exit 77 (skipped) without a DISPLAY or xdotool.
set -uo pipefail
viewer="$1"; nadir="$2"
source "$(dirname "$0")/x_driver.sh"
file="$work/PH-001.json"
export XDG_CONFIG_HOME="$work/config"  # tester's private key, never the real user's
"$nadir" keys create --user tester > /dev/null || { echo "nadir keys create failed"; exit 1; }
mkdir -p "$work/keys" && cp "$XDG_CONFIG_HOME/nadir/keys/tester.pub" "$work/keys/"
start_viewer --assessment "$file" --user tester
xdotool mousemove 600 300; sleep 0.2
xdotool key d; sleep 0.2
line 560 300 660 300
xdotool key ctrl+s
for _ in $(seq 1 50); do grep -q '"long_axis_mm"' "$file" 2>/dev/null && break; sleep 0.1; done
[ -s "$file" ] || { echo "Ctrl+S wrote no $file"; cat viewer.log; kill "$pid"; exit 1; }
grep -q '"long_axis_mm"' "$file" && grep -q '"sop_uid"' "$file" ||
  { echo "the saved file has no measured line:"; cat "$file"; kill "$pid"; exit 1; }
"$nadir" recompute -q "$file" --out "$work/results.json" > /dev/null 2>&1
grep -q '"sum_mm"' "$work/results.json" || { echo "recompute of the saved file failed"; exit 1; }
xdotool key ctrl+z; sleep 0.3
xdotool key ctrl+s; sleep 0.5
grep -q '"long_axis_mm"' "$file" && { echo "Ctrl+Z then Ctrl+S still has the line"; kill "$pid"; exit 1; }
grep -q "saved $file: 1 change logged in .*signed by tester" viewer.log ||
  { echo "the second save did not say it logged one signed change:"; cat viewer.log; exit 1; }
"$nadir" audit verify "$work" > audit.txt 2>&1 || { echo "audit verify failed:"; cat audit.txt; exit 1; }
grep -c '"sig"' "$work/PH-001.audit.jsonl" | grep -qx 4 ||
  { echo "expected 4 signed entries (created, subject, T1 added, T1 removed):"; cat "$work/PH-001.audit.jsonl"; exit 1; }
line 560 350 640 350
xdotool key ctrl+Escape; sleep 1
kill -0 "$pid" 2>/dev/null || { echo "quit with unsaved changes without asking"; exit 1; }
kill -9 "$pid"; wait "$pid" 2>/dev/null
[ -s "$file.autosave" ] || { echo "no autosave after a crash"; ls -la "$work"; exit 1; }
grep -q '"long_axis_mm"' "$file.autosave" || { echo "the autosave lost the line"; exit 1; }
grep -q '"long_axis_mm"' "$file" && { echo "the autosave overwrote the saved file"; exit 1; }
echo "interactive annotation test passed"
