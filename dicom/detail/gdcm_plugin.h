// Internal to dicom/: the one function of the JPEG 2000 decoder plugin (gdcm_plugin.cpp),
// which gdcm_decode.cpp finds with dlsym.
#pragma once

#include <cstddef>
#include <cstdint>

/// Decodes the whole DICOM file in `dicom` (`dicom_size` bytes) into `out`, exactly `bytes`
/// of raw stored values. Returns 1, or 0 with the reason in `why` (at most `why_size` bytes,
/// NUL-terminated).
extern "C" int nadir_gdcm_decode(const char* dicom, std::size_t dicom_size, std::uint8_t* out,
                                 std::size_t bytes, char* why, std::size_t why_size);

/// The symbol's name and type, for dlsym.
inline constexpr const char* kGdcmDecodeSymbol = "nadir_gdcm_decode";
using GdcmDecodeFunction = decltype(&nadir_gdcm_decode);
