// Caliper geometry (measure/caliper.h): lengths in patient mm and the bidirectional tool's
// perpendicular short axis (RECIST 1.1 §3.2: long axis, and the short axis perpendicular to it).
#include "measure/caliper.h"

#include <gtest/gtest.h>

#include <random>

namespace nadir {
namespace {

TEST(Caliper, LengthIsEuclideanInPatientMillimetres) {
  EXPECT_DOUBLE_EQ(LengthMm({0, 0, 0}, {3, 4, 0}), 5.0);
  EXPECT_DOUBLE_EQ(LengthMm({1, 2, 3}, {1, 2, 3}), 0.0);
  EXPECT_NEAR(LengthMm({-10, 5, -60}, {10, 5, -60}), 20.0, 1e-12);
}

TEST(Caliper, DistanceToSegmentClampsToTheEnds) {
  const Segment s{{{0, 0, 0}, {10, 0, 0}}};
  EXPECT_DOUBLE_EQ(DistanceToSegmentMm(s, {5, 3, 0}), 3.0);
  EXPECT_DOUBLE_EQ(DistanceToSegmentMm(s, {13, 4, 0}), 5.0);
}

TEST(Caliper, StartBidirectionalIsPerpendicularThroughTheMiddle) {
  const Bidirectional b = StartBidirectional({{{0, 0, 5}, {20, 0, 5}}}, {0, 0, 1});
  EXPECT_NEAR(AxesCosine(b), 0.0, 1e-12);
  EXPECT_NEAR(LengthMm(b.short_axis), 10.0, 1e-12);
  EXPECT_NEAR((b.short_axis[0][0] + b.short_axis[1][0]) / 2, 10.0, 1e-12);
  EXPECT_NEAR(b.short_axis[0][2], 5.0, 1e-12);  // stays on the image plane
}

// Dragging either end of either axis, anywhere, keeps the axes perpendicular and on the plane.
TEST(Caliper, ShortAxisStaysPerpendicularWhileDraggingEveryHandle) {
  const PatientPoint normal{0.0, 0.6, 0.8};  // an oblique image plane
  Bidirectional b = StartBidirectional({{{0, 0, 0}, {30, 0, 0}}}, normal);
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(-40, 40);
  for (int i = 0; i < 400; ++i) {
    const Handle h = static_cast<Handle>(i % 4);
    b = DragHandle(b, h, {u(rng), u(rng), u(rng)}, normal);
    ASSERT_LT(AxesCosine(b), 1e-9) << "after drag " << i << " of handle " << int(h);
    for (const auto& p : {b.long_axis[0], b.long_axis[1], b.short_axis[0], b.short_axis[1]}) {
      const double off = (p[1] * normal[1] + p[2] * normal[2]);  // plane through the origin
      ASSERT_NEAR(off, 0.0, 1e-9) << "a handle left the image plane after drag " << i;
    }
  }
}

TEST(Caliper, DraggingAShortEndMovesOnlyThatEndAcrossTheLongAxis) {
  Bidirectional b = StartBidirectional({{{0, 0, 0}, {20, 0, 0}}}, {0, 0, 1});  // short y = +-5
  b = DragHandle(b, Handle::kShort0, {10, 8, 0}, {0, 0, 1});
  EXPECT_NEAR(b.short_axis[0][1], 8.0, 1e-12);
  EXPECT_NEAR(b.short_axis[1][1], -5.0, 1e-12);
  EXPECT_NEAR(LengthMm(b.short_axis), 13.0, 1e-12);
  // The cursor off to the side slides the crossing along the long axis; the long axis stays.
  b = DragHandle(b, Handle::kShort1, {14, -6, 0}, {0, 0, 1});
  EXPECT_NEAR(b.short_axis[0][0], 14.0, 1e-12);
  EXPECT_NEAR(b.short_axis[1][0], 14.0, 1e-12);
  EXPECT_NEAR(LengthMm(b.long_axis), 20.0, 1e-12);
}

TEST(Caliper, DraggingALongEndTurnsTheShortAxisWithIt) {
  Bidirectional b = StartBidirectional({{{0, 0, 0}, {20, 0, 0}}}, {0, 0, 1});
  const double before = LengthMm(b.short_axis);
  b = DragHandle(b, Handle::kLong1, {0, 20, 0}, {0, 0, 1});  // now along +y
  EXPECT_NEAR(AxesCosine(b), 0.0, 1e-12);
  EXPECT_NEAR(LengthMm(b.short_axis), before, 1e-12);
  EXPECT_NEAR(b.short_axis[0][1], 10.0, 1e-12);  // still crossing the middle
}

TEST(Caliper, NearestHandleWithinToleranceOnly) {
  const std::vector<PatientPoint> h = {{0, 0, 0}, {10, 0, 0}, {10.5, 0, 0}};
  EXPECT_EQ(NearestHandle(h, {10.4, 0, 0}, 2.0), 2);
  EXPECT_EQ(NearestHandle(h, {0.5, 0.5, 0}, 1.0), 0);
  EXPECT_FALSE(NearestHandle(h, {5, 0, 0}, 2.0).has_value());
}

}  // namespace
}  // namespace nadir
