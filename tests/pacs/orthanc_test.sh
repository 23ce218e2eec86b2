#!/usr/bin/env bash
# nadir pacs against a real Orthanc (Debian's, with its DICOMweb plugin) on loopback, by DIMSE
# and by DICOMweb: echo, find by patient and by Clinical Trial Subject ID, get (pixel data
# identical to the phantom's), store an SR from `nadir sr export` and read it back with
# `nadir sr import`; failures: server down, wrong AE title, unknown study, the same instance
# stored twice, a cancelled get; the cache and its eviction. Exit 77 when Orthanc is absent.
# Usage: orthanc_test.sh PATH/TO/nadir
set -euo pipefail
nadir="$1"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$here/orthanc_fixture.sh"
D=(--pacs "$ORTHANC_DIMSE")
W=(--dicomweb "$ORTHANC_WEB")
export XDG_CACHE_HOME="$work/cache"
unset NADIR_DICOMWEB_TOKEN NADIR_DICOMWEB_USER NADIR_DICOMWEB_PASSWORD NADIR_DICOMWEB_CREDENTIALS

"$nadir" phantom --subjects 1 "$work/ph" >/dev/null
"$nadir" pacs store "${D[@]}" "$work/ph/dicom" >"$work/out" || fail "C-STORE of the phantom"
grep -q "stored 144 instances" "$work/out" || fail "store: $(cat "$work/out")"

# echo, both protocols
"$nadir" pacs echo "${D[@]}" | grep -q "C-ECHO ok" || fail "C-ECHO"
"$nadir" pacs echo "${W[@]}" | grep -q "QIDO-RS ok" || fail "DICOMweb echo"

# find by patient and by subject ID, both protocols: 3 studies, each with its CT series
for target in D W; do
  declare -n T=$target
  for key in "--patient-id PH-001" "--subject-id PH-001"; do
    # shellcheck disable=SC2086
    "$nadir" pacs find "${T[@]}" $key --json >"$work/find.json" || fail "find $target $key"
    python3 - "$work/find.json" <<'PY' || fail "find $target $key: $(cat "$work/find.json")"
import json, sys
studies = json.load(open(sys.argv[1]))
assert len(studies) == 3, len(studies)
for s in studies:
    assert s["patient_id"] == "PH-001" and s["subject_id"] == "PH-001", s
    assert s["time_point_id"], s
    assert len(s["series"]) == 1 and s["series"][0]["instances"] == 48, s["series"]
PY
  done
  "$nadir" pacs find "${T[@]}" --subject-id PH-999 --json | grep -q '^\[\]$' || fail "find $target of an unknown subject"
  "$nadir" pacs find "${T[@]}" --study-date 20260101-20260301 --json >"$work/find.json"
  python3 -c "import json,sys; assert len(json.load(open(sys.argv[1]))) == 1" "$work/find.json" ||
    fail "find $target by date range"
done
"$nadir" pacs find "${D[@]}" --patient-id PH-001 --json >"$work/find.json"
study=$(python3 -c "import json,sys; print(sorted(json.load(open(sys.argv[1])), key=lambda s: s['study_date'])[0]['study_uid'])" "$work/find.json")

# get: C-GET, C-MOVE to nadir's own SCP, WADO-RS; pixel data identical to the originals
"$nadir" pacs get "${D[@]}" --study-uid "$study" --out "$work/get_dimse" --no-cache >/dev/null || fail "C-GET"
python3 "$here/same_pixels.py" "$work/ph/dicom" "$work/get_dimse" 48 >/dev/null || fail "C-GET pixels"
"$nadir" pacs get "${D[@]}" --study-uid "$study" --out "$work/get_move" --no-cache --move \
  --move-port "$MOVE_PORT" >"$work/out" || fail "C-MOVE"
grep -q "by C-MOVE" "$work/out" || fail "C-MOVE not used: $(cat "$work/out")"
python3 "$here/same_pixels.py" "$work/ph/dicom" "$work/get_move" 48 >/dev/null || fail "C-MOVE pixels"
"$nadir" pacs get "${W[@]}" --study-uid "$study" --out "$work/get_web" --no-cache >/dev/null || fail "WADO-RS"
python3 "$here/same_pixels.py" "$work/ph/dicom" "$work/get_web" 48 >/dev/null || fail "WADO-RS pixels"

