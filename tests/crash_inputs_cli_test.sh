#!/usr/bin/env bash
# Inputs that once aborted nadir (issue 20), through the commands a person runs: each must
# end with an error naming the file (exit 1), never a crash (134 abort, 139 segfault), and
# in a batch the other subjects must still be computed.
# Usage: crash_inputs_cli_test.sh PATH/TO/nadir SOURCE_DIR
set -uo pipefail
nadir="$1"
src="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# `nadir info FOLDER` on each DICOM crash file, alone in its folder.
for f in "$src"/tests/dicom/data/crashes/*.dcm; do
  name=$(basename "$f" .dcm)
  mkdir -p "$work/$name"
  cp "$f" "$work/$name/"
  "$nadir" info "$work/$name" >"$work/$name.out" 2>&1
  rc=$?
  [ "$rc" = 1 ] || fail "nadir info on $name exited $rc: $(tail -5 "$work/$name.out")"
  grep -q "$name.dcm" "$work/$name.out" || fail "nadir info on $name does not name the file: $(cat "$work/$name.out")"
done
grep -q "DCMTK's JPEG-LS Lossless decoder cannot decode" "$work/jpeg-ls-heap-corruption.out" ||
  fail "the JPEG-LS error does not name the codec: $(cat "$work/jpeg-ls-heap-corruption.out")"
# A valid JPEG-LS file decodes in this program: DCMTK's decoder reaches DCMTK's CharLS, not
# GDCM's (the link order of dicom/CMakeLists.txt; the heap corruption's root cause).
mkdir -p "$work/jpeg-ls-ok"
cp "$src"/tests/fuzz/seeds/dicom/jpeg-ls.dcm "$work/jpeg-ls-ok/"
"$nadir" info "$work/jpeg-ls-ok" >"$work/jpeg-ls-ok.out" 2>&1 ||
  fail "a valid JPEG-LS file does not load: $(cat "$work/jpeg-ls-ok.out")"
grep -q "HU min -1024, max 1046" "$work/jpeg-ls-ok.out" || fail "JPEG-LS pixels: $(cat "$work/jpeg-ls-ok.out")"
grep -q "(0028,0101) BitsStored" "$work/gdcm-assert-bits-stored-vr.out" || fail "the BitsStored error does not name the tag"

# `nadir recompute` and `nadir validate` on a folder with one assessment holding a number
# no double holds: that file is an error naming it and the value; the others are computed.
mkdir -p "$work/batch"
cp "$src"/docs/format/examples/0*.json "$work/batch/"
cp "$src"/tests/measure/data/crashes/number-overflow.json "$work/batch/"
for cmd in recompute validate; do
  "$nadir" $cmd "$work/batch" >"$work/$cmd.out" 2>&1
  rc=$?
  [ "$rc" = 1 ] || fail "nadir $cmd exited $rc: $(tail -5 "$work/$cmd.out")"
  grep -q "number-overflow.json" "$work/$cmd.out" || fail "nadir $cmd does not name the file: $(cat "$work/$cmd.out")"
  grep -q "77777e777777775" "$work/$cmd.out" || fail "nadir $cmd does not name the value: $(cat "$work/$cmd.out")"
done
"$nadir" recompute "$work/batch" --out "$work/results.json" >/dev/null 2>&1
python3 - "$work/results.json" <<'PY' || fail "recompute did not compute the other six subjects"
import json, sys
d = json.load(open(sys.argv[1]))
ok = [s for s in d["subjects"] if not s.get("errors")]
assert len(ok) == 6, [s.get("subject") for s in d["subjects"]]
PY
echo "crash inputs: every command ended with an error naming the input"
