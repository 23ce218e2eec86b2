#!/usr/bin/env bash
# Installs every Debian 12 package nadir needs to build, test and run (headless and viewer).
# Idempotent: packages already present are skipped by apt-get.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  # DICOM, imaging and 3D (the team's ../shared/DESIGN.md: roles of the dependencies)
  libdcmtk-dev libinsighttoolkit5-dev libvtk9-dev
  # zlib: deflated DICOM files are inflated to a checked copy before DCMTK reads them
  zlib1g-dev
  # DICOM command-line converters: the dicom tests re-encode series in every transfer syntax
  dcmtk libgdcm-tools
  # SR checks: every TID 1500 report written is validated with dciodvfy (dsrdump is in dcmtk)
  dicom3tools
  # viewer: window, input, panels, OpenGL 3.3 core
  libglfw3-dev libimgui-dev libgl-dev libegl-dev libpng-dev
  # file formats, command line, plots
  nlohmann-json3-dev libcli11-dev libcairo2-dev
  # batch reading of assessment files (nlohmann stays the reader of single files and messages)
  libsimdjson-dev
  # PACS (pacs/): DICOMweb over libcurl; Debian's Orthanc and its DICOMweb plugin are the real
  # servers the pacs tests start on loopback
  libcurl4-openssl-dev orthanc orthanc-dicomweb
  # SHA-256 for the audit trail's hash chain (OpenSSL libcrypto)
  libssl-dev
  # tests and benchmarks; Xvfb + Mesa llvmpipe for screenshot tests
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth libgl1-mesa-dri mesa-utils
  # the viewer's interactive smoke test drives a real window with it
  xdotool
  # code checks (scripts/lint.sh): clang-format and clang-tidy
  clang-format clang-tidy
  # fuzz smoke run (scripts/fuzz_smoke.sh): clang, libFuzzer and sanitizer runtimes, and
  # llvm-symbolizer for readable reports
  clang libclang-rt-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Packages with a service (orthanc) must not start it while installing: on a machine or
# container without an init system the start fails and so would the install. The tests start
# their own servers on free loopback ports. policy-rc.d is Debian's switch for this; an existing
# one is left alone.
guard=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  guard=/usr/sbin/policy-rc.d
fi
status=0
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" || status=$?
[ -z "$guard" ] || $SUDO rm -f "$guard"
exit $status
