// Internal to dicom/: typed, optional-returning access to DCMTK items, tag names for error
// messages, and one-time codec registration. Only dicom/*.cpp include this.
#pragma once

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <optional>
#include <string>
#include <vector>

namespace nadir::dicom::detail {

/// "(0028,0030) PixelSpacing"
std::string TagName(const DcmTagKey& tag);

/// The value at `pos` of a string-valued element, trimmed; nullopt when absent or empty.
std::optional<std::string> GetString(DcmItem& item, const DcmTagKey& tag, long pos = 0);
/// The whole value (all positions, backslash-separated), trimmed; nullopt when absent/empty.
std::optional<std::string> GetStringAll(DcmItem& item, const DcmTagKey& tag);
/// A number from DS/IS/US/SS/UL/SL/FL/FD; nullopt when absent, empty or not a number.
std::optional<double> GetNumber(DcmItem& item, const DcmTagKey& tag, long pos = 0);
/// `count` numbers (e.g. 3 for ImagePositionPatient); nullopt when any is missing.
std::optional<std::vector<double>> GetNumbers(DcmItem& item, const DcmTagKey& tag, int count);
/// Item `index` of a sequence; nullptr when absent.
DcmItem* GetItem(DcmItem& item, const DcmTagKey& sequence, int index = 0);

/// Registers DCMTK's RLE, JPEG and JPEG-LS decoders once (thread-safe).
void RegisterDecoders();

}  // namespace nadir::dicom::detail
