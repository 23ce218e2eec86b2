#include "viewer/core/view_state.h"

#include <algorithm>

namespace nadir::viewer {

ViewState InitialView(const SlicePlane& plane, const WindowLevel& wl) {
  ViewState v;
  v.wl = wl;
  v.position_mm = plane.PositionOfSlice(plane.slice_count / 2);
  return v;
}

double FitPixelsPerMm(const SlicePlane& plane, int width, int height) {
  const double extent_u = std::max(plane.max_u - plane.min_u, 1e-3);
  const double extent_v = std::max(plane.max_v - plane.min_v, 1e-3);
  return std::min(std::max(width, 1) / extent_u, std::max(height, 1) / extent_v);
}

PixelMapping MapView(const SlicePlane& plane, const ViewState& view, const ViewportRect& rect) {
  PixelMapping m;
  m.width = std::max(rect.width, 1);
  m.height = std::max(rect.height, 1);
  m.pixels_per_mm = FitPixelsPerMm(plane, rect.width, rect.height) * view.zoom;
  const double u = 0.5 * (plane.min_u + plane.max_u) + view.pan_u;
  const double v = 0.5 * (plane.min_v + plane.max_v) + view.pan_v;
  m.center = plane.Point(u, v, view.position_mm);
  m.right = plane.row * (1.0 / m.pixels_per_mm);
  m.down = plane.col * (1.0 / m.pixels_per_mm);
  return m;
}

Vec3 PixelToPatient(const PixelMapping& m, double x, double y) {
  return m.center + m.right * (x - m.width / 2) + m.down * (y - m.height / 2);
}

std::array<double, 2> PatientToPixel(const PixelMapping& m, const Vec3& p) {
  const Vec3 d = p - m.center;
  const double s = m.pixels_per_mm * m.pixels_per_mm;  // |right| = 1 / pixels_per_mm
  return {Dot(d, m.right) * s + m.width / 2, Dot(d, m.down) * s + m.height / 2};
}

int SliceIndex(const SlicePlane& plane, const ViewState& view) {
  return plane.SliceOfPosition(view.position_mm);
}

void GoToSlice(const SlicePlane& plane, ViewState& view, int n) {
  view.position_mm = plane.PositionOfSlice(std::clamp(n, 0, plane.slice_count - 1));
}

void ScrollSlices(const SlicePlane& plane, ViewState& view, int n) {
  GoToSlice(plane, view, SliceIndex(plane, view) + n * plane.slice_sign);
}

void GoToPosition(const SlicePlane& plane, ViewState& view, double position_mm) {
  GoToSlice(plane, view, plane.SliceOfPosition(position_mm));
}

void ZoomAt(const SlicePlane& plane, ViewState& view, const ViewportRect& rect, double factor,
            double x, double y) {
  const PixelMapping before = MapView(plane, view, rect);
  const Vec3 anchor = PixelToPatient(before, x, y);
  view.zoom = std::clamp(view.zoom * factor, kMinZoom, kMaxZoom);
  const PixelMapping after = MapView(plane, view, rect);
  const auto moved = PatientToPixel(after, anchor);
  // Shift the centre so the anchor returns under the cursor.
  view.pan_u += (moved[0] - x) / after.pixels_per_mm;
  view.pan_v += (moved[1] - y) / after.pixels_per_mm;
}

void PanByPixels(const SlicePlane& plane, ViewState& view, const ViewportRect& rect, double dx,
                 double dy) {
  const double ppm = FitPixelsPerMm(plane, rect.width, rect.height) * view.zoom;
  view.pan_u -= dx / ppm;
  view.pan_v -= dy / ppm;
}

double ScaleBarMm(double pixels_per_mm, double max_px) {
  double best = 0;
  for (double decade = 0.1; decade <= 1000; decade *= 10)
    for (double step : {1.0, 2.0, 5.0})
      if (step * decade * pixels_per_mm <= max_px) best = step * decade;
  return best;
}

}  // namespace nadir::viewer
