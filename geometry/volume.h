// A CT volume in Hounsfield units with its patient-space geometry (DICOM LPS, millimetres).
// The type every consumer sees: loaders fill it, the viewer uploads it, measurements use it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "geometry/volume_geometry.h"

namespace nadir {

struct Volume : VolumeGeometry {
  // Hounsfield units, i fastest, then j, then k.
  std::vector<std::int16_t> hu;
  // SOP Instance UID of each slice k (for a multi-frame object: the same UID for every frame).
  std::vector<std::string> sop_uids;

  std::size_t VoxelCount() const { return std::size_t(size[0]) * size[1] * size[2]; }
  std::size_t Index(int i, int j, int k) const {
    return (std::size_t(k) * size[1] + j) * size[0] + i;
  }
  std::int16_t At(int i, int j, int k) const { return hu[Index(i, j, k)]; }
};

}  // namespace nadir
