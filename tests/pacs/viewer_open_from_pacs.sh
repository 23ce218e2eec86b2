#!/usr/bin/env bash
# File > Open from PACS in a real window under X, driven with xdotool as a reader would (issue
# 17): the phantom stored in a test Orthanc; the viewer opened on an empty folder; the PACS
# window: the address typed, Connect, patient ID, Find, the first study, "Retrieve and open";
# the series arrives, is listed and loads in the viewports, its files in the viewer's cache.
# Exit 77 (skipped) without a DISPLAY, xdotool or Orthanc. Usage: SCRIPT VIEWER NADIR
set -uo pipefail
viewer="$1"; nadir="$2"
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x_window.sh"
work=$(mktemp -d)
. "$here/orthanc_fixture.sh"
fail() { echo "FAIL: $*"; [ -f "$work/viewer.log" ] && cat "$work/viewer.log"; exit 1; }
"$nadir" phantom --subjects 1 "$work/ph" >/dev/null || fail "phantom"
"$nadir" pacs store --pacs "$ORTHANC_DIMSE" "$work/ph/dicom" >/dev/null || fail "C-STORE"
mkdir -p "$work/empty"
cd "$work" || exit 1
unset NADIR_PACS_CONFIG
export XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
"$viewer" "$work/empty" --size 1400x900 > viewer.log 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; stop_orthanc' EXIT
window=""
for _ in $(seq 1 300); do
  window=$(xdotool search --pid "$pid" --name "nadir viewer" 2>/dev/null | head -1)
  [ -n "$window" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the viewer exited"
  sleep 0.1
done
[ -n "$window" ] || fail "no viewer window"
sleep 1
xdotool windowmove --sync "$window" 0 0
click() { xdotool mousemove "$1" "$2"; sleep 0.2; xdotool click 1; sleep "${3:-0.5}"; }
# Window pixels of a 1400x900 window: the File menu, its item, then the PACS window's fields
# where Dear ImGui places them at first use.
click 20 10
click 60 67 1
click 255 119; xdotool type --delay 30 "$ORTHANC_DIMSE"; sleep 0.3
click 96 165 1
click 255 192; xdotool type --delay 30 "PH-001"; sleep 0.3
click 86 285 0.2
for _ in $(seq 1 300); do grep -q "pacs: .* studies found" viewer.log && break; sleep 0.1; done
grep -q "pacs: .*: 3 studies found" viewer.log || fail "Find did not list the phantom's 3 studies"
click 102 324
click 131 467
for _ in $(seq 1 600); do
  grep -q "nadir-viewer: loaded series" viewer.log && break
  kill -0 "$pid" 2>/dev/null || fail "the viewer exited"
  sleep 0.1
done
grep -q "nadir-viewer: loaded series" viewer.log || fail "no series arrived from the PACS"
n=$(find "$work/cache" -name '*.dcm' | wc -l)
[ "$n" = 48 ] || fail "the cache holds $n instances, not the series' 48"
echo "viewer Open from PACS: a series retrieved, listed and loaded ($n instances)"
