#include "dicom/detail/gdcm_decode.h"

#include <gdcmImage.h>
#include <gdcmImageReader.h>

namespace nadir::dicom::detail {

bool DecodeWithGdcm(const std::string& file, std::vector<std::uint8_t>& out, std::string& why) {
  gdcm::ImageReader reader;
  reader.SetFileName(file.c_str());
  if (!reader.Read()) {
    why = "cannot read the file";
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
