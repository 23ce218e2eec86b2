// Before DCMTK's JPEG (ISO 10918) decoder is called: its marker walk must not loop (codec_guard.h).
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include <cstdint>

#include "dicom/detail/codec_guard.h"
#include "dicom/error.h"

namespace nadir::dicom::detail {
namespace {

std::uint16_t Marker(const Uint8* p) { return std::uint16_t(p[0] << 8 | p[1]); }

// What DCMTK 3.6.7's DJCodecDecoder::scanJpegDataForBitDepth does at each marker it meets while
// looking for the frame header (ITU-T T.81 B.1.1.3, table B.1), step by step.
enum class Step { kFrameHeader, kSkipOne, kSkipMarker, kSkipSegment, kTem, kInvalid };

Step StepAt(std::uint16_t marker) {
  const int low = marker & 0xFF;
  if ((marker >> 8) != 0xFF) return Step::kInvalid;
  if (low >= 0xC0 && low <= 0xCF && low != 0xC4 && low != 0xC8 && low != 0xCC)
    return Step::kFrameHeader;             // SOF0..SOF15
  if (low == 0xFF) return Step::kSkipOne;  // a fill byte
  if (low == 0x01) return Step::kTem;
  if ((low >= 0xD0 && low <= 0xD9) || (low >= 0x03 && low <= 0xBF))
    return Step::kSkipMarker;  // RSTm, SOI, EOI and the reserved markers: no length follows
  if (low == 0xC4 || low == 0xC8 || low == 0xCC || low >= 0xDA) return Step::kSkipSegment;
  return Step::kInvalid;  // 0xFF00, 0xFF02: DCMTK stops and refuses the stream
}

}  // namespace

bool IsDcmtkJpeg(E_TransferSyntax xfer) {
  const DcmXfer x(xfer);
  return x.isEncapsulated() && x.getJPEGProcess8Bit() != 0;
}

std::size_t TemMarkerBeforeFrameHeader(const Uint8* data, std::size_t length) {
  std::size_t offset = 0;
  while (offset + 4 < length) {
    switch (StepAt(Marker(data + offset))) {
      case Step::kFrameHeader:
      case Step::kInvalid:
        return kNoTem;
      case Step::kTem:
        return offset;
      case Step::kSkipOne:
        offset += 1;
        break;
      case Step::kSkipMarker:
        offset += 2;
        break;
      case Step::kSkipSegment:
        offset += std::size_t(Marker(data + offset + 2)) + 2;
        break;
    }
  }
  return kNoTem;
}

void CheckJpegForDcmtk(DcmDataset& ds, const std::string& file) {
  if (!IsDcmtkJpeg(ds.getOriginalXfer())) return;
  DcmPixelSequence* seq = EncapsulatedFragments(ds);
  if (!seq) return;  // nothing for the decoder to scan; it reports this itself
  // DCMTK scans the first fragment after the basic offset table (item 1) only.
  DcmPixelItem* item = nullptr;
  Uint8* bytes = nullptr;
  if (seq->getItem(item, 1).bad() || !item || item->getUint8Array(bytes).bad() || !bytes) return;
  const std::size_t at = TemMarkerBeforeFrameHeader(bytes, item->getLength());
  if (at != kNoTem)
    throw DicomError(file, TagName(DCM_PixelData),
                     "fragment 1: marker FF01 (TEM) at byte " + std::to_string(at),
                     "a JPEG stream with a TEM marker before its frame header: DCMTK 3.6.7's "
                     "decoder would loop forever on it (DCMTK bug #1190), so it is not decoded");
}

}  // namespace nadir::dicom::detail
