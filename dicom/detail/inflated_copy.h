// Internal to dicom/: files in Deflated Explicit VR Little Endian are read through an inflated
// copy. On a deflated stream DCMTK cannot check an element's length against what the file
// holds, and allocates whatever length an element claims: a 987-byte file claiming 2.4 GB made
// it allocate 2.4 GB (dicom_scan_fuzz, issue 18). Read from a plain file, DCMTK refuses such an
// element ("larger than remaining bytes in file") before allocating.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace nadir::dicom::detail {

/// The most bytes a deflated dataset may inflate to: the largest image the scan accepts
/// (kDefaultMaxSeriesBytes) and room for its other attributes.
inline constexpr std::uint64_t kMaxInflatedBytes = (std::uint64_t(2) << 30) + (64u << 20);

/// A temporary file holding a deflated file's meta header (syntax Explicit VR Little Endian)
/// and its inflated dataset; removed with the object.
class InflatedCopy {
 public:
  /// Nullopt when `file` is not a Part 10 file in the deflated syntax. Throws DicomError
  /// naming the file when the deflated stream is corrupt or inflates beyond `max_bytes`.
  static std::optional<InflatedCopy> IfDeflated(const std::string& file,
                                                std::uint64_t max_bytes = kMaxInflatedBytes);
  InflatedCopy(InflatedCopy&& other) noexcept;
  InflatedCopy& operator=(InflatedCopy&&) = delete;
  InflatedCopy(const InflatedCopy&) = delete;
  ~InflatedCopy();
  const std::string& path() const { return path_; }

 private:
  explicit InflatedCopy(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace nadir::dicom::detail
