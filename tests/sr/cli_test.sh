#!/usr/bin/env bash
# End to end: nadir phantom -> nadir sr export -> nadir sr import -> nadir recompute gives the
# same timepoint responses as the ground truth; bad input exits non-zero naming what is wrong.
# Usage: cli_test.sh PATH/TO/nadir
set -euo pipefail
nadir="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$nadir" phantom "$work/ph" >/dev/null
mkdir -p "$work/back" "$work/blind"
for s in PH-001 PH-002 PH-003; do
  "$nadir" sr export "$work/ph/truth/$s.json" --images "$work/ph/dicom/$s" --out "$work/sr/$s" \
    >"$work/export.txt" 2>/dev/null
  [ "$(ls "$work/sr/$s" | wc -l)" = 3 ] || fail "$s: expected 3 SR files"
  "$nadir" sr import "$work/sr/$s" --images "$work/ph/dicom/$s" --out "$work/back/$s.json" \
    >/dev/null 2>"$work/import.err" || fail "$s: import failed: $(cat "$work/import.err")"
  [ ! -s "$work/import.err" ] || fail "$s: import warned: $(cat "$work/import.err")"
  # Without --images the end points come from SCOORD3D: still nothing to warn about.
  "$nadir" sr import "$work/sr/$s" --out "$work/blind/$s.json" \
    >/dev/null 2>"$work/import.err" || fail "$s: import without images failed: $(cat "$work/import.err")"
  [ ! -s "$work/import.err" ] || fail "$s: import without images warned: $(cat "$work/import.err")"
done

python3 - "$work/ph/truth" "$work/back" "$work/blind" <<'PY' || fail "subject-level fields or end points differ"
import json, os, sys
truth, back, blind = sys.argv[1:]
for name in sorted(os.listdir(truth)):
    a = json.load(open(os.path.join(truth, name)))
    for folder in (back, blind):
        b = json.load(open(os.path.join(folder, name)))
        for k, v in a.items():
            if k != "timepoints" and v is not None:
                assert b.get(k) == v, (folder, name, k, v, b.get(k))
        pa = [l.get("points") for t in a["timepoints"] for l in t["lesions"]]
        pb = [l.get("points") for t in b["timepoints"] for l in t["lesions"]]
        for p, q in zip(pa, pb):
            assert (p is None) == (q is None), (folder, name)
            if p is None:
                continue
            assert p["sop_uid"] == q["sop_uid"], (folder, name)
            for axis in ("long", "short"):
                for e, f in zip(p.get(axis, []), q.get(axis, [])):
                    assert max(abs(x - y) for x, y in zip(e, f)) < 1e-3, (folder, name, axis)
PY

"$nadir" recompute "$work/ph/truth" --out "$work/truth.json" -q
"$nadir" recompute "$work/back" --out "$work/back.json" -q
python3 - "$work/truth.json" "$work/back.json" <<'PY' || fail "responses differ after the SR round trip"
import json, sys
def load(p):
    return {s["subject"]: s for s in json.load(open(p))["subjects"]}
a, b = load(sys.argv[1]), load(sys.argv[2])
assert a.keys() == b.keys(), (a.keys(), b.keys())
for k in a:
    assert not b[k]["errors"], b[k]["errors"]
    for crit in ("recist11", "irecist"):
        ta = [(t["date"], t["overall"]) for t in a[k][crit]["timepoints"]]
        tb = [(t["date"], t["overall"]) for t in b[k][crit]["timepoints"]]
        assert ta == tb, (k, crit, ta, tb)
PY

if "$nadir" sr import "$work/ph/dicom/PH-001" --out "$work/x.json" >/dev/null 2>"$work/err"; then
  fail "import of a folder without SR exited 0"
fi
grep -q "no DICOM SR file found" "$work/err" || fail "no-SR reason: $(cat "$work/err")"
if "$nadir" sr export "$work/ph/truth/PH-001.json" --images "$work/ph/dicom/PH-002" \
     --out "$work/wrong" >/dev/null 2>"$work/err"; then
  fail "export against another subject's images exited 0"
fi
grep -q "study_uid" "$work/err" || fail "wrong-images reason: $(cat "$work/err")"
echo "sr cli_test: ok"
