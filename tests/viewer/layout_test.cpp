// Layouts and linked scrolling by patient position.
#include "viewer/core/layout.h"

#include <gtest/gtest.h>

#include "viewer/core/view_intents.h"

namespace nadir::viewer {
namespace {

VolumeGeometry Axial(double z0, int slices, double step) {
  VolumeGeometry g;
  g.size = {64, 64, slices};
  g.spacing = {1, 1, step};
  g.origin = {0, 0, z0};
  return g;
}

TEST(Layout, RectsTileTheArea) {
  const auto rects = LayoutRects(Layout::k1x2, {0, 30, 1602, 870}, 2);
  ASSERT_EQ(rects.size(), 2u);
  EXPECT_EQ(rects[0].width, 800);
  EXPECT_EQ(rects[1].x, 802);
  EXPECT_EQ(rects[1].y, 30);
  EXPECT_EQ(LayoutRects(Layout::k2x2, {0, 0, 100, 100}).size(), 4u);
  EXPECT_EQ(ParseLayout("1x3"), Layout::k1x3);
  EXPECT_FALSE(ParseLayout("3x3"));
}

TEST(LinkedScrolling, SameFrameOfReferenceFollowsPatientPosition) {
  ReadingState s;
  s.viewports.resize(2);
  // Baseline 5 mm slices from z=0; follow-up 2 mm slices from z=-20, same frame of reference.
  Assign(s.viewports[0], 0, Axial(0, 40, 5), Orientation::kAxial, "1.2.3", {});
  Assign(s.viewports[1], 1, Axial(-20, 150, 2), Orientation::kAxial, "1.2.3", {});
  RelinkOffsets(s, 0);
  GoToSlice(s.viewports[0].plane, s.viewports[0].view, 10);  // z = 50
  PropagateScroll(s, 0);
  EXPECT_NEAR(s.viewports[1].view.position_mm, 50, 1e-9);
  EXPECT_EQ(SliceIndex(s.viewports[1].plane, s.viewports[1].view), 35);
}

TEST(LinkedScrolling, OtherFrameOfReferenceKeepsTheCurrentCorrespondence) {
  ReadingState s;
  s.viewports.resize(2);
  Assign(s.viewports[0], 0, Axial(0, 40, 5), Orientation::kAxial, "1.2.3", {});
  Assign(s.viewports[1], 1, Axial(300, 40, 5), Orientation::kAxial, "9.9.9", {});
  RelinkOffsets(s, 0);
  ScrollSlices(s.viewports[0].plane, s.viewports[0].view, 3);
  PropagateScroll(s, 0);
  EXPECT_EQ(SliceIndex(s.viewports[1].plane, s.viewports[1].view), 23);
}

TEST(LinkedScrolling, UnlinkedViewportsStayAndWindowLinkCopies) {
  ReadingState s;
  s.viewports.resize(2);
  Assign(s.viewports[0], 0, Axial(0, 40, 5), Orientation::kAxial, "1.2.3", {});
  Assign(s.viewports[1], 1, Axial(0, 40, 5), Orientation::kAxial, "1.2.3", {});
  s.link.scroll = false;
  ScrollSlices(s.viewports[0].plane, s.viewports[0].view, 4);
  PropagateScroll(s, 0);
  EXPECT_EQ(SliceIndex(s.viewports[1].plane, s.viewports[1].view), 20);
  s.viewports[0].view.wl = {1500, -600};
  PropagateWindow(s, 0);
  EXPECT_EQ(s.viewports[1].view.wl.level, -600);
}

}  // namespace
}  // namespace nadir::viewer

namespace nadir::viewer {
namespace {

TEST(Intents, ScrollInOneViewportScrollsTheLinkedOne) {
  ReadingState s;
  s.viewports.resize(2);
  Assign(s.viewports[0], 0, Axial(0, 40, 5), Orientation::kAxial, "1.2.3", {});
  Assign(s.viewports[1], 1, Axial(0, 40, 5), Orientation::kAxial, "1.2.3", {});
  const std::vector<ViewportRect> rects = LayoutRects(Layout::k1x2, {0, 0, 800, 400});
  Apply(s, rects, Scroll{1, -3});
  EXPECT_EQ(s.active, 1);
  EXPECT_EQ(SliceIndex(s.viewports[0].plane, s.viewports[0].view), 17);
  Apply(s, rects, SetWindow{0, *PresetByName("bone")});
  EXPECT_EQ(s.viewports[1].view.wl.width, 1800);
  Apply(s, rects, Zoom{0, 2.0, 100, 100});
  EXPECT_EQ(s.viewports[0].view.zoom, 2.0);
  EXPECT_EQ(s.viewports[1].view.zoom, 1.0);
  Apply(s, rects, Scroll{5, 1});  // no such viewport: ignored
}

}  // namespace
}  // namespace nadir::viewer

namespace nadir::viewer {
namespace {

TEST(Cine, PlaysAtItsRateAndWrapsAroundFollowingTheLinkedViewport) {
  ReadingState s;
  s.viewports.resize(2);
  Assign(s.viewports[0], 0, Axial(0, 40, 5), Orientation::kAxial, "1.2.3", {});
  Assign(s.viewports[1], 1, Axial(0, 40, 5), Orientation::kAxial, "1.2.3", {});
  double clock = 0;
  EXPECT_FALSE(CineStep(s, 1.0, clock));  // off
  s.cine = true;
  s.cine_fps = 10;
  EXPECT_FALSE(CineStep(s, 0.05, clock));  // half a frame
  auto step = CineStep(s, 0.06, clock);
  ASSERT_TRUE(step);
  Apply(s, {}, *step);
  EXPECT_EQ(SliceIndex(s.viewports[0].plane, s.viewports[0].view), 21);
  EXPECT_EQ(SliceIndex(s.viewports[1].plane, s.viewports[1].view), 21);
  GoToSlice(s.viewports[0].plane, s.viewports[0].view, 39);
  step = CineStep(s, 0.2, clock);  // two frames: 39 -> 0 -> 1
  ASSERT_TRUE(step);
  Apply(s, {}, *step);
  EXPECT_EQ(SliceIndex(s.viewports[0].plane, s.viewports[0].view), 1);
}

}  // namespace
}  // namespace nadir::viewer
