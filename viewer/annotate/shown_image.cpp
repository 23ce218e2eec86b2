#include "viewer/annotate/shown_image.h"

#include <cmath>

namespace nadir::annotate {

namespace {

double Dot(const PatientPoint& a, const PatientPoint& b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

// Two unit normals count as one plane orientation within about 2.5 degrees: a reformat keeps
// its orientation exactly, so this only absorbs rounding in a file.
constexpr double kParallelCosine = 0.999;

}  // namespace

ShownImage ReformatThrough(const PatientPoint& at, const std::string& series_uid,
                           const std::string& plane, const PatientPoint& normal,
                           double half_slice_mm) {
  ShownImage s;
  s.series_uid = series_uid;
  s.plane = plane;
  s.normal = normal;
  s.position_mm = Dot(at, normal);
  s.half_slice_mm = half_slice_mm;
  return s;
}

bool Shows(const ShownImage& image, const CaliperPoints& points) {
  if (!points.sop_uid.empty()) return !image.sop_uid.empty() && points.sop_uid == image.sop_uid;
  if (!points.normal || points.series_uid.empty() || points.series_uid != image.series_uid)
    return false;
  if (std::abs(Dot(*points.normal, image.normal)) < kParallelCosine) return false;
  for (const auto* seg : {&points.long_axis, &points.short_axis}) {
    if (!*seg) continue;
    for (const PatientPoint& p : **seg)
      if (std::abs(Dot(p, image.normal) - image.position_mm) > image.half_slice_mm) return false;
  }
  return points.long_axis || points.short_axis;
}

CaliperPoints PointsOn(const ShownImage& image) {
  CaliperPoints p;
  if (!image.Reformat()) {
    p.sop_uid = image.sop_uid;
    return p;
  }
  p.series_uid = image.series_uid;
  p.plane = image.plane;
  p.normal = image.normal;
  return p;
}

ShownImage DrawnOn(const CaliperPoints& points) {
  ShownImage s;
  s.sop_uid = points.sop_uid;
  s.series_uid = points.series_uid;
  s.plane = points.plane;
  if (points.normal) s.normal = *points.normal;
  const auto& seg = points.long_axis ? points.long_axis : points.short_axis;
  if (seg) s.position_mm = Dot((*seg)[0], s.normal);
  return s;
}

}  // namespace nadir::annotate
