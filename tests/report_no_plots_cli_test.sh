#!/usr/bin/env bash
# `nadir report --no-plots` keeps no subject record unless the trial's CSV data is beside the
# assessments (issue 18): without it, the same tables as with plots; with it (the sample trial's
# adverse events, kinetics and labs), the safety tables are still written.
# Usage: report_no_plots_cli_test.sh PATH/TO/nadir SOURCE_DIR
set -uo pipefail
nadir="$1"
src="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# The sample trial's assessments without its CSV data.
mkdir -p "$work/reads"
cp "$src"/sample_data/trial/*.json "$work/reads/"
n=$(ls "$work/reads" | wc -l)
"$nadir" report --by arm,dose_level --out "$work/plots" "$work/reads" >"$work/plots.log" 2>&1 ||
  fail "report with plots: $(cat "$work/plots.log")"
"$nadir" report --no-plots --by arm,dose_level --out "$work/counted" "$work/reads" \
  >"$work/counted.log" 2>&1 || fail "report --no-plots: $(cat "$work/counted.log")"
grep -q "nadir report: $n subjects (0 with errors, 0 unreadable)" "$work/counted.log" ||
  fail "subjects not counted: $(cat "$work/counted.log")"
for f in endpoints.csv endpoints.md endpoints.json covariates.csv listing.csv sdtm_tr.csv \
  sdtm_rs.csv adam_adtte.csv; do
  cmp -s "$work/plots/$f" "$work/counted/$f" || fail "$f differs without plots: $(diff "$work/plots/$f" "$work/counted/$f" | head -5)"
done

# With the trial's CSV data the subjects are kept for the safety sections.
"$nadir" report --no-plots --by arm,dose_level --out "$work/safety" "$src/sample_data/trial" \
  >"$work/safety.log" 2>&1 || fail "report --no-plots on the sample trial: $(cat "$work/safety.log")"
for f in escalation.csv safety.csv kinetics.csv cytokines.csv; do
  [ -s "$work/safety/$f" ] || fail "$f not written with the trial data: $(cat "$work/safety.log")"
done
grep -q "trial data: [1-9][0-9]* adverse events" "$work/safety.log" ||
  fail "no adverse events read: $(cat "$work/safety.log")"
echo "report --no-plots: $n subjects counted, tables as with plots; safety kept with trial data"
