// The region of interest around a click: how far the tissue under the click extends (rays
// cast through the raw image), the box sized from that, and its voxels copied out as floats.
// The box, not the volume, bounds every later buffer.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analysis/lesion_measure.h"

namespace nadir::analysis {

/// The voxels of a box of the volume, as float HU.
struct Roi {
  std::array<int, 3> begin{0, 0, 0}, size{0, 0, 0};
  std::array<double, 3> spacing{1, 1, 1};
  std::vector<float> hu;
  std::size_t Index(int i, int j, int k) const {
    return (std::size_t(k) * size[1] + j) * size[0] + i;
  }
  std::size_t Count() const { return std::size_t(size[0]) * size[1] * size[2]; }
};

/// Fractional volume index of a patient point (inverse of Volume::ToPatient).
std::array<double, 3> ToIndex(const Volume& v, const Point3& p);

/// What the rays from the click found.
struct Extent {
  double click_hu = 0;            // median HU of the voxels around the click
  double open_fraction = 0;       // rays that met no edge within the search radius
  double typical_mm = 0;          // a robust distance from the click to the edge
  std::array<int, 3> lo{}, hi{};  // index box of the edge points (outliers left out)
};

/// Casts rays from the click voxel until the (locally averaged) image departs from the click's
/// HU by more than half the weakest contrast a lesion is required to have.
Extent FindExtent(const Volume& v, const std::array<int, 3>& click);

/// The box around the edge points, grown by a margin for the surroundings (and by `scale`),
/// clipped to the volume. `can_grow`: whether a larger scale would still add voxels.
Roi ExtractRoi(const Volume& v, const Extent& e, double scale, bool& can_grow);

}  // namespace nadir::analysis
