#include "geometry/volume_geometry.h"

#include <cmath>
#include <stdexcept>

namespace nadir {

Vec3 VolumeGeometry::ToPatient(const Vec3& ijk) const {
  Vec3 p = origin;
  for (int a = 0; a < 3; ++a) p = Add(p, Scale(Axis(a), ijk[a] * spacing[a]));
  return p;
}

Vec3 VolumeGeometry::ToIndex(const Vec3& p) const {
  // Solve [a0*s0 a1*s1 a2*s2] ijk = p - origin by Cramer's rule (the columns are the axes).
  const Vec3 c0 = Scale(Axis(0), spacing[0]), c1 = Scale(Axis(1), spacing[1]),
             c2 = Scale(Axis(2), spacing[2]);
  const double det = Dot(c0, Cross(c1, c2));
  if (std::abs(det) < 1e-12) throw std::invalid_argument("volume direction matrix is singular");
  const Vec3 d = Sub(p, origin);
  return {Dot(d, Cross(c1, c2)) / det, Dot(c0, Cross(d, c2)) / det, Dot(c0, Cross(c1, d)) / det};
}

Vec3 VolumeGeometry::Center() const {
  return ToPatient({(size[0] - 1) * 0.5, (size[1] - 1) * 0.5, (size[2] - 1) * 0.5});
}

}  // namespace nadir
