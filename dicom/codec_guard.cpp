// Before a decoder is called: what GDCM and DCMTK's CharLS must not be given (codec_guard.h).
#include "dicom/detail/codec_guard.h"

#include <dcmtk/dcmdata/dcpxitem.h>
#include <dlfcn.h>

#include "dicom/error.h"

namespace nadir::dicom::detail {
namespace {

constexpr Uint16 kImagePixelGroup = 0x0028;

std::string Bytes(Uint32 n) { return std::to_string(n) + " bytes"; }

}  // namespace

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
  DcmElement* pixel = nullptr;
  if (ds.findAndGetElement(DCM_PixelData, pixel).bad() || !pixel)
    throw DicomError(file, TagName(DCM_PixelData), "", "missing");
  auto* pd = dynamic_cast<DcmPixelData*>(pixel);
  DcmPixelSequence* seq = nullptr;
  if (!pd || pd->getEncapsulatedRepresentation(xfer, nullptr, seq).bad() || !seq)
    throw DicomError(file, TagName(DCM_PixelData), DcmXfer(xfer).getXferName(),
                     "no encapsulated pixel data for this transfer syntax");
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
}

}  // namespace nadir::dicom::detail
