// The image a viewport shows, as the annotation sees it: a native slice named by its SOP
// Instance UID, or a plane reformatted from a series (coronal, sagittal ...) that no image
// names. Which measurements lie on it, and what a measurement drawn on it records.
#pragma once

#include <string>

#include "measure/lesion.h"

namespace nadir::annotate {

struct ShownImage {
  std::string sop_uid;     // a native slice; "" on a reformat
  std::string series_uid;  // a reformat: the series resliced
  std::string plane;       // a reformat: "axial", "coronal" or "sagittal"
  PatientPoint normal{0, 0, 1};
  double position_mm = 0;    // the plane: Dot(point, normal) of its points
  double half_slice_mm = 0;  // a reformat: half a voxel along the normal

  bool Reformat() const { return sop_uid.empty(); }
};

/// The reformat through `at`, of series `series_uid`, plane `plane` with unit `normal`.
ShownImage ReformatThrough(const PatientPoint& at, const std::string& series_uid,
                           const std::string& plane, const PatientPoint& normal,
                           double half_slice_mm);

/// Whether a measurement lies on the image: drawn on that native image (same SOP Instance
/// UID), or drawn on a reformat of the same series whose plane is parallel to the image's and
/// whose end points lie within half a slice of it.
bool Shows(const ShownImage& image, const CaliperPoints& points);

/// What a measurement drawn on `image` records besides its end points.
CaliperPoints PointsOn(const ShownImage& image);

/// The image a stored measurement was drawn on (its inverse: PointsOn(DrawnOn(p)) names the
/// same image as `p`).
ShownImage DrawnOn(const CaliperPoints& points);

}  // namespace nadir::annotate
