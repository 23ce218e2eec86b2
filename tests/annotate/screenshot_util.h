// Helpers of the screenshot tests: counting what the viewer drew in a PNG.
#pragma once

#include <cstdlib>

#include "core/png_io.h"

namespace nadir::annotate::testing {

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

}  // namespace nadir::annotate::testing