# the cache: a second get is served from it; a small limit evicts the least recently used
"$nadir" pacs get "${D[@]}" --study-uid "$study" --out "$work/c1" >"$work/out" || fail "cached get"
grep -q "by C-GET" "$work/out" || fail "first cached get: $(cat "$work/out")"
"$nadir" pacs get "${D[@]}" --study-uid "$study" --out "$work/c2" >"$work/out" || fail "cache hit"
grep -q "48 instances .* by cache" "$work/out" || fail "second get not from the cache: $(cat "$work/out")"
python3 "$here/same_pixels.py" "$work/ph/dicom" "$work/c2" 48 >/dev/null || fail "cache pixels"
other=$(python3 -c "import json,sys; print(sorted(json.load(open(sys.argv[1])), key=lambda s: s['study_date'])[1]['study_uid'])" "$work/find.json")
"$nadir" pacs get "${D[@]}" --study-uid "$other" --out "$work/c3" --cache-max-mb 30 2>"$work/err" >/dev/null ||
  fail "get with a small cache"
grep -q "cache: evicted .*$study" "$work/err" || fail "no eviction of the older study: $(cat "$work/err")"

# failures: unknown study, wrong AE title, server down (within the timeout), bad address
for target in D W; do
  declare -n T=$target
  if "$nadir" pacs get "${T[@]}" --study-uid 1.2.3.4 --out "$work/none" --no-cache 2>"$work/err"; then
    fail "get $target of an unknown study exited 0"
  fi
  grep -Eq "C-GET failed: status 0x|WADO-RS failed: HTTP 404" "$work/err" || fail "unknown study $target: $(cat "$work/err")"
