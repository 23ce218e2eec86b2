// Test helper for the xdotool tests: where a patient point (mm) appears in the viewer's window
// when its series is shown alone (layout 1x1, lesion panels open, fitted, no pan) on the axial
// slice through the point. Prints "SLICE X Y" (the --slice to start at, window pixels).
//   window_point STUDY_DIR WIDTH HEIGHT X Y Z
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "dicom/load.h"
#include "viewer/core/layout.h"
#include "viewer/core/reslice.h"
#include "viewer/core/screen_layout.h"
#include "viewer/core/view_state.h"

int main(int argc, char** argv) {
  using namespace nadir::viewer;
  if (argc != 7) {
    std::fprintf(stderr, "usage: window_point STUDY_DIR WIDTH HEIGHT X Y Z\n");
    return 2;
  }
  try {
    const auto loaded = nadir::dicom::LoadPath(argv[1]);
    const SlicePlane plane = MakePlane(VolumeGeometry(loaded.volume), Orientation::kAxial);
    const Vec3 p{std::atof(argv[4]), std::atof(argv[5]), std::atof(argv[6])};
    ViewState view = InitialView(plane);
    GoToPosition(plane, view, Dot(p, plane.normal));
    // ImGui's menu bar: the default 13 px font and 3 px frame padding above and below.
    const int menu = 19;
    const ScreenRegions screen =
        ComputeScreen(std::atoi(argv[2]), std::atoi(argv[3]), menu, {}, true, false);
    const ViewportRect rect = LayoutRects(Layout::k1x1, screen.images).at(0);
    const auto px = PatientToPixel(MapView(plane, view, rect), p);
    std::printf("%d %ld %ld\n", SliceIndex(plane, view), std::lround(rect.x + px[0]),
                std::lround(rect.y + px[1]));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "window_point: %s\n", e.what());
    return 1;
  }
}
