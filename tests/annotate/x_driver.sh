# Sourced by the interactive tests: drive nadir-viewer in a real window under X with xdotool.
# Needs $viewer and $nadir; sets $work (a scratch folder, removed at exit), $study (PH-001's
# baseline of a fresh phantom) and, after start_viewer, $pid and $window.
source "$(dirname "${BASH_SOURCE[0]}")/../x_window.sh"
work=$(mktemp -d)
# Only a viewer that was started: `kill 0` would end the whole process group (ctest, xvfb-run).
trap '[ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
"$nadir" phantom --subjects 1 "$work/trial" > /dev/null || { echo "phantom failed"; exit 1; }
study="$work/trial/dicom/PH-001/$(ls "$work/trial/dicom/PH-001" | head -1)"
export XDG_STATE_HOME="$work/state"

# start_viewer ARGS...: the viewer on $study, 1200x800, its window found and moved to 0,0.
start_viewer() {
  "$viewer" "$study" --layout 1x1 --size 1200x800 "$@" > viewer.log 2>&1 &
  pid=$!
  await_window "$pid" viewer.log
}

# line X0 Y0 X1 Y1: a left drag in the image.
line() {
  xdotool mousemove "$1" "$2"; sleep 0.2
  xdotool mousedown 1; sleep 0.1
  xdotool mousemove $(( ($1 + $3) / 2 )) $(( ($2 + $4) / 2 )); sleep 0.1
  xdotool mousemove "$3" "$4"; sleep 0.2
  xdotool mouseup 1; sleep 0.3
}

# hold KEYS: Dear ImGui 1.86 polls key state once a frame, so a key that the UI itself reads
# (Return, Ctrl+A in a dialog) is held longer than a slow software-rendered frame, or it may
# never be seen. The viewer's own keys go through a queue and need no holding.
hold() { xdotool keydown "$@"; sleep 0.3; xdotool keyup "$@"; sleep 0.2; }
