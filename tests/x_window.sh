# Sourced by the xdotool tests: skip without X, and find the viewer's window.
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY"; exit 77; }
command -v xdotool >/dev/null || { echo "xdotool not installed"; exit 77; }

# await_window PID LOG: sets $window to PID's "nadir viewer" window (10 s at most), waits until
# the viewer's output LOG says a series is loaded (30 s at most: a shared machine may be slow),
# and moves the window to 0,0. Kills PID and exits 1 when no window or no series appears.
await_window() {
  window=""
  for _ in $(seq 1 100); do
    window=$(xdotool search --pid "$1" --name "nadir viewer" 2>/dev/null | head -1)
    [ -n "$window" ] && break
    sleep 0.1
  done
  [ -n "$window" ] || { echo "no viewer window"; kill "$1"; exit 1; }
  for _ in $(seq 1 300); do
    grep -q "nadir-viewer: loaded series" "$2" 2>/dev/null && break
    sleep 0.1
  done
  grep -q "nadir-viewer: loaded series" "$2" 2>/dev/null ||
    { echo "no series loaded:"; cat "$2"; kill "$1"; exit 1; }
  sleep 0.3  # one more frame drawn with it
  xdotool windowmove --sync "$window" 0 0 2>/dev/null || true
}
