// A CT volume in Hounsfield units with its patient-space geometry (DICOM LPS, millimetres).
// The type every consumer sees: loaders fill it, the viewer uploads it, measurements use it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace nadir {

struct Volume {
  // Voxel counts along i (columns), j (rows) and k (slices).
  std::array<int, 3> size{0, 0, 0};
  // Millimetres between voxel centres along i, j, k (PixelSpacing is row\column: j then i).
  std::array<double, 3> spacing{1.0, 1.0, 1.0};
  // Patient position (LPS, mm) of the centre of voxel (0, 0, 0): ImagePositionPatient of slice 0.
  std::array<double, 3> origin{0.0, 0.0, 0.0};
  // Unit direction cosines, column-major: columns are the i, j and k axes in patient space
  // (i = ImageOrientationPatient row direction, j = column direction, k = slice normal order).
  std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1};
  // Hounsfield units, i fastest, then j, then k.
  std::vector<std::int16_t> hu;
  // SOP Instance UID of each slice k (for a multi-frame object: the same UID for every frame).
  std::vector<std::string> sop_uids;

  std::size_t VoxelCount() const { return std::size_t(size[0]) * size[1] * size[2]; }
  std::size_t Index(int i, int j, int k) const {
    return (std::size_t(k) * size[1] + j) * size[0] + i;
  }
  std::int16_t At(int i, int j, int k) const { return hu[Index(i, j, k)]; }

  /// Patient position (LPS, mm) of the centre of voxel (i, j, k); fractional indices allowed.
  std::array<double, 3> ToPatient(double i, double j, double k) const {
    std::array<double, 3> p = origin;
    const double idx[3] = {i * spacing[0], j * spacing[1], k * spacing[2]};
    for (int row = 0; row < 3; ++row)
      for (int axis = 0; axis < 3; ++axis) p[row] += direction[axis * 3 + row] * idx[axis];
    return p;
  }
};

}  // namespace nadir
