// Before a decoder is called: what GDCM and DCMTK's CharLS must not be given (codec_guard.h).
#include "dicom/detail/codec_guard.h"

#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dlfcn.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>

#include "dicom/error.h"

namespace nadir::dicom::detail {
namespace {

constexpr Uint16 kImagePixelGroup = 0x0028;

std::string Bytes(Uint32 n) { return std::to_string(n) + " bytes"; }

// JPEG 2000 (ISO/IEC 15444-1 A.5.1): SOC then SIZ, whose fields are big-endian.
constexpr Uint8 kSocSiz[] = {0xFF, 0x4F, 0xFF, 0x51};
constexpr std::size_t kSizFields = 38;         // Lsiz .. Csiz after the SIZ marker
constexpr std::uint64_t kMaxJ2kTiles = 65535;  // Isot is 16 bits (A.4.2)

std::uint32_t BigEndian(const Uint8* p, int n) {
  std::uint32_t v = 0;
  for (int i = 0; i < n; ++i) v = v << 8 | p[i];
  return v;
}

bool IsJpeg2000(E_TransferSyntax xfer) {
  return xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000 ||
         xfer == EXS_JPEG2000MulticomponentLosslessOnly || xfer == EXS_JPEG2000Multicomponent;
}

// EncapsulatedFragments, or a DicomError saying why there are none.
DcmPixelSequence* Fragments(DcmDataset& ds, const std::string& file) {
  if (!ds.tagExists(DCM_PixelData)) throw DicomError(file, TagName(DCM_PixelData), "", "missing");
  DcmPixelSequence* seq = EncapsulatedFragments(ds);
  if (!seq)
    throw DicomError(file, TagName(DCM_PixelData), DcmXfer(ds.getOriginalXfer()).getXferName(),
                     "no encapsulated pixel data for this transfer syntax");
  return seq;
}

// The SIZ fields of one codestream (at `siz`, just after the SIZ marker) against the header.
void CheckSiz(const Uint8* siz, std::size_t left, std::uint32_t rows, std::uint32_t columns,
              std::uint32_t samples, const std::string& file, unsigned long fragment) {
  const std::string where = TagName(DCM_PixelData);
  const std::string which = "fragment " + std::to_string(fragment) + ": ";
  if (left < kSizFields)
    throw DicomError(file, where, which + Bytes(Uint32(left)),
                     "JPEG 2000 SIZ marker segment truncated");
  const std::uint64_t width = std::uint64_t(BigEndian(siz + 4, 4)) - BigEndian(siz + 12, 4);
  const std::uint64_t height = std::uint64_t(BigEndian(siz + 8, 4)) - BigEndian(siz + 16, 4);
  const std::uint32_t tile_w = BigEndian(siz + 20, 4), tile_h = BigEndian(siz + 24, 4);
  const std::uint32_t components = BigEndian(siz + 36, 2);
  if (BigEndian(siz + 4, 4) < BigEndian(siz + 12, 4) ||
      BigEndian(siz + 8, 4) < BigEndian(siz + 16, 4) || width != columns || height != rows ||
      components != samples)
    throw DicomError(file, where,
                     which + "the JPEG 2000 stream declares " + std::to_string(width) + " x " +
                         std::to_string(height) + " x " + std::to_string(components) +
                         " components",
                     "the header says " + std::to_string(columns) + " x " + std::to_string(rows) +
                         " x " + std::to_string(samples) + " (columns x rows x samples per pixel)");
  const std::uint64_t tiles =
      tile_w == 0 || tile_h == 0
          ? 0
          : ((BigEndian(siz + 4, 4) + std::uint64_t(tile_w) - 1) / tile_w) *
                ((BigEndian(siz + 8, 4) + std::uint64_t(tile_h) - 1) / tile_h);
  if (tiles == 0 || tiles > kMaxJ2kTiles)
    throw DicomError(
        file, where, which + "tiles of " + std::to_string(tile_w) + " x " + std::to_string(tile_h),
        "the JPEG 2000 stream declares " + std::to_string(tiles) + " tiles (at most 65535 exist)");
}

}  // namespace

DcmPixelSequence* EncapsulatedFragments(DcmDataset& ds) {
  DcmElement* pixel = nullptr;
  if (ds.findAndGetElement(DCM_PixelData, pixel).bad() || !pixel) return nullptr;
  auto* pd = dynamic_cast<DcmPixelData*>(pixel);
  DcmPixelSequence* seq = nullptr;
  if (!pd || pd->getEncapsulatedRepresentation(ds.getOriginalXfer(), nullptr, seq).bad())
    return nullptr;
  return seq;
}

std::string JpegLsBindingProblem() {
  static const std::string problem = [] {
    // The definition every unversioned reference in the process binds to.
    void* symbol = ::dlsym(RTLD_DEFAULT, "JpegLsDecode");
    if (!symbol) return std::string("JpegLsDecode is not loaded (no DCMTK JPEG-LS codec)");
    Dl_info info{};
    if (!::dladdr(symbol, &info) || !info.dli_fname)
      return std::string("cannot tell which library defines JpegLsDecode");
    const std::string where = info.dli_fname;
    if (where.find("dcmtkcharls") != std::string::npos) return std::string();
    // Another CharLS first: DCMTK's decoder would call it with its own, different structures.
    return "JpegLsDecode resolves to " + where +
           ", not DCMTK's CharLS (libdcmtkcharls): decoding JPEG-LS here could corrupt memory";
  }();
  return problem;
}

bool IsJpegLs(E_TransferSyntax xfer) {
  return xfer == EXS_JPEGLSLossless || xfer == EXS_JPEGLSLossy;
}

void CheckBeforeGdcm(DcmDataset& ds, const std::string& file) {
  const E_TransferSyntax xfer = ds.getOriginalXfer();
  if (IsJpegLs(xfer))
    throw DicomError(file, TagName(DCM_TransferSyntaxUID), DcmXfer(xfer).getXferID(),
                     "JPEG-LS is decoded by DCMTK only: GDCM's JPEG-LS codec would call DCMTK's "
                     "CharLS, whose functions have the same names and other structures");
  for (unsigned long i = 0; i < ds.card(); ++i) {
    DcmElement* e = ds.getElement(i);
    if (!e || e->getGTag() != kImagePixelGroup || e->getLength() == 0) continue;
    const DcmVR vr(e->ident());
    const DcmVR expected(DcmTag(e->getTag().getXTag()).getEVR());
    if (expected.getEVR() == EVR_UNKNOWN || expected.getEVR() == EVR_UNKNOWN2B) continue;
    if (!vr.isEquivalent(expected))
      throw DicomError(file, TagName(e->getTag()),
                       "VR " + std::string(vr.getVRName()) + ", " + Bytes(e->getLength()),
                       "malformed: the dictionary says VR " + std::string(expected.getVRName()) +
                           "; not given to GDCM, which asserts on it");
    const std::size_t width = vr.getValueWidth();
    if (!vr.isaString() && width > 1 && e->getLength() % width != 0)
      throw DicomError(file, TagName(e->getTag()),
                       "VR " + std::string(vr.getVRName()) + ", " + Bytes(e->getLength()),
                       "malformed: the length is not a multiple of the VR's " +
                           std::to_string(width) + "-byte values");
  }
  DcmPixelSequence* seq = Fragments(ds, file);
  // Item 0 is the basic offset table; the compressed stream is in the fragments after it.
  Uint32 stream = 0;
  for (unsigned long i = 1; i < seq->card(); ++i) {
    DcmPixelItem* item = nullptr;
    if (seq->getItem(item, i).good() && item) stream += item->getLength();
  }
  if (seq->card() < 2 || stream == 0)
    throw DicomError(file, TagName(DCM_PixelData),
                     Bytes(stream) + " in " +
                         std::to_string(seq->card() > 0 ? seq->card() - 1 : 0) + " fragment(s)",
                     "no compressed stream to decode");
  CheckJpeg2000Streams(ds, file);
}

void CheckJpeg2000Streams(DcmDataset& ds, const std::string& file) {
  if (!IsJpeg2000(ds.getOriginalXfer())) return;
  Uint16 rows = 0, columns = 0, samples = 1;
  ds.findAndGetUint16(DCM_Rows, rows);
  ds.findAndGetUint16(DCM_Columns, columns);
  ds.findAndGetUint16(DCM_SamplesPerPixel, samples);
  DcmPixelSequence* seq = Fragments(ds, file);
  bool found = false;
  for (unsigned long i = 1; i < seq->card(); ++i) {
    DcmPixelItem* item = nullptr;
    Uint8* bytes = nullptr;
    if (seq->getItem(item, i).bad() || !item || item->getUint8Array(bytes).bad() || !bytes)
      continue;
    const std::size_t n = item->getLength();
    // A frame's codestream starts its first fragment; a JP2 wrapper puts boxes before it.
    const Uint8* end = bytes + n;
    const Uint8* soc =
        std::search(static_cast<const Uint8*>(bytes), end, std::begin(kSocSiz), std::end(kSocSiz));
    if (soc == end) continue;
    found = true;
    const Uint8* siz = soc + sizeof kSocSiz;
    CheckSiz(siz, std::size_t(end - siz), rows, columns, samples, file, i);
  }
  if (!found)
    throw DicomError(file, TagName(DCM_PixelData), DcmXfer(ds.getOriginalXfer()).getXferName(),
                     "no JPEG 2000 codestream (SOC and SIZ markers) in any fragment");
}

std::string MinimalCopyForGdcm(DcmDataset& ds, const std::string& file) {
  const E_TransferSyntax xfer = ds.getOriginalXfer();
  DcmFileFormat copy;
  DcmDataset& out = *copy.getDataset();
  for (unsigned long i = 0; i < ds.card(); ++i) {
    DcmElement* e = ds.getElement(i);
    if (!e) continue;
    if (e->getGTag() == kImagePixelGroup || e->getTag() == DCM_PixelData)
      out.insert(static_cast<DcmElement*>(e->clone()), true);
  }
  // The SOP class and instance GDCM's reader expects in a file meta header.
  out.putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
  out.putAndInsertString(DCM_SOPInstanceUID, "1.2.3");
  out.putAndInsertString(DCM_Modality, "OT");
  std::string bytes;
  std::unique_ptr<char[]> buffer(new char[1 << 16]);
  DcmOutputBufferStream stream(buffer.get(), 1 << 16);
  copy.transferInit();
  OFCondition c = EC_StreamNotifyClient;
  while (c == EC_StreamNotifyClient) {
    c = copy.write(stream, xfer, EET_ExplicitLength, nullptr);
    void* chunk = nullptr;
    offile_off_t length = 0;
    stream.flushBuffer(chunk, length);
    bytes.append(static_cast<const char*>(chunk), std::size_t(length));
  }
  copy.transferEnd();
  if (c.bad())
    throw DicomError(file, TagName(DCM_PixelData), c.text(),
                     "cannot copy the pixel data for the JPEG 2000 decoder");
  return bytes;
}

}  // namespace nadir::dicom::detail
