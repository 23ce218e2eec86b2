// The JPEG 2000 decoder plugin: GDCM behind one C function, built as its own module
// (libnadir_gdcm_decode.so) and loaded by gdcm_decode.cpp the first time a file needs it.
// Loading GDCM builds its whole data dictionary in static constructors (16 ms, half of nadir's
// start-up, issue 17): a command that never meets JPEG 2000 never pays for it.
#include "dicom/detail/gdcm_plugin.h"

#include <gdcmImage.h>
#include <gdcmImageReader.h>
#include <gdcmTransferSyntax.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <sstream>
#include <string>

namespace {

// Decodes the DICOM file in `dicom` into `out` (exactly `bytes` long).
bool Decode(const std::string& dicom, std::uint8_t* out, std::size_t bytes, std::string& why) {
  std::istringstream stream(dicom);
  gdcm::ImageReader reader;
  reader.SetStream(stream);
  if (!reader.Read()) {
    why = "GDCM cannot read the pixel data copied for it";
    return false;
  }
  // GDCM's JPEG-LS codec is never used: its CharLS calls bind to DCMTK's CharLS in this
  // process (same C names, other structures) and corrupted the heap (codec_guard.h).
  const gdcm::TransferSyntax ts = reader.GetFile().GetHeader().GetDataSetTransferSyntax();
  if (ts == gdcm::TransferSyntax::JPEGLSLossless ||
      ts == gdcm::TransferSyntax::JPEGLSNearLossless) {
    why = "JPEG-LS is not decoded with GDCM";
    return false;
  }
  const gdcm::Image& image = reader.GetImage();
  if (image.GetBufferLength() != bytes) {
    why = "it would decode " + std::to_string(image.GetBufferLength()) +
          " bytes, the header says " + std::to_string(bytes);
    return false;
  }
  if (!image.GetBuffer(reinterpret_cast<char*>(out))) {
    why = "cannot decode the pixel data";
    return false;
  }
  return true;
}

}  // namespace

extern "C" int nadir_gdcm_decode(const char* dicom, std::size_t dicom_size, std::uint8_t* out,
                                 std::size_t bytes, char* why, std::size_t why_size) {
  // No exception may cross the C boundary.
  std::string w;
  int ok = 0;
  try {
    ok = Decode(std::string(dicom, dicom_size), out, bytes, w) ? 1 : 0;
  } catch (const std::exception& e) {
    w = std::string("the decoder failed: ") + e.what();
  } catch (...) {
    w = "the decoder failed";
  }
  if (why_size > 0) std::snprintf(why, why_size, "%s", w.c_str());
  return ok;
}
