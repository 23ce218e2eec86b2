#include "tests/viewer/screenshot_support.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "tests/support/scratch_dir.h"

namespace nadir::test {

// The helpers speak the viewer's types throughout.
using namespace nadir::viewer;

RgbaImage Screenshot(const std::string& name, const std::vector<std::string>& args) {
  const ScratchDir scratch(name);
  const std::filesystem::path out = scratch / "screenshot.png";
  std::string command = std::string("'") + NADIR_VIEWER_EXE + "'";
  for (const auto& a : args) command += " '" + a + "'";
  command += " --screenshot '" + out.string() + "' > /dev/null";
  const int status = std::system(command.c_str());
  EXPECT_EQ(status, 0) << command;
  if (status != 0 || !std::filesystem::exists(out)) return {};
  return ReadPng(out.string());
}

bool ExpectedGrey(const Volume& v, const PixelMapping& m, int x, int y, const WindowLevel& wl,
                  Expected& out) {
  const VolumeGeometry g = VolumeGeometry(v);
  const Vec3 ijk = g.ToIndex(PixelToPatient(m, x + 0.5, y + 0.5));
  int lo[3], hi[3];
  for (int a = 0; a < 3; ++a) {
    // Stay clear of the outer half voxel, where the edge clamp and the outside test meet.
    if (ijk[a] < 0 || ijk[a] > g.size[a] - 1) return false;
    lo[a] = int(std::floor(ijk[a]));
    hi[a] = std::min(lo[a] + 1, g.size[a] - 1);
  }
  int min_hu = 1 << 20, max_hu = -(1 << 20);
  for (int k : {lo[2], hi[2]})
    for (int j : {lo[1], hi[1]})
      for (int i : {lo[0], hi[0]}) {
        const int hu = v.At(i, j, k);
        min_hu = std::min(min_hu, hu), max_hu = std::max(max_hu, hu);
      }
  out.lo = std::max(DisplayByte(min_hu, wl) - 1, 0);
  out.hi = std::min(DisplayByte(max_hu, wl) + 1, 255);
  return true;
}

int CompareWithVoxels(const RgbaImage& image, const ViewportRect& rect, const Volume& v,
                      const SlicePlane& plane, const ViewState& view, int stride) {
  const PixelMapping m = MapView(plane, view, rect);
  int compared = 0, failed = 0;
  std::ostringstream report;
  for (int y = 0; y < rect.height; y += stride)
    for (int x = 0; x < rect.width; x += stride) {
      Expected e;
      if (!ExpectedGrey(v, m, x, y, view.wl, e)) continue;
      ++compared;
      const int got = image.At(rect.x + x, rect.y + y)[0];
      if (got < e.lo || got > e.hi) {
        if (++failed <= 8)
          report << "  pixel (" << x << ", " << y << "): grey " << got << ", expected " << e.lo
                 << ".." << e.hi << "\n";
      }
    }
  EXPECT_EQ(failed, 0) << failed << " of " << compared << " pixels differ from the voxels:\n"
                       << report.str();
  return compared;
}

}  // namespace nadir::test
