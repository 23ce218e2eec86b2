// The 3D view on a phantom: a body (an elliptic cylinder of soft tissue in air) with one ball
// lesion on the patient's left. Needs an X display (xvfb-run); skipped without one.
#include "viewer/view3d/surface_view.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "viewer/core/png_io.h"

namespace nadir::view3d {
namespace {

constexpr std::array<float, 3> kLesionRed{0.95f, 0.15f, 0.10f};
constexpr Vec3 kLesionCentre{40, 0, 0};  // patient mm: 40 mm to the patient's left
constexpr double kLesionRadiusMm = 18;

Volume Phantom(std::array<int, 3> size, Vec3 spacing) {
  Volume v;
  v.size = size;
  v.spacing = spacing;
  for (int a = 0; a < 3; ++a) v.origin[a] = -0.5 * (size[a] - 1) * spacing[a];
  v.hu.assign(v.VoxelCount(), -1000);
  for (int k = 0; k < size[2]; ++k)
    for (int j = 0; j < size[1]; ++j)
      for (int i = 0; i < size[0]; ++i) {
        const Vec3 p = v.ToPatient(i, j, k);
        if (std::pow(p[0] / 150, 2) + std::pow(p[1] / 100, 2) <= 1) v.hu[v.Index(i, j, k)] = 40;
      }
  return v;
}

analysis::LesionMask BallMask(const Volume& v, Vec3 centre, double r) {
  analysis::LesionMask m;
  const Vec3 c = v.ToIndex(centre);
  for (int a = 0; a < 3; ++a) {
    m.begin[a] = int(std::floor(c[a] - r / v.spacing[a])) - 1;
    m.size[a] = int(std::ceil(2 * r / v.spacing[a])) + 3;
  }
  m.voxels.resize(std::size_t(m.size[0]) * m.size[1] * m.size[2]);
  std::size_t s = 0;
  for (int k = 0; k < m.size[2]; ++k)
    for (int j = 0; j < m.size[1]; ++j)
      for (int i = 0; i < m.size[0]; ++i, ++s) {
        const Vec3 p = v.ToPatient(m.begin[0] + i, m.begin[1] + j, m.begin[2] + k);
        m.voxels[s] = Norm(Sub(p, centre)) <= r ? 1 : 0;
      }
  return m;
}

bool IsLesion(const std::uint8_t* px) {
  return px[0] > 90 && px[0] > 2 * px[1] && px[0] > 2 * px[2];
}
bool IsBackground(const std::uint8_t* px) {  // 0.08, 0.08, 0.10 -> 20, 20, 26
  return std::abs(px[0] - 20) <= 3 && std::abs(px[1] - 20) <= 3 && std::abs(px[2] - 26) <= 3;
}

struct Census {
  int lesion = 0, body = 0;
  double lesion_x = 0, lesion_y = 0;  // centroid of the lesion pixels, 0-1 across the image
};

Census Count(const RenderedImage& image) {
  Census c;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const std::uint8_t* px = &image.rgba[(std::size_t(y) * image.width + x) * 4];
      if (IsLesion(px)) {
        ++c.lesion;
        c.lesion_x += x;
        c.lesion_y += y;
      } else if (!IsBackground(px)) {
        ++c.body;
      }
    }
  if (c.lesion) {
    c.lesion_x /= double(c.lesion) * image.width;
    c.lesion_y /= double(c.lesion) * image.height;
  }
  return c;
}

void Save(const RenderedImage& image, const std::string& name) {
  viewer::RgbaImage png{image.width, image.height, image.rgba};
  viewer::WritePng("/tmp/nadir_view3d_" + name + ".png", png);
}

class SurfaceViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (run under xvfb-run)";
  }
};

