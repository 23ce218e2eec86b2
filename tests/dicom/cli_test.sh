#!/usr/bin/env bash
# End-to-end checks of `nadir phantom` and `nadir info` (and the phantom's ground truth read
# by `nadir recompute`). Usage: cli_test.sh PATH/TO/nadir
set -euo pipefail
nadir="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$nadir" phantom "$work/ph" --seed 3 >/dev/null
[ "$(ls "$work/ph/truth" | wc -l)" = 3 ] || fail "expected 3 ground-truth files"

"$nadir" info "$work/ph/dicom/PH-001" --json >"$work/info.json"
python3 - "$work/info.json" <<'PY' || fail "info --json content"
import json, sys
d = json.load(open(sys.argv[1]))
series = [s for p in d["patients"] for st in p["studies"] for s in st["series"]]
assert len(series) == 3, len(series)
for s in series:
    assert s["dimensions"] == [512, 512, 48], s["dimensions"]
    assert s["spacing"] == [0.7, 0.7, 5.0], s["spacing"]
    assert s["transfer_syntax_uid"] == "1.2.840.10008.1.2.1"
    assert s["hu_min"] >= -1024 and s["hu_max"] <= 3071 and s["hu_min"] < s["hu_mean"] < s["hu_max"]
    assert isinstance(s["hu_mean"], float) and s["hu_mean"] != round(s["hu_mean"], 2)
    assert s["error"] is None
    assert [w["code"] for w in s["warnings"]] == ["padding_replaced"], s["warnings"]
PY

if "$nadir" info "$work/does-not-exist" >/dev/null 2>"$work/err"; then fail "missing path exited 0"; fi
grep -q "does-not-exist" "$work/err" || fail "missing path not named: $(cat "$work/err")"
echo "just text" >"$work/notes.txt"
if "$nadir" info "$work/notes.txt" >/dev/null 2>"$work/err"; then fail "text file exited 0"; fi
grep -q "not DICOM" "$work/err" || fail "text file reason: $(cat "$work/err")"

# The ground truth is a valid assessment set: the engine reads the courses it was built for.
"$nadir" recompute "$work/ph/truth" --out "$work/results.json" -q
python3 - "$work/results.json" <<'PY' || fail "recompute of the phantom truth"
import json, sys
d = {s["subject"]: s for s in json.load(open(sys.argv[1]))["subjects"]}
assert all(not s["errors"] for s in d.values()), [s["errors"] for s in d.values()]
assert [t["overall"] for t in d["PH-001"]["recist11"]["timepoints"]] == ["PR", "PR"]
assert [t["overall"] for t in d["PH-002"]["recist11"]["timepoints"]] == ["SD", "PD"]
assert [t["overall"] for t in d["PH-003"]["recist11"]["timepoints"]] == ["SD", "PD"]
assert [t["new_lesions"] for t in d["PH-003"]["recist11"]["timepoints"]] == ["NO", "YES"]
PY
echo "cli_test: ok"
