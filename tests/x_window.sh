# Sourced by the xdotool tests: skip without X or xdotool, and find the viewer's window.
source "$(dirname "${BASH_SOURCE[0]}")/support/skip.sh"
require_display
require_tool xdotool

# await_window PID LOG: sets $window to PID's "nadir viewer" window (30 s at most), waits until
# the viewer's output LOG says a series is loaded (30 s at most: a shared machine may be slow),
# and moves the window to 0,0. Kills PID and exits 1 when no window or no series appears.
await_window() {
  window=""
  for _ in $(seq 1 300); do
    window=$(xdotool search --pid "$1" --name "nadir viewer" 2>/dev/null | head -1)
    [ -n "$window" ] && break
    kill -0 "$1" 2>/dev/null || break  # the viewer is gone: say why below
    sleep 0.1
  done
  if [ -z "$window" ]; then
    if kill -0 "$1" 2>/dev/null; then
      echo "no viewer window after 30 s"; kill "$1"
    else
      wait "$1"; echo "the viewer exited (status $?) before its window appeared"
    fi
    echo "its output:"; cat "$2"
    exit 1
  fi
  for _ in $(seq 1 300); do
    grep -q "nadir-viewer: loaded series" "$2" 2>/dev/null && break
    sleep 0.1
  done
  grep -q "nadir-viewer: loaded series" "$2" 2>/dev/null ||
    { echo "no series loaded:"; cat "$2"; kill "$1"; exit 1; }
  sleep 0.3  # one more frame drawn with it
  xdotool windowmove --sync "$window" 0 0 2>/dev/null || true
}
