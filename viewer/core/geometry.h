// Patient-space geometry of a volume for the viewer: LPS millimetres, from the DICOM geometry
// carried by nadir::Volume (origin, spacing, direction). No OpenGL here.
#pragma once

#include <array>
#include <string>

#include "geometry/volume.h"

namespace nadir::viewer {

using nadir::Cross;
using nadir::Dot;
using nadir::Normalized;
using nadir::Vec3;
using nadir::VolumeGeometry;

inline Vec3 operator+(const Vec3& a, const Vec3& b) {
  return {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
}
inline Vec3 operator-(const Vec3& a, const Vec3& b) {
  return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}
inline Vec3 operator*(const Vec3& a, double s) { return {a[0] * s, a[1] * s, a[2] * s}; }

/// Row-major 4x4 affine taking a patient position (mm) to normalised 3D texture coordinates
/// ((ijk + 0.5) / size), which is how the shader samples the volume texture.
std::array<float, 16> PatientToTexture(const VolumeGeometry& g);

/// DICOM orientation letters of a patient-space direction (LPS: +x L, +y P, +z S), the strongest
/// component first; oblique directions get two or three letters (e.g. "LP"). PS3.3 C.7.6.1.1.1.
std::string OrientationLabel(const Vec3& direction);

}  // namespace nadir::viewer
