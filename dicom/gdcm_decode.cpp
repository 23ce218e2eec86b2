#include "detail/gdcm_decode.h"

#include <gdcmImage.h>
#include <gdcmImageReader.h>
#include <gdcmTransferSyntax.h>

namespace nadir::dicom::detail {

bool DecodeWithGdcm(const std::string& file, std::vector<std::uint8_t>& out, std::string& why) {
  gdcm::ImageReader reader;
  reader.SetFileName(file.c_str());
  if (!reader.Read()) {
    why = "cannot read the file";
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
  out.resize(image.GetBufferLength());
  if (!image.GetBuffer(reinterpret_cast<char*>(out.data()))) {
    why = "cannot decode the pixel data";
    return false;
  }
  return true;
}

}  // namespace nadir::dicom::detail
