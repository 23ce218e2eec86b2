// Shared by the screenshot tests: run the real nadir-viewer binary offscreen, read its PNG, and
// compare pixels with what the voxels and the window formula predict.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "geometry/volume.h"
#include "viewer/core/png_io.h"
#include "viewer/core/view_state.h"

namespace nadir::test {

/// Runs nadir-viewer with `args` plus --screenshot into a PNG in a scratch folder, and reads it;
/// fails the test (and returns an empty image) when the viewer exits non-zero.
viewer::RgbaImage Screenshot(const std::string& name, const std::vector<std::string>& args);

/// Grey level the viewer should draw at viewport pixel (x, y) (pixel centre), bracketed by the
/// window of the lowest and highest voxel among the 8 around the sampled point (the shader
/// interpolates linearly between them). Returns false when the point is outside the volume.
struct Expected {
  int lo = 0, hi = 0;
};
bool ExpectedGrey(const Volume& v, const viewer::PixelMapping& m, int x, int y,
                  const viewer::WindowLevel& wl, Expected& out);

/// Compares a viewport of a screenshot with the voxels on a grid of pixels (every `stride`
/// pixels); adds a failure listing the first mismatches. Returns the number of pixels compared.
int CompareWithVoxels(const viewer::RgbaImage& image, const viewer::ViewportRect& rect,
                      const Volume& v, const viewer::SlicePlane& plane,
                      const viewer::ViewState& view, int stride = 5);

}  // namespace nadir::test
