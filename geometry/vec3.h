// Points and directions in patient space (DICOM LPS, millimetres): one small vector type for
// every part that does geometry (dicom, SR, image analysis, viewer).
#pragma once

#include <array>
#include <cmath>

namespace nadir {

using Vec3 = std::array<double, 3>;

inline Vec3 Add(const Vec3& a, const Vec3& b) { return {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }
inline Vec3 Sub(const Vec3& a, const Vec3& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
inline Vec3 Scale(const Vec3& a, double s) { return {a[0] * s, a[1] * s, a[2] * s}; }
inline double Dot(const Vec3& a, const Vec3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
inline Vec3 Cross(const Vec3& a, const Vec3& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
inline double Norm(const Vec3& a) { return std::sqrt(Dot(a, a)); }
/// `a` scaled to unit length; a zero vector stays zero.
inline Vec3 Normalized(const Vec3& a) {
  const double n = Norm(a);
  return n > 0 ? Scale(a, 1.0 / n) : a;
}

}  // namespace nadir
