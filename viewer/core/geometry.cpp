#include "viewer/core/geometry.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace nadir::viewer {

namespace {

// M = direction * diag(spacing), row-major 3x3: patient offset = M * ijk.
std::array<double, 9> IndexToPatientMatrix(const VolumeGeometry& g) {
  std::array<double, 9> m{};
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) m[r * 3 + c] = g.direction[c * 3 + r] * g.spacing[c];
  return m;
}

std::array<double, 9> Inverse(const std::array<double, 9>& m) {
  const double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) +
                     m[2] * (m[3] * m[7] - m[4] * m[6]);
  if (std::abs(det) < 1e-12) throw std::invalid_argument("volume direction matrix is singular");
  const double s = 1.0 / det;
  return {(m[4] * m[8] - m[5] * m[7]) * s, (m[2] * m[7] - m[1] * m[8]) * s,
          (m[1] * m[5] - m[2] * m[4]) * s, (m[5] * m[6] - m[3] * m[8]) * s,
          (m[0] * m[8] - m[2] * m[6]) * s, (m[2] * m[3] - m[0] * m[5]) * s,
          (m[3] * m[7] - m[4] * m[6]) * s, (m[1] * m[6] - m[0] * m[7]) * s,
          (m[0] * m[4] - m[1] * m[3]) * s};
}

}  // namespace

std::array<float, 16> PatientToTexture(const VolumeGeometry& g) {
  const auto inv = Inverse(IndexToPatientMatrix(g));
  std::array<float, 16> t{};
  for (int r = 0; r < 3; ++r) {
    const double n = std::max(g.size[r], 1);
    // tex = (inv * (p - origin) + 0.5) / n
    double offset = 0.5;
    for (int c = 0; c < 3; ++c) {
      t[r * 4 + c] = float(inv[r * 3 + c] / n);
      offset -= inv[r * 3 + c] * g.origin[c];
    }
    t[r * 4 + 3] = float(offset / n);
  }
  t[15] = 1.0f;
  return t;
}

std::string OrientationLabel(const Vec3& direction) {
  static constexpr char kPositive[3] = {'L', 'P', 'S'};
  static constexpr char kNegative[3] = {'R', 'A', 'I'};
  int order[3] = {0, 1, 2};
  std::sort(order, order + 3,
            [&](int a, int b) { return std::abs(direction[a]) > std::abs(direction[b]); });
  std::string label;
  for (int a : order) {
    // Components under ~0.1 (about 6 degrees of obliquity) are not worth a letter.
    if (std::abs(direction[a]) < 0.1) break;
    label += direction[a] > 0 ? kPositive[a] : kNegative[a];
  }
  return label;
}

}  // namespace nadir::viewer
