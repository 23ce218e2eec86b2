// What one viewport shows (slice, zoom, pan, window/level, slab) and how its pixels map to
// patient space. Plain values: tests drive them without a window.
#pragma once

#include "viewer/core/reslice.h"
#include "viewer/core/window_level.h"

namespace nadir::viewer {

/// A viewport rectangle in window pixels, origin at the top left.
struct ViewportRect {
  int x = 0, y = 0, width = 1, height = 1;
  bool Contains(double px, double py) const {
    return px >= x && py >= y && px < x + width && py < y + height;
  }
};

struct ViewState {
  double position_mm = 0;  // slice position along the plane normal (absolute, Dot(p, normal))
  double zoom = 1;         // 1 = the whole volume fits the viewport
  double pan_u = 0;        // mm along the plane row of the viewport centre, from the volume centre
  double pan_v = 0;        // mm along the plane col
  WindowLevel wl;
  double slab_mm = 0;  // thickness of the maximum intensity projection slab; 0 = thin slice
};

/// The middle slice, fitted, with the given window.
ViewState InitialView(const SlicePlane& plane, const WindowLevel& wl = {});

/// How the pixels of a viewport map to patient space. Pixel (x, y) (continuous, top left = 0,
/// pixel centres at +0.5, relative to the viewport) is at
///   center + right * (x - width / 2) + down * (y - height / 2).
struct PixelMapping {
  Vec3 center{0, 0, 0};  // patient point at the viewport centre
  Vec3 right{1, 0, 0};   // patient mm per pixel to the right
  Vec3 down{0, 1, 0};    // patient mm per pixel downwards
  double pixels_per_mm = 1;
  double width = 1, height = 1;
};

/// Pixels per mm at which the whole in-plane extent of the volume fits the viewport.
double FitPixelsPerMm(const SlicePlane& plane, int width, int height);

PixelMapping MapView(const SlicePlane& plane, const ViewState& view, const ViewportRect& rect);

/// Patient point under viewport pixel coordinates (x, y) (see PixelMapping).
Vec3 PixelToPatient(const PixelMapping& m, double x, double y);
/// Viewport pixel coordinates of a patient point projected onto the view plane.
std::array<double, 2> PatientToPixel(const PixelMapping& m, const Vec3& p);

/// Current slice index of a view.
int SliceIndex(const SlicePlane& plane, const ViewState& view);
/// Moves to slice index n (clamped).
void GoToSlice(const SlicePlane& plane, ViewState& view, int n);
/// Moves by n slices along the normal (negative: back), clamped to the volume.
void ScrollSlices(const SlicePlane& plane, ViewState& view, int n);
/// Moves to the slice nearest a position in mm (clamped), as linked scrolling does.
void GoToPosition(const SlicePlane& plane, ViewState& view, double position_mm);

/// Zooms by `factor`, keeping the patient point under viewport pixel (x, y) where it is.
void ZoomAt(const SlicePlane& plane, ViewState& view, const ViewportRect& rect, double factor,
            double x, double y);
/// Pans so that the image follows a mouse drag of (dx, dy) pixels.
void PanByPixels(const SlicePlane& plane, ViewState& view, const ViewportRect& rect, double dx,
                 double dy);

/// Length of the scale bar (mm): the longest 1-2-5 step (0.1 mm .. 5 m) no wider than
/// `max_px` at this magnification; 0 when even 0.1 mm is wider.
double ScaleBarMm(double pixels_per_mm, double max_px);

/// Zoom limits (relative to fit).
inline constexpr double kMinZoom = 0.1;
inline constexpr double kMaxZoom = 40.0;

}  // namespace nadir::viewer
