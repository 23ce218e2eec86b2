// Lobed ellipsoids and their exact RECIST truth (see phantom_lesion_shape.h).
#include "dicom/phantom_lesion_shape.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "measure/boundary_axes.h"

namespace nadir::dicom {
namespace {

constexpr double kPi = 3.141592653589793;
// Grid on which each axial cross-section is contoured for the truth (mm): linear
// interpolation of the smooth level function places the contour far below 0.01 mm.
constexpr double kTruthGridMm = 0.2;

}  // namespace

double LobedEllipsoid::Level(double x, double y, double z) const {
  const double dx = x - centre[0], dy = y - centre[1], dz = z - centre[2];
  const double r = std::sqrt(dx * dx + dy * dy + dz * dz);
  if (r == 0) return 1.0;
  const double ca = std::cos(angle), sa = std::sin(angle);
  const double u = dx * ca + dy * sa, v = -dx * sa + dy * ca;
  const double rho = std::sqrt((u / a) * (u / a) + (v / b) * (v / b) + (dz / c) * (dz / c));
  const double theta = std::atan2(v, u), s = dz / r;
  double m = 1.0;
  for (int l = 0; l < 3; ++l)
    m += lobe_amplitude[l] * std::cos(lobe_frequency[l] * theta + lobe_phase[l]) * (1 - s * s);
  return 1.0 - rho / m;
}

double LobedEllipsoid::Radius(double ux, double uy, double uz) const {
  // Level is 1 - |p| * rho(u) / m(u) along the ray: zero at |p| = m / rho.
  const double probe = 1.0;
  const double l = Level(centre[0] + ux * probe, centre[1] + uy * probe, centre[2] + uz * probe);
  return probe / (1.0 - l);
}

double LobedEllipsoid::VolumeMl() const {
  // dOmega = ds dphi with s = cos(polar angle); midpoint rule in both.
  constexpr int kS = 240, kPhi = 480;
  double sum = 0;
  for (int i = 0; i < kS; ++i) {
    const double s = -1 + (i + 0.5) * 2.0 / kS, q = std::sqrt(1 - s * s);
    for (int j = 0; j < kPhi; ++j) {
      const double phi = (j + 0.5) * 2 * kPi / kPhi;
      const double r = Radius(q * std::cos(phi), q * std::sin(phi), s);
      sum += r * r * r / 3.0;
    }
  }
  return sum * (2.0 / kS) * (2 * kPi / kPhi) / 1000.0;
}

double LobedEllipsoid::MaxRadius() const {
  double amp = 0;
  for (double x : lobe_amplitude) amp += std::abs(x);
  return std::max({a, b, c}) * (1 + amp);
}

void ComputeTruth(const LobedEllipsoid& shape, const Volume& volume, RealisticTruth& truth) {
  const double rmax = shape.MaxRadius() + 1.0;
  const int n = int(std::ceil(2 * rmax / kTruthGridMm)) + 1;
  const double x0 = shape.centre[0] - rmax, y0 = shape.centre[1] - rmax;
  std::vector<float> grid(std::size_t(n) * n);
  Line2 best_long, best_short;
  std::vector<Segment2> best_contour;
  for (int k = 0; k < volume.size[2]; ++k) {
    // The phantom's volumes are axial with identity direction: z of slice k.
    const double z = volume.origin[2] + k * volume.spacing[2];
    if (std::abs(z - shape.centre[2]) > rmax) continue;
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i)
        grid[std::size_t(j) * n + i] =
            float(shape.Level(x0 + i * kTruthGridMm, y0 + j * kTruthGridMm, z));
    std::vector<Segment2> contour = IsoContour(grid, n, n, kTruthGridMm, kTruthGridMm, 0.0);
    const Line2 d = LongestDiameter(contour);
    if (d.length > best_long.length) {
      best_long = d;
      best_contour = std::move(contour);
      truth.slice_k = k;
    }
  }
  best_short = LongestPerpendicularChord(best_contour, best_long);
  const double z = volume.origin[2] + truth.slice_k * volume.spacing[2];
  auto P = [&](const Point2& p) { return std::array<double, 3>{x0 + p.x, y0 + p.y, z}; };
  truth.long_axis_mm = best_long.length;
  truth.short_axis_mm = best_short.length;
  truth.long_axis_points = {P(best_long.a), P(best_long.b)};
  truth.short_axis_points = {P(best_short.a), P(best_short.b)};
  truth.volume_ml = shape.VolumeMl();
  truth.centre = shape.centre;
  double amp = 0;
  for (double x : shape.lobe_amplitude) amp += std::abs(x);
  truth.inner_radius_mm = 0.5 * std::min({shape.a, shape.b, shape.c}) * (1 - amp);
}

}  // namespace nadir::dicom
