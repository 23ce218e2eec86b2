#!/usr/bin/env bash
# End to end: `nadir phantom --realistic` (same seed, same bytes; the trial phantom unchanged)
# then `nadir measure --json` on each written series at its truth centre, and off any lesion.
# Usage: measure_cli_test.sh PATH/TO/nadir
set -euo pipefail
nadir="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$nadir" phantom "$work/a" --realistic --seed 5 >/dev/null
"$nadir" phantom "$work/b" --realistic --seed 5 >/dev/null
(cd "$work/a" && find . -type f | sort | xargs sha256sum) >"$work/a.sum"
(cd "$work/b" && find . -type f | sort | xargs sha256sum) >"$work/b.sum"
cmp -s "$work/a.sum" "$work/b.sum" || fail "same seed, different bytes"
[ ! -e "$work/a/truth" ] || fail "--realistic also wrote the trial"

python3 - "$work/a/realistic/truth.json" >"$work/cases" <<'PY'
import json, sys
for c in json.load(open(sys.argv[1]))["cases"]:
    x, y, z = c["centre_mm"]
    print(c["series"], f"{x},{y},{z}", "--nodal" if c["nodal"] else "-", c["long_axis_mm"],
          c["short_axis_mm"], c["volume_ml"])
PY
[ "$(wc -l <"$work/cases")" = 6 ] || fail "expected 6 realistic cases"
while read -r series at nodal long short volume; do
  flag=()
  [ "$nodal" = "--nodal" ] && flag=(--nodal)
  "$nadir" measure --images "$work/a/$series" --at "$at" "${flag[@]}" --json >"$work/m.json" ||
    fail "$series: nothing measured: $(cat "$work/m.json")"
  python3 - "$work/m.json" "$long" "$short" "$volume" "$nodal" <<'PY' || fail "$series measurement"
import json, sys
m = json.load(open(sys.argv[1]))
long, short, volume = map(float, sys.argv[2:5])
assert m["found"] is True and m["method"] == "adaptive-threshold", m
assert abs(m["long_axis_mm"] - long) <= 3.0, (m["long_axis_mm"], long)
assert abs(m["short_axis_mm"] - short) <= 3.0, (m["short_axis_mm"], short)
assert abs(m["volume_ml"] - volume) <= 0.15 * volume, (m["volume_ml"], volume)
assert len(m["long_axis_points_mm"]) == 2 and len(m["short_axis_points_mm"][0]) == 3
assert m["max_3d_diameter_mm"] >= m["long_axis_mm"] - 1e-3
assert m["reported_axis"] == ("short" if sys.argv[5] == "--nodal" else "long")
PY
done <"$work/cases"

# Off the lesion: lung above the nodule finds nothing, says why, and exits 1.
read -r series at _ long _ < <(grep lung "$work/cases")
IFS=, read -r x y z <<<"$at"
off="$x,$y,$(python3 -c "print($z + $long)")"
if "$nadir" measure --images "$work/a/$series" --at "$off" --json >"$work/m.json"; then
  fail "a click on lung exited 0"
fi
jq -e '.found == false and (.reason | test("lung"))' "$work/m.json" >/dev/null ||
  fail "click on lung: $(cat "$work/m.json")"
if "$nadir" measure --images "$work/a/$series" --at "1,2" >/dev/null 2>"$work/err"; then
  fail "a malformed --at exited 0"
fi
grep -q "1,2" "$work/err" || fail "malformed --at not named: $(cat "$work/err")"

# The truth as a manual reader's assessment (one timepoint per case, calipers from the truth):
# re-measured semi-automatically, the two agree closely.
python3 - "$work/a/realistic/truth.json" >"$work/assessment.json" <<'PY'
import json, sys
cases = json.load(open(sys.argv[1]))["cases"]
tps = []
for n, c in enumerate(cases):
    lesion = {"id": "T1", "kind": "target", "site": c["kind"], "nodal": c["nodal"],
              "state": "measured", "long_axis_mm": c["long_axis_mm"],
              "short_axis_mm": c["short_axis_mm"],
              "points": {"sop_uid": c["sop_uid"], "long": c["long_axis_points_mm"],
                         "short": c["short_axis_points_mm"]}}
    tps.append({"date": f"2026-01-{n + 1:02d}", "study_uid": c["study_uid"], "lesions": [lesion]})
tps[0]["lesions"].append({"id": "T2", "kind": "target", "site": "liver", "state": "measured",
                          "long_axis_mm": 20.0})
print(json.dumps({"format": "nadir-assessment/1", "subject": "REAL", "reader": "truth",
                  "timepoints": tps}))
PY
"$nadir" measure "$work/assessment.json" --images "$work/a/realistic" --out "$work/agree.json"
python3 - "$work/agree.json" <<'PY' || fail "manual against semi-automatic: $(cat "$work/agree.json")"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["lesions"]) == 6, d["lesions"]
assert [x["id"] for x in d["not_measured"]] == ["T2"], d["not_measured"]
a = d["agreement"]
assert a["n"] == 6 and abs(a["bias_mm"]) < 1.0 and a["icc_2_1"] > 0.98, a
assert a["limits_of_agreement_mm"][0] < a["bias_mm"] < a["limits_of_agreement_mm"][1]
PY
echo "measure CLI: ok"
