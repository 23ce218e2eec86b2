// Helpers of the screenshot tests: counting what the viewer drew in a PNG.
#pragma once

#include <cstdlib>

#include "viewer/core/layout.h"
#include "viewer/core/png_io.h"
#include "viewer/core/screen_layout.h"

namespace nadir::test {

/// Pixels of the target caliper colour (viewer/app/annotate_view.cpp) inside a rectangle.
inline int CaliperPixels(const viewer::RgbaImage& img, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = y0; y < y1 && y < img.height; ++y)
    for (int x = x0; x < x1 && x < img.width; ++x) {
      const auto* p = img.At(x, y);
      if (std::abs(p[0] - 255) < 25 && std::abs(p[1] - 200) < 25 && p[2] < 90) ++n;
    }
  return n;
}

/// Caliper pixels in the upper part (y 60 to 520, where the phantom's body is) of viewport `v`
/// of a 1600 x 900 screenshot in the 1x2 layout with the lesion panels open, wherever the
/// screen layout puts it (viewer/core/screen_layout.h; the menu bar's height does not move it
/// sideways).
inline int CaliperPixelsInViewport(const viewer::RgbaImage& img, int v) {
  const auto screen = viewer::ComputeScreen(img.width, img.height, 19, {}, true, false);
  const auto rects = viewer::LayoutRects(viewer::Layout::k1x2, screen.images);
  const auto& r = rects.at(v);
  return CaliperPixels(img, r.x, 60, r.x + r.width, 520);
}

}  // namespace nadir::test
