#!/usr/bin/env bash
# Runs the viewer's PACS session tests (browser_test.cpp) against a real Orthanc on loopback
# holding the phantom. Exit 77 when Orthanc is absent. Usage: browser_test.sh NADIR TEST_BINARY
set -euo pipefail
nadir="$1"
tests="$2"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/orthanc_fixture.sh"
"$nadir" phantom --subjects 1 "$work/ph" >/dev/null
"$nadir" pacs store --pacs "$ORTHANC_DIMSE" "$work/ph/dicom" >/dev/null
"$nadir" sr export "$work/ph/truth/PH-001.json" --images "$work/ph/dicom/PH-001" --out "$work/sr" >/dev/null
export ORTHANC_DIMSE NADIR_TEST_SCRATCH="$work" NADIR_TEST_SR
NADIR_TEST_SR=$(ls "$work"/sr/*.dcm | head -1)
"$tests" --gtest_filter='PacsBrowserOrthanc.*'
