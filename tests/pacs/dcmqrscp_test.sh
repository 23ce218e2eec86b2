#!/usr/bin/env bash
# nadir pacs against a second DIMSE peer, DCMTK's dcmqrscp, on loopback with a generated
# configuration and a temporary archive: store, echo, find, get by C-GET and by C-MOVE (pixel data
# identical to the phantom's), an SR stored and read back, and the failures. dcmqrscp does not
# index Clinical Trial Subject ID: a query by it must show no study rather than every subject's.
# Exit 77 when dcmqrscp is absent. Usage: dcmqrscp_test.sh PATH/TO/nadir
set -euo pipefail
nadir="$1"
here=$(cd "$(dirname "$0")" && pwd)
command -v dcmqrscp >/dev/null || { echo "SKIP: dcmqrscp is absent (apt-get install dcmtk)"; exit 77; }
work=$(mktemp -d)
fail() { echo "FAIL: $*" >&2; [ -f "$work/qr.log" ] && tail -20 "$work/qr.log" >&2; exit 1; }
read -r port move_port <<<"$(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
)"
mkdir -p "$work/archive"
cat >"$work/qr.cfg" <<CFG
NetworkTCPPort  = $port
MaxPDUSize      = 65536
MaxAssociations = 16

HostTable BEGIN
nadir = (NADIR, 127.0.0.1, $move_port)
HostTable END

VendorTable BEGIN
VendorTable END

AETable BEGIN
DCMQR  $work/archive  RW  (200, 1024mb)  ANY
AETable END
CFG
# Fork mode: Debian's dcmqrscp 3.6.7 in --single-process mode segfaults after its first association.
dcmqrscp -c "$work/qr.cfg" >"$work/qr.log" 2>&1 &
qr_pid=$!
trap 'kill "$qr_pid" 2>/dev/null; wait "$qr_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
A=(--pacs "DCMQR@127.0.0.1:$port")
for _ in $(seq 1 50); do
  "$nadir" pacs echo "${A[@]}" --timeout 2 >/dev/null 2>&1 && break
  kill -0 "$qr_pid" 2>/dev/null || fail "dcmqrscp exited"
  sleep 0.1
done
"$nadir" pacs echo "${A[@]}" | grep -q "C-ECHO ok" || fail "C-ECHO"

"$nadir" phantom --subjects 1 "$work/ph" >/dev/null
"$nadir" pacs store "${A[@]}" "$work/ph/dicom" >"$work/out" || fail "C-STORE of the phantom"
grep -q "stored 144 instances" "$work/out" || fail "store: $(cat "$work/out")"

"$nadir" pacs find "${A[@]}" --patient-id PH-001 --json >"$work/find.json" || fail "find by patient"
python3 - "$work/find.json" <<'PY' || fail "find by patient: $(cat "$work/find.json")"
import json, sys
studies = json.load(open(sys.argv[1]))
assert len(studies) == 3, len(studies)
for s in studies:
    assert s["patient_id"] == "PH-001", s
    assert [x["modality"] for x in s["series"]] == ["CT"], s["series"]
PY
"$nadir" pacs find "${A[@]}" --subject-id PH-001 --json >"$work/find_subject.json" 2>"$work/err" ||
  fail "find by subject"
grep -q '^\[\]$' "$work/find_subject.json" || fail "a query by subject ID showed studies the PACS did not match"
grep -q "returned no Clinical Trial Subject ID (0012,0040) for 3 studies" "$work/err" ||
  fail "no warning that dcmqrscp cannot match on subject ID: $(cat "$work/err")"
study=$(python3 -c "import json,sys; print(sorted(json.load(open(sys.argv[1])), key=lambda s: s['study_date'])[0]['study_uid'])" "$work/find.json")

"$nadir" pacs get "${A[@]}" --study-uid "$study" --out "$work/get" --no-cache >"$work/out" || fail "C-GET"
grep -q "by C-GET" "$work/out" || fail "C-GET: $(cat "$work/out")"
python3 "$here/same_pixels.py" "$work/ph/dicom" "$work/get" 48 >/dev/null || fail "C-GET pixels"
"$nadir" pacs get "${A[@]}" --study-uid "$study" --out "$work/move" --no-cache --move \
  --move-port "$move_port" >"$work/out" || fail "C-MOVE"
grep -q "by C-MOVE" "$work/out" || fail "C-MOVE not used: $(cat "$work/out")"
python3 "$here/same_pixels.py" "$work/ph/dicom" "$work/move" 48 >/dev/null || fail "C-MOVE pixels"

if "$nadir" pacs get "${A[@]}" --study-uid 1.2.3.4 --out "$work/none" --no-cache 2>"$work/err"; then
  fail "get of an unknown study exited 0"
fi
grep -q "C-GET failed: no instance matched" "$work/err" || fail "unknown study: $(cat "$work/err")"
if "$nadir" pacs echo --pacs "WRONG@127.0.0.1:$port" 2>"$work/err"; then fail "wrong AE title accepted"; fi
grep -q "association rejected.*Called AE Title Not Recognized" "$work/err" || fail "wrong AE: $(cat "$work/err")"

# An SR made by nadir sr export, stored into the baseline study and read back from dcmqrscp.
"$nadir" sr export "$work/ph/truth/PH-001.json" --images "$work/ph/dicom/PH-001" --out "$work/sr" >/dev/null
"$nadir" pacs store "${A[@]}" "$work/sr" >"$work/out" || fail "C-STORE of the SRs"
grep -q "stored 3 instances" "$work/out" || fail "SR store: $(cat "$work/out")"
"$nadir" pacs find "${A[@]}" --patient-id PH-001 --json >"$work/find.json"
python3 - "$work/find.json" >"$work/sr_series" <<'PY' || fail "SR series not in the source studies"
import json, sys
for s in json.load(open(sys.argv[1])):
    sr = [x for x in s["series"] if x["modality"] == "SR"]
    assert len(s["series"]) == 2 and len(sr) == 1, s["series"]
    print(s["study_uid"], sr[0]["series_uid"])
PY
while read -r st se; do
  "$nadir" pacs get "${A[@]}" --study-uid "$st" --series-uid "$se" --out "$work/back_sr" --no-cache \
    >/dev/null || fail "get of SR series $se"
done <"$work/sr_series"
"$nadir" sr import "$work/back_sr" --out "$work/back.json" >/dev/null 2>"$work/err" ||
  fail "sr import: $(cat "$work/err")"
python3 - "$work/ph/truth/PH-001.json" "$work/back.json" <<'PY' || fail "SR read back differs from the truth"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert [t["date"] for t in a["timepoints"]] == [t["date"] for t in b["timepoints"]]
na = sum(len(t["lesions"]) for t in a["timepoints"])
nb = sum(len(t["lesions"]) for t in b["timepoints"])
assert na == nb, (na, nb)
PY
echo "pacs dcmqrscp_test: ok"
