#!/usr/bin/env bash
# Sets up, builds and runs the main job on the bundled sample data (the README's first command):
# recomputes every response of the sample trial and prints its response table, then writes its
# endpoint report (tables, listings, CDISC-shaped data sets, plots, PDF) to out/report/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
mkdir -p out
# The synthetic CT trial (DICOM + ground truth) is generated on demand, never committed.
[ -d sample_data/phantom/truth ] || ./build/cli/nadir phantom sample_data/phantom
./build/cli/nadir recompute sample_data/trial --out out/results.json --csv out/timepoints.csv
./build/cli/nadir report sample_data/trial --by arm,dose_level --out out/report