// From the front the lesion (on the patient's left) is right of centre, at mid height, seen
// through the translucent body; from behind it is left of centre.
TEST_F(SurfaceViewTest, LesionInItsColourInsideTheBody) {
  const Volume v = Phantom({160, 110, 60}, {2.0, 2.0, 3.0});
  SurfaceView view;
  ASSERT_EQ(view.SetScene(v, {{BallMask(v, kLesionCentre, kLesionRadiusMm), kLesionRed}}), "");

  const RenderedImage front = view.Render(400, 300, {});
  ASSERT_TRUE(front.ok) << front.reason;
  Save(front, "front");
  const Census f = Count(front);
  EXPECT_GT(f.lesion, 400) << "lesion pixels";
  EXPECT_GT(f.body, 20000) << "body pixels";
  EXPECT_GT(f.lesion_x, 0.55);
  EXPECT_LT(f.lesion_x, 0.85);
  EXPECT_NEAR(f.lesion_y, 0.5, 0.08);
  // The corners are background (the body does not fill the image).
  EXPECT_TRUE(IsBackground(&front.rgba[0]));

  const RenderedImage back = view.Render(400, 300, {.azimuth_deg = 180});
  ASSERT_TRUE(back.ok) << back.reason;
  Save(back, "back");
  const Census b = Count(back);
  EXPECT_GT(b.lesion, 400);
  EXPECT_LT(b.lesion_x, 0.45);
  EXPECT_GT(b.lesion_x, 0.15);
  std::printf("scene %.1f ms; render front %.1f ms, back %.1f ms\n", view.SceneMilliseconds(),
              front.milliseconds, back.milliseconds);
}

// Turning the view 90 degrees (from the patient's left side) puts the lesion in the middle.
TEST_F(SurfaceViewTest, SideViewCentresTheLesion) {
  const Volume v = Phantom({160, 110, 60}, {2.0, 2.0, 3.0});
  SurfaceView view;
  ASSERT_EQ(view.SetScene(v, {{BallMask(v, kLesionCentre, kLesionRadiusMm), kLesionRed}}), "");
  const RenderedImage side = view.Render(300, 300, {.azimuth_deg = 90});
  ASSERT_TRUE(side.ok) << side.reason;
  Save(side, "side");
  const Census s = Count(side);
  EXPECT_GT(s.lesion, 400);
  EXPECT_NEAR(s.lesion_x, 0.5, 0.08);
}

// Lesions replaced without the body: gone, then back, the body drawn throughout.
TEST_F(SurfaceViewTest, SetLesionsKeepsTheBody) {
  const Volume v = Phantom({160, 110, 60}, {2.0, 2.0, 3.0});
  SurfaceView view;
  EXPECT_NE(view.SetLesions({}), "");  // no scene yet
  ASSERT_EQ(view.SetScene(v, {{BallMask(v, kLesionCentre, kLesionRadiusMm), kLesionRed}}), "");
  ASSERT_EQ(view.SetLesions({}), "");
  const RenderedImage none = view.Render(400, 300, {});
  ASSERT_TRUE(none.ok) << none.reason;
  EXPECT_LT(Count(none).lesion, 20);
  EXPECT_GT(Count(none).body, 20000);
  ASSERT_EQ(view.SetLesions({{BallMask(v, kLesionCentre, kLesionRadiusMm), kLesionRed}}), "");
  const RenderedImage again = view.Render(400, 300, {});
  ASSERT_TRUE(again.ok) << again.reason;
  EXPECT_GT(Count(again).lesion, 400);
  EXPECT_GT(Count(again).body, 20000);
  std::printf("lesions only: %.1f ms\n", view.SceneMilliseconds());
}

TEST_F(SurfaceViewTest, RefusalsNameTheirCause) {
  SurfaceView view;
  EXPECT_FALSE(view.Render(64, 64, {}).ok);  // no scene yet
  const Volume v = Phantom({40, 30, 20}, {5.0, 5.0, 5.0});
  analysis::LesionMask outside;
  outside.begin = {38, 0, 0};
  outside.size = {5, 5, 5};
  outside.voxels.assign(125, 1);
  const std::string why = view.SetScene(v, {{outside, kLesionRed}});
  EXPECT_NE(why.find("lesion 0: mask box"), std::string::npos) << why;
  const RenderedImage body_only = view.Render(64, 64, {});
  EXPECT_TRUE(body_only.ok) << body_only.reason;  // the body is still drawn
  EXPECT_FALSE(view.Render(0, 64, {}).ok);
}

}  // namespace
}  // namespace nadir::view3d
