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
mkdir -p "$work/back"
for s in PH-001 PH-002 PH-003; do
  "$nadir" sr export "$work/ph/truth/$s.json" --images "$work/ph/dicom/$s" --out "$work/sr/$s" \
    >"$work/export.txt" 2>/dev/null
  [ "$(ls "$work/sr/$s" | wc -l)" = 3 ] || fail "$s: expected 3 SR files"
  "$nadir" sr import "$work/sr/$s" --images "$work/ph/dicom/$s" --out "$work/back/$s.json" \
    >/dev/null 2>"$work/import.err" || fail "$s: import failed: $(cat "$work/import.err")"
  [ ! -s "$work/import.err" ] || fail "$s: import warned: $(cat "$work/import.err")"
done

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
