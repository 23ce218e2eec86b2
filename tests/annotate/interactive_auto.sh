#!/usr/bin/env bash
# The Auto tool in a real window under X, driven with xdotool as a reader would: A, one click
# inside the baseline's T1 (where the phantom's truth puts it), the proposal arrives from the
# worker thread, Enter records it, Ctrl+S saves it; the saved file records T1 as semi-automatic with its volume,
# its long axis within 3 mm of the truth, and `nadir recompute` reads it. Exit 77 (skipped)
# without a DISPLAY or xdotool.
set -uo pipefail
viewer="$1"; nadir="$2"; window_point="$3"
source "$(dirname "$0")/x_driver.sh"
truth="$work/trial/truth/PH-001.json"
[ -f "$truth" ] || { echo "no phantom truth $truth"; exit 1; }
read -r cx cy cz true_long < <(python3 - "$truth" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
t1 = next(l for l in doc["timepoints"][0]["lesions"] if l["id"] == "T1")
a, b = t1["points"]["long"]
print(*[(a[i] + b[i]) / 2 for i in range(3)], t1["long_axis_mm"])
PY
)
read -r slice px py < <("$window_point" "$study" 1200 800 "$cx" "$cy" "$cz") ||
  { echo "window_point failed"; exit 1; }
file="$work/auto.json"
start_viewer --assessment "$file" --slice "$slice"
xdotool mousemove "$px" "$py"; sleep 0.2
xdotool key a; sleep 0.2
xdotool click 1
# The axes found are a proposal: nothing is recorded until Enter.
for _ in $(seq 1 100); do grep -q "Auto proposes" viewer.log && break; sleep 0.1; done
grep -q "Auto proposes" viewer.log ||
  { echo "no one-click proposal at $px,$py (slice $slice):"; cat viewer.log; exit 1; }
xdotool key Return
for _ in $(seq 1 50); do grep -q "from one click" viewer.log && break; sleep 0.1; done
grep -q "from one click" viewer.log ||
  { echo "Enter did not record the proposal:"; cat viewer.log; exit 1; }
xdotool key ctrl+s
for _ in $(seq 1 50); do grep -q "saved" viewer.log && break; sleep 0.1; done
grep -q '"semi-automatic"' "$file" && grep -q '"volume_ml"' "$file" ||
  { echo "the saved file has no semi-automatic measurement:"; cat "$file"; exit 1; }
python3 - "$file" "$true_long" <<'PY' || exit 1
import json, sys
doc = json.load(open(sys.argv[1]))
t1 = doc["timepoints"][0]["lesions"][0]
truth = float(sys.argv[2])
err = abs(t1["long_axis_mm"] - truth)
print(f"auto T1 {t1['long_axis_mm']} x {t1.get('short_axis_mm')} mm against truth {truth} mm: "
      f"{err:.1f} mm, {t1['method']['volume_ml']} mL")
sys.exit(0 if err <= 3.0 else 1)
PY
"$nadir" recompute -q "$file" --out "$work/results.json" > /dev/null 2>&1
grep -q '"sum_mm"' "$work/results.json" || { echo "recompute of the saved file failed"; exit 1; }
echo "interactive Auto tool test passed"
