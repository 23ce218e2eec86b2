# Sourced by the shell tests: one way to skip (exit 77, which CMake's SKIP_RETURN_CODE reports
# as skipped) when what a test needs is not here, saying why.

# require_display: skips without an X display.
require_display() {
  [ -n "${DISPLAY:-}" ] || { echo "SKIP: no DISPLAY (tests that open a window run under xvfb-run)"; exit 77; }
}

# require_tool NAME [HINT]: skips when NAME is not an executable on PATH (or a path to one).
require_tool() {
  command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] ||
    { echo "SKIP: $1 not installed${2:+ ($2)}"; exit 77; }
}
