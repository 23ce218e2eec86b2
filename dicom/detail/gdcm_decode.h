// Internal to dicom/: decoding pixel data with GDCM (the library inside ITK's GDCMImageIO),
// for transfer syntaxes DCMTK 3.6.7 has no decoder for (JPEG 2000).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace nadir::dicom::detail {

/// Decodes all frames of `dicom` (a whole DICOM file's bytes, MinimalCopyForGdcm's) to raw
/// stored values (little endian, bits allocated as in the file), `bytes` in all as the header
/// says. GDCM runs in a child process, so a crash in it is a failure of this file. Returns
/// false with `why` set when GDCM cannot.
bool DecodeWithGdcm(const std::string& dicom, std::size_t bytes, std::vector<std::uint8_t>& out,
                    std::string& why);

}  // namespace nadir::dicom::detail
