// Viewport mapping, scrolling, zoom and pan: plain state, no window.
#include "viewer/core/view_state.h"

#include <gtest/gtest.h>

namespace nadir::viewer {
namespace {

SlicePlane Coronal() {
  VolumeGeometry g;
  g.size = {200, 200, 50};
  g.spacing = {1.0, 1.0, 4.0};
  g.origin = {-99.5, -99.5, -98};
  return MakePlane(g, Orientation::kCoronal);
}

TEST(ViewState, FitKeepsAnisotropicAspect) {
  // 200 mm wide, 200 mm tall (50 slices x 4 mm) in a 400 x 300 viewport: 1.5 px/mm.
  const SlicePlane p = Coronal();
  EXPECT_NEAR(FitPixelsPerMm(p, 400, 300), 1.5, 1e-9);
}

TEST(ViewState, PixelsMapToPatientAndBack) {
  const SlicePlane p = Coronal();
  ViewState v = InitialView(p);
  const ViewportRect r{10, 20, 400, 300};
  const PixelMapping m = MapView(p, v, r);
  const Vec3 centre = PixelToPatient(m, 200, 150);
  EXPECT_NEAR(centre[0], 0, 1e-9);
  EXPECT_NEAR(centre[2], 0, 1e-9);
  // One pixel right is 1 / 1.5 mm towards the patient's left; one down is towards the feet.
  const Vec3 right = PixelToPatient(m, 201, 150);
  EXPECT_NEAR(right[0] - centre[0], 1 / 1.5, 1e-9);
  const Vec3 down = PixelToPatient(m, 200, 151);
  EXPECT_NEAR(down[2] - centre[2], -1 / 1.5, 1e-9);
  const auto px = PatientToPixel(m, {30, centre[1], -40});
  EXPECT_NEAR(px[0], 200 + 45, 1e-9);
  EXPECT_NEAR(px[1], 150 + 60, 1e-9);
}

TEST(ViewState, ScrollingStopsAtTheEnds) {
  const SlicePlane p = Coronal();
  ViewState v = InitialView(p);
  EXPECT_EQ(SliceIndex(p, v), 100);
  ScrollSlices(p, v, 5);
  EXPECT_EQ(SliceIndex(p, v), 105);
  ScrollSlices(p, v, 1000);
  EXPECT_EQ(SliceIndex(p, v), 199);
  GoToSlice(p, v, -3);
  EXPECT_EQ(SliceIndex(p, v), 0);
}

TEST(ViewState, ZoomKeepsThePointUnderTheCursor) {
  const SlicePlane p = Coronal();
  ViewState v = InitialView(p);
  const ViewportRect r{0, 0, 400, 300};
  const Vec3 before = PixelToPatient(MapView(p, v, r), 300, 80);
  ZoomAt(p, v, r, 2.5, 300, 80);
  const Vec3 after = PixelToPatient(MapView(p, v, r), 300, 80);
  for (int a = 0; a < 3; ++a) EXPECT_NEAR(after[a], before[a], 1e-9);
  EXPECT_DOUBLE_EQ(v.zoom, 2.5);
}

TEST(ViewState, PanFollowsTheMouse) {
  const SlicePlane p = Coronal();
  ViewState v = InitialView(p);
  const ViewportRect r{0, 0, 400, 300};
  const Vec3 grabbed = PixelToPatient(MapView(p, v, r), 100, 100);
  PanByPixels(p, v, r, 30, -20);
  const Vec3 now = PixelToPatient(MapView(p, v, r), 130, 80);
  for (int a = 0; a < 3; ++a) EXPECT_NEAR(now[a], grabbed[a], 1e-9);
}

}  // namespace
}  // namespace nadir::viewer

namespace nadir::viewer {
namespace {

TEST(ScaleBar, LongestRoundLengthThatFits) {
  EXPECT_DOUBLE_EQ(ScaleBarMm(1.7, 200), 100);  // 170 px
  EXPECT_DOUBLE_EQ(ScaleBarMm(1.13, 100), 50);  // 56.5 px; 100 mm would be 113 px
  EXPECT_DOUBLE_EQ(ScaleBarMm(40, 100), 2);     // zoomed in: 80 px
  EXPECT_DOUBLE_EQ(ScaleBarMm(10000, 100), 0);
}

}  // namespace
}  // namespace nadir::viewer
