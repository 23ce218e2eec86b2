// What the loader noticed about a series and did not silently fix: each a named struct with
// the numbers, so the viewer can show it and a test can assert it. A volume that cannot be
// built honestly is a DicomError instead (dicom/error.h).
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace nadir::dicom {

/// Slice spacing along the normal varies by more than the tolerance (but no slice is missing).
struct NonUniformSpacing {
  double nominal_mm;  // the spacing used for the volume (median of the gaps)
  double min_mm, max_mm;
};

/// One or more slices are missing between slice `after_slice` and the next: the gap is a
/// whole multiple of the nominal spacing. The volume keeps its regular grid by inserting
/// `missing` blank slices (kPaddingHu, empty SOP UID) there, so millimetres stay right.
struct MissingSlices {
  int after_slice;  // index in the sorted volume
  double gap_mm, nominal_mm;
  int missing;  // round(gap / nominal) - 1
};

/// Two or more images sit at the same position on the slice normal; only the first (lowest
/// InstanceNumber) is kept.
struct DuplicatePosition {
  double position_mm;  // along the slice normal
  std::string kept_file, dropped_file;
};

/// The slice stacking direction (from one ImagePositionPatient to the next) is not along the
/// slice normal: gantry tilt. The volume's k axis follows the real positions (sheared grid is
/// not resampled), and the angle is reported.
struct GantryTilt {
  double angle_deg;            // between the stacking direction and the normal
  double gantry_tilt_tag_deg;  // (0018,1120) GantryDetectorTilt, 0 when absent
};

/// PixelSpacing row and column differ.
struct NonSquarePixels {
  double row_mm, column_mm;
};

/// ImageOrientationPatient differs slightly (below the split threshold) between slices.
struct OrientationJitter {
  double max_deg;
};

/// Stored values equal to PixelPaddingValue (0028,0120) were set to `hu`.
struct PaddingReplaced {
  long stored_value;
  long long voxels;
  int hu;
};

/// Modality rescale gave values outside int16; they were clamped.
struct HuClamped {
  long long voxels;
  double min_hu, max_hu;
};

/// A file in the series could not be read and was left out (its slice becomes a gap).
struct FileSkipped {
  std::string file;
  std::string reason;
};

using Warning =
    std::variant<NonUniformSpacing, MissingSlices, DuplicatePosition, GantryTilt, NonSquarePixels,
                 OrientationJitter, PaddingReplaced, HuClamped, FileSkipped>;

/// Short machine name ("missing_slices") for JSON and tests.
std::string Code(const Warning& w);
/// One sentence with the numbers, for people.
std::string Describe(const Warning& w);

template <class T>
int CountOf(const std::vector<Warning>& ws) {
  int n = 0;
  for (const auto& w : ws) n += std::holds_alternative<T>(w) ? 1 : 0;
  return n;
}

}  // namespace nadir::dicom
