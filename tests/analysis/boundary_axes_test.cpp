// The 2D RECIST geometry on shapes whose axes are known exactly.
#include "measure/boundary_axes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace {

using namespace nadir;

// A sampled ellipse (semi-axes a, b, rotated by `angle`) as a level function, grid step h.
std::vector<float> Ellipse(int n, double h, double a, double b, double angle) {
  std::vector<float> g(std::size_t(n) * n);
  const double c = 0.5 * (n - 1) * h, ca = std::cos(angle), sa = std::sin(angle);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      const double x = i * h - c, y = j * h - c;
      const double u = x * ca + y * sa, v = -x * sa + y * ca;
      g[std::size_t(j) * n + i] = float(1 - std::sqrt(u * u / (a * a) + v * v / (b * b)));
    }
  return g;
}

TEST(BoundaryAxes, EllipseAxesAreItsDiametersAtAnyAngle) {
  for (double angle : {0.0, 0.3, 1.1, 2.0}) {
    const auto g = Ellipse(201, 0.2, 15, 9, angle);
    const auto contour = IsoContour(g, 201, 201, 0.2, 0.2, 0.0);
    const Line2 l = LongestDiameter(contour);
    EXPECT_NEAR(l.length, 30, 0.02) << angle;
    const Line2 s = LongestPerpendicularChord(contour, l);
    EXPECT_NEAR(s.length, 18, 0.02) << angle;
    // The short axis is perpendicular to the long one.
    const double dot = (l.b.x - l.a.x) * (s.b.x - s.a.x) + (l.b.y - l.a.y) * (s.b.y - s.a.y);
    EXPECT_NEAR(dot / (l.length * s.length), 0, 1e-6);
    EXPECT_NEAR(EnclosedArea(contour), M_PI * 15 * 9, 0.5);
  }
}

TEST(BoundaryAxes, ShortAxisOfAConcaveShapeStaysInside) {
  // Two discs of radius 5 mm whose centres are 12 mm apart, joined by nothing: along any
  // perpendicular line the inside chord is at most a disc's diameter, never the gap.
  const int n = 161;
  const double h = 0.2;
  std::vector<float> g(std::size_t(n) * n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      const double x = i * h - 16, y = j * h - 16;
      const double d1 = std::hypot(x, y - 6), d2 = std::hypot(x, y + 6);
      g[std::size_t(j) * n + i] = float(5 - std::min(d1, d2));
    }
  const auto contour = IsoContour(g, n, n, h, h, 0.0);
  const Line2 l = LongestDiameter(contour);
  EXPECT_NEAR(l.length, 22, 0.02);
  EXPECT_NEAR(LongestPerpendicularChord(contour, l).length, 10, 0.02);
}

TEST(BoundaryAxes, NothingAboveTheLevelGivesNoAxes) {
  const std::vector<float> g(100, 0.f);
  const auto contour = IsoContour(g, 10, 10, 1, 1, 0.5);
  EXPECT_TRUE(contour.empty());
  EXPECT_EQ(LongestDiameter(contour).length, 0);
  EXPECT_EQ(LongestPerpendicularChord(contour, LongestDiameter(contour)).length, 0);
}

}  // namespace
