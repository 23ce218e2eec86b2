// Internal to dicom/: decoding pixel data with GDCM (the library inside ITK's GDCMImageIO),
// for transfer syntaxes DCMTK 3.6.7 has no decoder for (JPEG 2000).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nadir::dicom::detail {

/// Decodes all frames of `file` to raw stored values (little endian, bits allocated as in
/// the file). Returns false with `why` set when GDCM cannot.
bool DecodeWithGdcm(const std::string& file, std::vector<std::uint8_t>& out, std::string& why);

}  // namespace nadir::dicom::detail
