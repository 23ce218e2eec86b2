#!/bin/bash
# `nadir validate` names each input that passed silently before (issue 13): the file, the
# subject, the timepoint, the lesion, the field and the value. Usage: validate_cli_test.sh NADIR
set -u
nadir="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# One subject per file: baseline T1 30 mm, then the follow-up lesion given as $3.
subject() {  # FILE SUBJECT FOLLOW_UP_LESION [TOP_LEVEL_FIELDS] [BASELINE_DATE] [FOLLOW_UP_DATE]
  cat > "$dir/$1" <<JSON
{"format": "nadir-assessment/1", "subject": "$2", "reader": "R1", ${4:-}
 "timepoints": [
  {"date": "${5:-2026-01-05}", "label": "Baseline",
   "lesions": [{"id": "T1", "kind": "target", "site": "liver", "long_axis_mm": 30}]},
  {"date": "${6:-2026-02-16}", "label": "Week 6", "lesions": [$3]}]}
JSON
}
subject absent.json V-ABSENT '{"id": "T1", "kind": "target", "site": "liver", "state": "absent", "long_axis_mm": 12}'
subject small.json V-SMALL '{"id": "T1", "kind": "target", "site": "liver", "state": "too_small", "long_axis_mm": 11}'
subject early.json V-EARLY '{"id": "T1", "kind": "target", "site": "liver", "long_axis_mm": 25}' \
  '"treatment_start": "2026-02-03",' 2026-01-05 2026-03-16
subject typo.json V-TYPO '{"id": "T1", "kind": "target", "site": "liver", "long_axis_mm": 25}' \
  '"treatment_start": "2026-01-05",' 2026-01-05 2025-02-16
cat > "$dir/merged.json" <<JSON
{"format": "nadir-assessment/1", "subject": "V-MERGED", "reader": "R1",
 "timepoints": [
  {"date": "2026-01-05", "label": "Baseline", "lesions": [
    {"id": "T1", "kind": "target", "site": "liver", "long_axis_mm": 30},
    {"id": "T2", "kind": "target", "site": "liver", "long_axis_mm": 20}]},
  {"date": "2026-02-16", "label": "Week 6", "lesions": [
    {"id": "T1", "kind": "target", "site": "liver", "long_axis_mm": 45},
    {"id": "T2", "kind": "target", "site": "liver", "state": "merged", "merged_into": "T1",
     "short_axis_mm": 7}]}]}
JSON

out=$("$nadir" validate "$dir")
rc=$?
echo "$out"
fail=0
expect() {
  if ! grep -qF -- "$1" <<<"$out"; then
    echo "MISSING: $1"
    fail=1
  fi
}
expect "$dir/absent.json: subject V-ABSENT: error: timepoint 2026-02-16, lesion T1: long_axis_mm 12 given for a target in state 'absent'"
expect "$dir/merged.json: subject V-MERGED: error: timepoint 2026-02-16, lesion T2: short_axis_mm 7 given for a target in state 'merged'"
expect "$dir/small.json: subject V-SMALL: warning: timepoint 2026-02-16, lesion T1: long_axis_mm 11 recorded with state 'too_small'"
expect "$dir/early.json: subject V-EARLY: warning: baseline 2026-01-05 is 29 days before treatment_start 2026-02-03"
expect "$dir/typo.json: subject V-TYPO: warning: timepoint 2025-02-16 ('Week 6') is dated before the baseline 2026-01-05 ('Baseline')"
expect "$dir/typo.json: subject V-TYPO: warning: timepoints 2025-02-16 and 2026-01-05 ('Baseline') are both on or before treatment_start 2026-01-05"
expect "5 subjects: 2 errors,"
if [ "$rc" -ne 1 ]; then
  echo "exit code $rc, expected 1 (errors)"
  fail=1
fi
exit $fail
