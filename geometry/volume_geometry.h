// Where a volume's voxels are in the patient: the one index <-> patient mapping of nadir.
// PS3.3 C.7.6.2.1.1: ImagePositionPatient is the centre of the first voxel; the direction
// cosines and spacings step from it. Known before any pixel has been decoded.
#pragma once

#include <array>

#include "geometry/vec3.h"

namespace nadir {

struct VolumeGeometry {
  // Voxel counts along i (columns), j (rows) and k (slices).
  std::array<int, 3> size{0, 0, 0};
  // Millimetres between voxel centres along i, j, k (PixelSpacing is row\column: j then i).
  Vec3 spacing{1.0, 1.0, 1.0};
  // Patient position (LPS, mm) of the centre of voxel (0, 0, 0): ImagePositionPatient of slice 0.
  Vec3 origin{0.0, 0.0, 0.0};
  // Unit direction cosines, column-major: columns are the i, j and k axes in patient space
  // (i = ImageOrientationPatient row direction, j = column direction, k = slice normal order).
  std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1};

  /// Patient-space direction of index axis a (0 = i, 1 = j, 2 = k).
  Vec3 Axis(int a) const { return {direction[a * 3], direction[a * 3 + 1], direction[a * 3 + 2]}; }
  /// The normal of the slices: row direction x column direction (PS3.3 C.7.6.2.1.1).
  Vec3 SliceNormal() const { return Normalized(Cross(Axis(0), Axis(1))); }
  /// Patient position (mm) of the centre of voxel (i, j, k); fractional indices allowed.
  Vec3 ToPatient(const Vec3& ijk) const;
  Vec3 ToPatient(double i, double j, double k) const { return ToPatient(Vec3{i, j, k}); }
  /// Continuous voxel index of a patient position: the inverse of ToPatient. Throws
  /// std::invalid_argument for a singular direction matrix.
  Vec3 ToIndex(const Vec3& p) const;
  /// Patient position of the centre of the volume.
  Vec3 Center() const;
  bool Empty() const { return size[0] <= 0 || size[1] <= 0 || size[2] <= 0; }
};

}  // namespace nadir
