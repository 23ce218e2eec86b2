// Internal to dicom/: the geometry plan of a volume: which scanned slice fills each k.
#pragma once

#include <vector>

#include "dicom/catalog.h"
#include "dicom/warnings.h"
#include "geometry/volume.h"

namespace nadir::dicom::detail {

struct VolumePlan {
  Volume geometry;              // everything but hu
  std::vector<int> slice_of_k;  // index into SeriesInfo::slices, or -1 for an inserted blank
  std::vector<Warning> warnings;
};

/// Geometry checks and the k -> slice map. Throws DicomError when no honest volume exists.
VolumePlan MakePlan(const SeriesInfo& series);

}  // namespace nadir::dicom::detail
