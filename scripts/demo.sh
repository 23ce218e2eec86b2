#!/usr/bin/env bash
# Sets up, builds and runs the main job on the bundled sample data (the README's first command):
# recomputes every response of the sample trial and prints its response table.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
mkdir -p out
./build/cli/nadir recompute sample_data/trial --out out/results.json --csv out/timepoints.csv
# Central review of the sample's second reader: agreement, discordance, an adjudication.
./build/cli/nadir review sample_data/review --out out/review.json
