// Patient-space geometry of a volume for the viewer: LPS millimetres, from the DICOM geometry
// carried by nadir::Volume (origin, spacing, direction). No OpenGL here.
#pragma once

#include <array>
#include <string>

#include "dicom/volume.h"

namespace nadir::viewer {

using Vec3 = std::array<double, 3>;

inline Vec3 operator+(const Vec3& a, const Vec3& b) {
  return {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
}
inline Vec3 operator-(const Vec3& a, const Vec3& b) {
  return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}
inline Vec3 operator*(const Vec3& a, double s) { return {a[0] * s, a[1] * s, a[2] * s}; }
inline double Dot(const Vec3& a, const Vec3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
Vec3 Cross(const Vec3& a, const Vec3& b);
Vec3 Normalized(const Vec3& a);

/// The geometry of a volume without its voxels (known before the first slice has decoded).
struct VolumeGeometry {
  std::array<int, 3> size{0, 0, 0};
  Vec3 spacing{1, 1, 1};
  Vec3 origin{0, 0, 0};
  // Column-major: column a is the patient-space direction of index axis a (i, j, k).
  std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1};

  static VolumeGeometry Of(const Volume& v);
  Vec3 Axis(int a) const { return {direction[a * 3], direction[a * 3 + 1], direction[a * 3 + 2]}; }
  /// Patient position (mm) of the centre of voxel (i, j, k); fractional indices allowed.
  Vec3 ToPatient(const Vec3& ijk) const;
  /// Continuous voxel index of a patient position: the inverse of ToPatient.
  Vec3 ToIndex(const Vec3& p) const;
  /// Patient position of the centre of the volume.
  Vec3 Center() const;
  bool Empty() const { return size[0] <= 0 || size[1] <= 0 || size[2] <= 0; }
};

/// Row-major 4x4 affine taking a patient position (mm) to normalised 3D texture coordinates
/// ((ijk + 0.5) / size), which is how the shader samples the volume texture.
std::array<float, 16> PatientToTexture(const VolumeGeometry& g);

/// DICOM orientation letters of a patient-space direction (LPS: +x L, +y P, +z S), the strongest
/// component first; oblique directions get two or three letters (e.g. "LP"). PS3.3 C.7.6.1.1.1.
std::string OrientationLabel(const Vec3& direction);

}  // namespace nadir::viewer
