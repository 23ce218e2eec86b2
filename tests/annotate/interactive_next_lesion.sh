#!/usr/bin/env bash
# "Next lesion" in a real window under X, driven with xdotool as a reader would (issue 16): the
# phantom subject's baseline (T1's truth calipers) and its last follow-up (an empty timepoint)
# side by side; the follow-up is registered to the baseline in the background; N brings both
# viewports to T1 and the Auto tool proposes a measurement at the mapped point; Enter records
# it, Ctrl+S saves it: T1 at the follow-up, semi-automatic, its long axis within 3 mm of the
# truth. A second start on the same pair finds the registration in the cache. Exit 77
# (skipped) without a DISPLAY or xdotool.
set -uo pipefail
viewer="$1"; nadir="$2"
source "$(dirname "$0")/x_driver.sh"
export XDG_CACHE_HOME="$work/cache"  # a first registration, then the cached one
subject="$work/trial/dicom/PH-001"
truth="$work/trial/truth/PH-001.json"
file="$work/next.json"
[ -f "$truth" ] || { echo "no phantom truth $truth"; exit 1; }
# The assessment as a reader starts the follow-up: T1 measured at baseline, the last study's
# timepoint still empty.
python3 - "$truth" "$file" <<'PY' || exit 1
import json, sys
doc = json.load(open(sys.argv[1]))
base, last = doc["timepoints"][0], doc["timepoints"][-1]
base["lesions"] = [l for l in base["lesions"] if l["id"] == "T1"]
last = {k: last[k] for k in ("date", "label", "study_uid")} | {"lesions": []}
doc["reader"] = "R1"
doc["timepoints"] = [base, last]
json.dump(doc, open(sys.argv[2], "w"), indent=2)
PY

# start_pair: the viewer on the subject's folder, baseline and follow-up side by side; waits
# until the tracker says what became of the registration (4 minutes at most: a shared machine).
start_pair() {
  "$viewer" "$subject" --assessment "$file" --layout 1x2 --size 1400x800 > viewer.log 2>&1 &
  pid=$!
  await_window "$pid" viewer.log
  for _ in $(seq 1 2400); do
    grep -q "tracking: \(follow-up registered\|no proposals\)" viewer.log && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q "tracking: follow-up registered" viewer.log ||
    { echo "the follow-up was not registered:"; cat viewer.log; exit 1; }
  grep "tracking: follow-up registered" viewer.log
}

start_pair
# The mouse over the follow-up (keys act on the viewport under it; N acts on both).
xdotool mousemove 1000 400; sleep 0.2
xdotool key n
for _ in $(seq 1 150); do grep -q "Auto proposes" viewer.log && break; sleep 0.1; done
grep -q "Auto proposes" viewer.log || { echo "N made no proposal:"; cat viewer.log; exit 1; }
grep "Auto proposes" viewer.log
xdotool key F12
for _ in $(seq 1 50); do [ -f nadir-window-1.png ] && break; sleep 0.1; done
[ -n "${NADIR_KEEP_SCREENSHOT:-}" ] && cp nadir-window-1.png "$NADIR_KEEP_SCREENSHOT"
xdotool key Return
for _ in $(seq 1 50); do grep -q "from one click" viewer.log && break; sleep 0.1; done
grep -q "from one click" viewer.log || { echo "Enter did not record it:"; cat viewer.log; exit 1; }
xdotool key ctrl+s
for _ in $(seq 1 50); do grep -q "saved" viewer.log && break; sleep 0.1; done
python3 - "$file" "$truth" <<'PY' || { cat viewer.log; exit 1; }
import json, sys
doc, truth = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
last = doc["timepoints"][-1]
t1 = next((l for l in last["lesions"] if l["id"] == "T1"), None)
if t1 is None:
    sys.exit(f"no T1 at the follow-up {last['date']}: {last['lesions']}")
if t1.get("method", {}).get("kind") != "semi-automatic":
    sys.exit(f"T1 at the follow-up is not semi-automatic: {t1}")
want = next(l for l in truth["timepoints"][-1]["lesions"] if l["id"] == "T1")["long_axis_mm"]
err = abs(t1["long_axis_mm"] - want)
print(f"follow-up T1 proposed {t1['long_axis_mm']} x {t1.get('short_axis_mm')} mm against truth "
      f"{want} mm: {err:.1f} mm")
sys.exit(0 if err <= 3.0 else 1)
PY
kill "$pid"; wait "$pid" 2>/dev/null

# Reopening the pair is instant: the mapped positions come from the cache.
start_pair
grep -q "follow-up registered (cached)" viewer.log ||
  { echo "the second start registered again instead of using the cache:"; cat viewer.log; exit 1; }
echo "interactive next-lesion test passed"
