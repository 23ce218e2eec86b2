#!/usr/bin/env python3
"""same_pixels.py ORIGINALS GOT [EXPECTED_COUNT]: every file in GOT (SOP_UID.dcm) has the pixel
data, byte for byte, of the original with that SOP Instance UID (found in ORIGINALS). The
elements before Pixel Data may differ (a PACS adds its own meta header fields)."""
import os, struct, sys

def sop_uid(data):  # (0002,0003) from the explicit VR little endian meta header
    i = 132
    while i + 8 <= len(data) and struct.unpack_from("<H", data, i)[0] == 2:
        elem = struct.unpack_from("<H", data, i + 2)[0]
        vr = data[i + 4:i + 6]
        if vr in (b"OB", b"OW", b"UN", b"SQ", b"UT", b"UC", b"UR"):
            n, v = struct.unpack_from("<I", data, i + 8)[0], i + 12
        else:
            n, v = struct.unpack_from("<H", data, i + 6)[0], i + 8
        if elem == 3:
            return data[v:v + n].rstrip(b"\0 ").decode()
        i = v + n
    return None

def pixels(data):
    at = data.rfind(b"\xe0\x7f\x10\x00")
    assert at > 0, "no Pixel Data"
    return data[at:]

orig = {}
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        data = open(os.path.join(root, f), "rb").read()
        if data[128:132] == b"DICM":
            orig[sop_uid(data)] = data
got = [f for f in os.listdir(sys.argv[2]) if f.endswith(".dcm")]
for f in got:
    data = open(os.path.join(sys.argv[2], f), "rb").read()
    uid = sop_uid(data)
    assert f == uid + ".dcm", (f, uid)
    assert uid in orig, f"{f}: no original with this SOP Instance UID"
    assert pixels(data) == pixels(orig[uid]), f"{f}: pixel data differ from the original"
if len(sys.argv) > 3:
    assert len(got) == int(sys.argv[3]), f"{len(got)} files, expected {sys.argv[3]}"
print(f"{len(got)} instances, pixel data identical")