done
port=${ORTHANC_DIMSE##*:}
if "$nadir" pacs echo --pacs "WRONG@127.0.0.1:$port" 2>"$work/err"; then fail "wrong AE title accepted"; fi
grep -q "association rejected.*Called AE Title Not Recognized" "$work/err" || fail "wrong AE: $(cat "$work/err")"
read -r dead <<<"$(free_ports 1)"
start=$(date +%s)
if "$nadir" pacs echo --pacs "ORTHANC@127.0.0.1:$dead" --timeout 3 2>"$work/err"; then fail "echo to a closed port"; fi
if "$nadir" pacs find --dicomweb "http://127.0.0.1:$dead/dicom-web" --timeout 3 2>>"$work/err"; then fail "find on a closed port"; fi
[ $(( $(date +%s) - start )) -le 8 ] || fail "server down: no answer within the timeout"
grep -q "C-ECHO failed: cannot associate" "$work/err" && grep -q "QIDO-RS failed" "$work/err" || fail "server down: $(cat "$work/err")"
"$nadir" pacs echo --pacs "ORTHANC@127.0.0.1" 2>"$work/err" && fail "address without a port"
grep -q "not AET@HOST:PORT" "$work/err" || fail "bad address: $(cat "$work/err")"

# a cancelled get leaves only whole files
"$nadir" pacs get "${D[@]}" --study-uid "$other" --out "$work/cancel" --no-cache >/dev/null 2>&1 &
pid=$!
sleep 0.7
kill -INT "$pid"
rc=0; wait "$pid" || rc=$?
[ "$rc" = 4 ] || [ "$rc" = 0 ] || fail "cancelled get exited $rc"
[ -z "$(find "$work/cancel" -name '*.part')" ] || fail "a cancelled get left .part files"
python3 "$here/same_pixels.py" "$work/ph/dicom" "$work/cancel" >/dev/null || fail "cancelled get: a file is not whole"
# and by WADO-RS, cut at several points (parts are written on a thread of their own)
for delay in 0.03 0.06 0.1 0.2; do
  rm -rf "$work/cancel_web"
  "$nadir" pacs get "${W[@]}" --study-uid "$other" --out "$work/cancel_web" --no-cache >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -INT "$pid" 2>/dev/null || true
  rc=0; wait "$pid" || rc=$?
  [ "$rc" = 4 ] || [ "$rc" = 0 ] || fail "cancelled WADO-RS get exited $rc"
  [ -z "$(find "$work/cancel_web" -name '*.part' 2>/dev/null)" ] || fail "a cancelled WADO-RS get left .part files"
  if [ -d "$work/cancel_web" ]; then
    python3 "$here/same_pixels.py" "$work/ph/dicom" "$work/cancel_web" >/dev/null ||
      fail "cancelled WADO-RS get: a file is not whole"
  fi
done

# the same instances stored twice: accepted, still 48 on the server (C-STORE and STOW-RS)
"$nadir" pacs store "${D[@]}" "$work/get_dimse" >/dev/null || fail "second C-STORE"
"$nadir" pacs store "${W[@]}" "$work/get_dimse" >/dev/null || fail "STOW-RS of stored instances"
"$nadir" pacs find "${D[@]}" --study-uid "$study" --json >"$work/find1.json"
python3 -c "import json,sys; s=json.load(open(sys.argv[1])); assert s[0]['series'][0]['instances']==48, s" \
  "$work/find1.json" || fail "instances duplicated on the server"

# SR: exported from the phantom's truth, stored into its studies (baseline by C-STORE, the
# others by STOW-RS), retrieved by the other protocol, read back by nadir sr import
"$nadir" sr export "$work/ph/truth/PH-001.json" --images "$work/ph/dicom/PH-001" --out "$work/sr" >/dev/null
srs=("$work"/sr/*.dcm)
[ ${#srs[@]} = 3 ] || fail "expected 3 SR files"
"$nadir" pacs store "${D[@]}" "${srs[0]}" >/dev/null || fail "C-STORE of an SR"
"$nadir" pacs store "${W[@]}" "${srs[1]}" "${srs[2]}" >"$work/out" || fail "STOW-RS of SRs"
grep -q "stored 2 instances" "$work/out" || fail "STOW-RS: $(cat "$work/out")"
"$nadir" pacs find "${W[@]}" --subject-id PH-001 --json >"$work/find.json"
python3 - "$work/find.json" >"$work/sr_series" <<'PY' || fail "SR series not in the source studies"
import json, sys
studies = json.load(open(sys.argv[1]))
assert len(studies) == 3, len(studies)
for s in studies:
    sr = [x for x in s["series"] if x["modality"] == "SR"]
    assert len(s["series"]) == 2 and len(sr) == 1, s["series"]
    print(s["study_uid"], sr[0]["series_uid"])
PY
i=0
while read -r st se; do
  if [ $((i % 2)) = 0 ]; then T=("${W[@]}"); else T=("${D[@]}"); fi
  "$nadir" pacs get "${T[@]}" --study-uid "$st" --series-uid "$se" --out "$work/back_sr" --no-cache \
    >/dev/null || fail "get of SR series $se"
  i=$((i + 1))
done <"$work/sr_series"
[ "$(ls "$work/back_sr" | wc -l)" = 3 ] || fail "expected 3 SR files back"
"$nadir" sr import "$work/back_sr" --out "$work/back.json" >/dev/null 2>"$work/err" || fail "sr import: $(cat "$work/err")"
python3 - "$work/ph/truth/PH-001.json" "$work/back.json" <<'PY' || fail "SR read back differs from the truth"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert [t["date"] for t in a["timepoints"]] == [t["date"] for t in b["timepoints"]]
pa = [l.get("points") for t in a["timepoints"] for l in t["lesions"]]
pb = [l.get("points") for t in b["timepoints"] for l in t["lesions"]]
assert len(pa) == len(pb)
for p, q in zip(pa, pb):
    assert (p is None) == (q is None)
    if p:
        assert p["sop_uid"] == q["sop_uid"]
        for axis in ("long", "short"):
            for e, f in zip(p.get(axis, []), q.get(axis, [])):
                assert max(abs(x - y) for x, y in zip(e, f)) < 1e-3
PY
# the SR carries the images' patient and study attributes exactly
python3 - "$work/ph/dicom/PH-001" "$work/back_sr" <<'PY' || fail "SR patient/study attributes differ from its images"
import os, subprocess, sys
def tags(path):
    out = subprocess.run(["dcmdump", "-q", "+P", "0010,0010", "+P", "0010,0020", "+P", "0010,0030",
                          "+P", "0010,0040", "+P", "0020,000d", "+P", "0008,0020", "+P", "0008,0050",
                          "+P", "0012,0040", "+P", "0012,0050", path], capture_output=True, text=True).stdout
    return sorted(set(l.split("#")[0].strip() for l in out.splitlines()))  # sequences repeat UIDs
images = {}
for root, _, files in os.walk(sys.argv[1]):
    if not files:
        continue
    t = tags(os.path.join(root, sorted(files)[0]))
    images[[x for x in t if x.startswith("(0020,000d)")][0]] = t
for f in os.listdir(sys.argv[2]):
    t = tags(os.path.join(sys.argv[2], f))
    key = [x for x in t if x.startswith("(0020,000d)")][0]
    assert images[key] == t, (f, images[key], t)
PY
echo "pacs orthanc_test: ok"
