#!/usr/bin/env bash
# The File menu's dialogs in a real window, driven with xdotool: a new assessment has no file,
# so Ctrl+S asks for one (Save as, Return keeps the proposed SUBJECT.json); Ctrl+O then opens
# another assessment typed as a path, and a line drawn on it autosaves beside that file.
# Exit 77 (skipped) without a DISPLAY or xdotool.
set -uo pipefail
viewer="$1"; nadir="$2"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY"; exit 77; }
command -v xdotool >/dev/null || { echo "xdotool not installed"; exit 77; }
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
"$nadir" phantom --subjects 1 "$work/trial" > /dev/null || { echo "phantom failed"; exit 1; }
study="$work/trial/dicom/PH-001/$(ls "$work/trial/dicom/PH-001" | head -1)"
cp "$work/trial/truth/PH-001.json" "$work/other.json"
export XDG_STATE_HOME="$work/state"
"$viewer" "$study" --layout 1x1 --size 1200x800 > viewer.log 2>&1 &
pid=$!
window=""
for _ in $(seq 1 100); do
  window=$(xdotool search --pid "$pid" --name "nadir viewer" 2>/dev/null | head -1)
  [ -n "$window" ] && break
  sleep 0.1
done
[ -n "$window" ] || { echo "no viewer window"; exit 1; }
sleep 4
xdotool windowmove --sync "$window" 0 0 2>/dev/null || true
# Dear ImGui 1.86 polls key state once a frame: a key the dialog reads (Return, Ctrl+A) is held
# for longer than a slow software-rendered frame, or it may never be seen.
hold() { xdotool keydown "$@"; sleep 0.3; xdotool keyup "$@"; sleep 0.2; }
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
xdotool mousemove 560 320; sleep 0.2; xdotool mousedown 1; sleep 0.1
xdotool mousemove 610 320; sleep 0.1; xdotool mousemove 660 320; sleep 0.2; xdotool mouseup 1
sleep 1
[ -s "$work/other.json.autosave" ] || { echo "the line drawn after Ctrl+O did not autosave beside other.json"; ls -la "$work"; cat viewer.log; exit 1; }
kill "$pid"; wait "$pid" 2>/dev/null
echo "interactive file dialog test passed"
