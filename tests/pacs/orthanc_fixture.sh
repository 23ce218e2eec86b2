# Sourced by the pacs tests: starts Debian's Orthanc (with its DICOMweb plugin) on loopback, on
# free ports, with a generated configuration and a temporary storage folder, and stops it on
# exit. Exits 77 (skipped) when the Orthanc binary is absent. Sets ORTHANC_DIMSE (AET@HOST:PORT),
# ORTHANC_WEB (DICOMweb base URL), ORTHANC_HTTP (REST root), MOVE_PORT (for nadir's own SCP).
# Needs: $work (a temporary folder, removed by the caller's trap).
ORTHANC_BIN=${ORTHANC_BIN:-$(command -v Orthanc || true)}
[ -x "$ORTHANC_BIN" ] || ORTHANC_BIN=/usr/sbin/Orthanc
. "$(dirname "${BASH_SOURCE[0]}")/../support/skip.sh"
require_tool "$ORTHANC_BIN" "apt-get install orthanc orthanc-dicomweb"
DICOMWEB_PLUGIN=${DICOMWEB_PLUGIN:-/usr/share/orthanc/plugins/libOrthancDicomWeb.so}

free_ports() {  # N free TCP ports on loopback
  python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}
read -r DICOM_PORT HTTP_PORT MOVE_PORT <<<"$(free_ports 3)"
mkdir -p "$work/orthanc/storage"
plugins="[]"
[ -f "$DICOMWEB_PLUGIN" ] && plugins="[\"$DICOMWEB_PLUGIN\"]"
cat >"$work/orthanc/orthanc.json" <<JSON
{
  "Name": "nadir-test",
  "StorageDirectory": "$work/orthanc/storage",
  "IndexDirectory": "$work/orthanc/storage",
  "DicomAet": "ORTHANC",
  "DicomPort": $DICOM_PORT,
  "HttpPort": $HTTP_PORT,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "DicomCheckCalledAet": true,
  "DicomModalities": { "nadir": [ "NADIR", "127.0.0.1", $MOVE_PORT ] },
  "StorageCompression": false,
  "OverwriteInstances": false,
  "Plugins": $plugins,
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }
}
JSON
"$ORTHANC_BIN" "$work/orthanc/orthanc.json" >"$work/orthanc/log.txt" 2>&1 &
ORTHANC_PID=$!
stop_orthanc() {
  kill "$ORTHANC_PID" 2>/dev/null && wait "$ORTHANC_PID" 2>/dev/null
  rm -rf "$work"
}
trap stop_orthanc EXIT
ORTHANC_HTTP="http://127.0.0.1:$HTTP_PORT"
ORTHANC_WEB="$ORTHANC_HTTP/dicom-web"
ORTHANC_DIMSE="ORTHANC@127.0.0.1:$DICOM_PORT"
for _ in $(seq 1 100); do
  curl -sf "$ORTHANC_HTTP/system" >/dev/null 2>&1 && break
  kill -0 "$ORTHANC_PID" 2>/dev/null || { cat "$work/orthanc/log.txt"; echo "FAIL: Orthanc exited"; exit 1; }
  sleep 0.1
done
curl -sf "$ORTHANC_HTTP/system" >/dev/null || { echo "FAIL: Orthanc did not start"; exit 1; }
