#!/usr/bin/env bash
# Interactive smoke test of nadir-viewer: a real window under X, driven with xdotool the way a
# reader would (wheel, preset key, window/level drag, F1 help, F12 save, Ctrl+Esc quit).
# Checks that it exits cleanly, saved the window PNG and remembered the window size.
# Exit 77 (skipped) without a DISPLAY or xdotool.
set -uo pipefail
viewer="$1"
source "$(dirname "$0")/../x_window.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$viewer" --synthetic --settings "$work/viewer.ini" --size 1200x700 > viewer.log 2>&1 &
pid=$!
await_window "$pid" viewer.log
xdotool mousemove 600 350; sleep 0.2
for _ in 1 2 3; do xdotool click 5; sleep 0.05; done
xdotool key 2; sleep 0.2
xdotool mousedown 1 mousemove 650 370 sleep 0.1 mousemove 700 390 mouseup 1; sleep 0.2
xdotool key F1; sleep 0.3
xdotool key F12; sleep 0.5
xdotool key F1; sleep 0.2
xdotool key ctrl+Escape
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
  echo "viewer did not quit on Ctrl+Esc"; kill "$pid"; exit 1
fi
wait "$pid"; status=$?
cat viewer.log
[ "$status" -eq 0 ] || { echo "viewer exited with $status"; exit 1; }
[ -s nadir-window-1.png ] || { echo "F12 did not save nadir-window-1.png"; exit 1; }
grep -q "window_width=1200" viewer.ini || { echo "window size not remembered:"; cat viewer.ini; exit 1; }
echo "interactive smoke test passed"
