#!/usr/bin/env bash
# The File menu's dialogs in a real window, driven with xdotool: a new assessment has no file,
# so Ctrl+S asks for one (Save as, Return keeps the proposed SUBJECT.json); Ctrl+O then opens
# another assessment typed as a path, and a line drawn on it autosaves beside that file.
# Exit 77 (skipped) without a DISPLAY or xdotool.
set -uo pipefail
viewer="$1"; nadir="$2"
source "$(dirname "$0")/x_driver.sh"
cp "$work/trial/truth/PH-001.json" "$work/other.json"
start_viewer
xdotool mousemove 600 300; sleep 0.3
xdotool key ctrl+s; sleep 1
hold Return; sleep 1
[ -s "$work/PH-001.json" ] || { echo "Ctrl+S then Return wrote no PH-001.json"; ls "$work"; cat viewer.log; exit 1; }
grep -q '"subject": "PH-001"' "$work/PH-001.json" || { echo "the saved file is not PH-001's assessment"; cat "$work/PH-001.json"; exit 1; }
xdotool key ctrl+o; sleep 1
hold ctrl+a; xdotool type --delay 20 "$work/other.json"; sleep 0.3
hold Return; sleep 2
xdotool mousemove 600 300; sleep 0.2
xdotool key d; sleep 0.2
line 560 320 660 320
sleep 1
[ -s "$work/other.json.autosave" ] || { echo "the line drawn after Ctrl+O did not autosave beside other.json"; ls -la "$work"; cat viewer.log; exit 1; }
echo "interactive file dialog test passed"
