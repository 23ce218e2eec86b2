#include "viewer/core/reslice.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nadir::viewer {

std::string_view Name(Orientation o) {
  switch (o) {
    case Orientation::kAxial:
      return "axial";
    case Orientation::kCoronal:
      return "coronal";
    case Orientation::kSagittal:
      return "sagittal";
  }
  return "axial";
}

std::optional<Orientation> ParseOrientation(std::string_view name) {
  for (Orientation o : {Orientation::kAxial, Orientation::kCoronal, Orientation::kSagittal})
    if (Name(o) == name) return o;
  return std::nullopt;
}

double SlicePlane::PositionOfSlice(int n) const {
  return Dot(center, normal) + slice_sign * (n - (slice_count - 1) * 0.5) * slice_step_mm;
}

int SlicePlane::SliceOfPosition(double position_mm) const {
  const double n =
      slice_sign * (position_mm - Dot(center, normal)) / slice_step_mm + (slice_count - 1) * 0.5;
  return std::clamp(int(std::lround(n)), 0, std::max(slice_count - 1, 0));
}

Vec3 SlicePlane::Point(double u, double v, double position_mm) const {
  const double w = position_mm - Dot(center, normal);
  return center + row * u + col * v + normal * w;
}

SlicePlane MakePlane(const VolumeGeometry& g, Orientation o) {
  SlicePlane p;
  p.orientation = o;
  switch (o) {
    case Orientation::kAxial:
      p.row = {1, 0, 0};
      p.col = {0, 1, 0};
      break;
    case Orientation::kCoronal:
      p.row = {1, 0, 0};
      p.col = {0, 0, -1};
      break;
    case Orientation::kSagittal:
      p.row = {0, 1, 0};
      p.col = {0, 0, -1};
      break;
  }
  p.normal = Cross(p.row, p.col);
  if (o == Orientation::kSagittal) p.normal = p.normal * -1.0;  // scroll right to left: +x (L)
  p.center = g.Center();

  double best = -1;
  for (int a = 0; a < 3; ++a) {
    const double c = std::abs(Dot(g.Axis(a), p.normal));
    if (c > best) best = c, p.slice_axis = a;
  }
  p.slice_count = std::max(g.size[p.slice_axis], 1);
  p.slice_sign = Dot(g.Axis(p.slice_axis), p.normal) < 0 ? -1 : 1;
  // Distance along the normal between neighbouring slices (the spacing itself when aligned).
  p.slice_step_mm = std::max(best * g.spacing[p.slice_axis], 1e-6);

  const double inf = std::numeric_limits<double>::infinity();
  p.min_u = p.min_v = p.min_w = inf;
  p.max_u = p.max_v = p.max_w = -inf;
  for (int corner = 0; corner < 8; ++corner) {
    const Vec3 ijk{(corner & 1) ? g.size[0] - 0.5 : -0.5, (corner & 2) ? g.size[1] - 0.5 : -0.5,
                   (corner & 4) ? g.size[2] - 0.5 : -0.5};
    const Vec3 d = g.ToPatient(ijk) - p.center;
    const double u = Dot(d, p.row), v = Dot(d, p.col), w = Dot(d, p.normal);
    p.min_u = std::min(p.min_u, u), p.max_u = std::max(p.max_u, u);
    p.min_v = std::min(p.min_v, v), p.max_v = std::max(p.max_v, v);
    p.min_w = std::min(p.min_w, w), p.max_w = std::max(p.max_w, w);
  }
  return p;
}

EdgeLabels EdgeLabelsOf(const SlicePlane& plane) {
  return {OrientationLabel(plane.row * -1.0), OrientationLabel(plane.row),
          OrientationLabel(plane.col * -1.0), OrientationLabel(plane.col)};
}

}  // namespace nadir::viewer
