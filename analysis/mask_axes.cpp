// Axes and sizes from the membership's contours (see mask_axes.h).
#include "analysis/mask_axes.h"

#include <algorithm>
#include <cmath>

#include "measure/boundary_axes.h"

namespace nadir::analysis {

bool MeasureAxes(const Volume& v, const Roi& roi, const Segmentation& seg, LesionMeasurement& out) {
  const int nx = roi.size[0], ny = roi.size[1];
  const double sx = roi.spacing[0], sy = roi.spacing[1];
  Line2 best;
  std::vector<Segment2> best_contour;
  int best_k = -1;
  std::vector<Point3> hull_points;  // for the largest 3D diameter
  auto to_patient = [&](const Point2& p, int k) {
    return v.ToPatient(roi.begin[0] + p.x / sx, roi.begin[1] + p.y / sy, roi.begin[2] + k);
  };
  for (int k = 0; k < roi.size[2]; ++k) {
    const std::span<const float> slice(&seg.membership[roi.Index(0, 0, k)], std::size_t(nx) * ny);
    if (std::none_of(slice.begin(), slice.end(), [](float m) { return m > 0.5f; })) continue;
    std::vector<Segment2> contour = IsoContour(slice, nx, ny, sx, sy, 0.5);
    if (contour.empty()) continue;
    std::vector<Point2> pts;
    for (const auto& s : contour) pts.push_back(s.a);
    for (const auto& p : ConvexHull(pts)) hull_points.push_back(to_patient(p, k));
    const Line2 d = LongestDiameter(contour);
    if (d.length > best.length) {
      best = d;
      best_contour = std::move(contour);
      best_k = k;
    }
  }
  if (best_k < 0) {
    out.reason = "the segmented region has no boundary on any axial image";
    return false;
  }
  const Line2 chord = LongestPerpendicularChord(best_contour, best);
  out.slice_k = roi.begin[2] + best_k;
  out.long_axis_mm = best.length;
  out.short_axis_mm = chord.length;
  out.long_axis_points = {to_patient(best.a, best_k), to_patient(best.b, best_k)};
  out.short_axis_points = {to_patient(chord.a, best_k), to_patient(chord.b, best_k)};
  out.volume_ml = seg.volume_voxels * v.spacing[0] * v.spacing[1] * v.spacing[2] / 1000.0;
  double d3 = 0;
  for (std::size_t a = 0; a < hull_points.size(); ++a)
    for (std::size_t b = a + 1; b < hull_points.size(); ++b) {
      const auto& p = hull_points[a];
      const auto& q = hull_points[b];
      d3 = std::max(d3, std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
    }
  out.max_3d_diameter_mm = d3;
  return true;
}

}  // namespace nadir::analysis
