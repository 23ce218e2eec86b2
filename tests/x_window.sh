# Sourced by the xdotool tests: skip without X, and find the viewer's window.
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY"; exit 77; }
command -v xdotool >/dev/null || { echo "xdotool not installed"; exit 77; }

# await_window PID SETTLE_SECONDS: sets $window to PID's "nadir viewer" window (10 s at most),
# waits SETTLE_SECONDS for the series to load, and moves it to 0,0. Kills PID and exits 1
# when no window appears.
await_window() {
  window=""
  for _ in $(seq 1 100); do
    window=$(xdotool search --pid "$1" --name "nadir viewer" 2>/dev/null | head -1)
    [ -n "$window" ] && break
    sleep 0.1
  done
  [ -n "$window" ] || { echo "no viewer window"; kill "$1"; exit 1; }
  sleep "$2"
  xdotool windowmove --sync "$window" 0 0 2>/dev/null || true
}
