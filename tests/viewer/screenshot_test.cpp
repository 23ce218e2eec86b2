// Screenshot tests of nadir-viewer on the synthetic chest (built in code, known structures):
// the real binary renders offscreen under Xvfb (Mesa llvmpipe); pixels are checked against the
// geometry and the window formula (PS3.3 C.11.2.1.2.1). Skipped without a DISPLAY.
#include <gtest/gtest.h>

#include <cmath>
#include <ostream>

#include "tests/support/skip.h"
#include "tests/viewer/screenshot_support.h"
#include "viewer/core/layout.h"
#include "viewer/core/synthetic.h"

namespace nadir::viewer {
namespace {

using test::CompareWithVoxels;
using test::Screenshot;

constexpr int kSize = 512;
const std::array<int, 3> kVoxels{256, 256, 96};

const Volume& Chest(bool reversed = false) {
  static const Volume head_first = MakeSyntheticChest(SyntheticSpecFor(kVoxels, false));
  static const Volume feet_first = MakeSyntheticChest(SyntheticSpecFor(kVoxels, true));
  return reversed ? feet_first : head_first;
}

struct View {
  SlicePlane plane;
  ViewState view;
  ViewportRect rect{0, 0, kSize, kSize};
  PixelMapping Mapping() const { return MapView(plane, view, rect); }
};

View Expect(Orientation o, int slice, const WindowLevel& wl) {
  View v;
  v.plane = MakePlane(VolumeGeometry(Chest()), o);
  v.view = InitialView(v.plane, wl);
  GoToSlice(v.plane, v.view, slice);
  return v;
}

RgbaImage Render(const std::string& name, Orientation o, int slice, const std::string& preset,
                 std::vector<std::string> extra = {}) {
  std::vector<std::string> args{
      "--synthetic",   "--layout",
      "1x1",           "--no-overlay",
      "--size",        std::to_string(kSize) + "x" + std::to_string(kSize),
      "--orientation", std::string(Name(o)),
      "--slice",       std::to_string(slice),
      "--preset",      preset};
  args.insert(args.end(), extra.begin(), extra.end());
  return Screenshot(name, args);
}

int GreyAt(const RgbaImage& image, const PixelMapping& m, const Vec3& p) {
  const auto px = PatientToPixel(m, p);
  return image.At(int(std::floor(px[0])), int(std::floor(px[1])))[0];
}

// z of axial slice 57 of the 96 x 3 mm chest: -142.5 + 57 * 3 = 28.5 mm, through the lesion.
constexpr int kLesionSlice = 57;
const Vec3 kLesion{65, -10, 28.5};
const Vec3 kLung{100, -10, 28.5};  // left lung, 35 mm lateral of the lesion centre
const Vec3 kBody{0, -80, 28.5};    // anterior soft tissue between the lungs

TEST(ScreenshotAxial, LesionOfKnownPositionAndHuAtTheExpectedPixel) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const WindowLevel wl = *PresetByName("soft-tissue");
  const RgbaImage image = Render("axial_lesion", Orientation::kAxial, kLesionSlice, "soft-tissue");
  ASSERT_EQ(image.width, kSize);
  const View v = Expect(Orientation::kAxial, kLesionSlice, wl);
  ASSERT_NEAR(v.view.position_mm, 28.5, 1e-9);
  // 60 HU in W400/L40: ((60 - 39.5) / 399 + 0.5) * 255 = 141.
  EXPECT_NEAR(GreyAt(image, v.Mapping(), kLesion), DisplayByte(60, wl), 1);
  EXPECT_EQ(DisplayByte(60, wl), 141);
  EXPECT_EQ(GreyAt(image, v.Mapping(), kLung), 0);
  EXPECT_NEAR(GreyAt(image, v.Mapping(), kBody), DisplayByte(40, wl), 1);
  EXPECT_GT(CompareWithVoxels(image, v.rect, Chest(), v.plane, v.view), 5000);
}

}  // namespace

void PrintTo(const WindowPreset& p, std::ostream* os) {
  *os << p.name << " W" << p.wl.width << "/L" << p.wl.level;
}

namespace {

// Presets change pixel values as the window formula predicts.
class ScreenshotPreset : public ::testing::TestWithParam<WindowPreset> {};

TEST_P(ScreenshotPreset, StructuresTakeTheGreyOfTheWindowFormula) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const WindowPreset preset = GetParam();
  const RgbaImage image = Render("preset_" + std::string(preset.name), Orientation::kAxial,
                                 kLesionSlice, std::string(preset.name));
  ASSERT_EQ(image.width, kSize);
  const View v = Expect(Orientation::kAxial, kLesionSlice, preset.wl);
  const PixelMapping m = v.Mapping();
  EXPECT_NEAR(GreyAt(image, m, kLesion), DisplayByte(SyntheticChest::kLesionHu, preset.wl), 1);
  EXPECT_NEAR(GreyAt(image, m, kLung), DisplayByte(SyntheticChest::kLungHu, preset.wl), 1);
  EXPECT_NEAR(GreyAt(image, m, kBody), DisplayByte(SyntheticChest::kBodyHu, preset.wl), 1);
  EXPECT_NEAR(GreyAt(image, m, {0, 70, 28.5}), DisplayByte(SyntheticChest::kSpineHu, preset.wl), 1);
}

INSTANTIATE_TEST_SUITE_P(AllPresets, ScreenshotPreset, ::testing::ValuesIn(kWindowPresets),
                         [](const auto& info) {
                           std::string n(info.param.name);
                           for (char& c : n) c = c == '-' ? '_' : c;
                           return n;
                         });

TEST(ScreenshotReformat, CoronalMatchesTheVoxelData) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const WindowLevel wl = *PresetByName("lung");
  // Coronal slice 120 of 256 (1.25 mm): y = -159.375 + 120 * 1.25 = -9.375, through the lesion.
  const RgbaImage image = Render("coronal", Orientation::kCoronal, 120, "lung");
  ASSERT_EQ(image.width, kSize);
  const View v = Expect(Orientation::kCoronal, 120, wl);
  EXPECT_GT(CompareWithVoxels(image, v.rect, Chest(), v.plane, v.view), 5000);
}

TEST(ScreenshotReformat, CoronalHasHeadUpAndPatientRightOnScreenLeft) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  // The marker block (1000 HU) sits at patient right, anterior, superior: x -110..-80,
  // y -90..-70, z 60..100. Coronal slice 64 (y = -79.4) cuts it.
  const WindowLevel bone = *PresetByName("bone");
  const RgbaImage image = Render("coronal_marker", Orientation::kCoronal, 64, "bone");
  ASSERT_EQ(image.width, kSize);
  const View v = Expect(Orientation::kCoronal, 64, bone);
  const Vec3 marker{-95, v.view.position_mm, 80};
  const auto px = PatientToPixel(v.Mapping(), marker);
  EXPECT_LT(px[0], kSize / 2.0);  // patient right is on the viewer's left
  EXPECT_LT(px[1], kSize / 2.0);  // superior is up
  EXPECT_EQ(GreyAt(image, v.Mapping(), marker), DisplayByte(SyntheticChest::kMarkerHu, bone));
  // Its mirror images (patient left; inferior) are not the marker.
  EXPECT_LT(GreyAt(image, v.Mapping(), {95, v.view.position_mm, 80}), 200);
  EXPECT_LT(GreyAt(image, v.Mapping(), {-95, v.view.position_mm, -80}), 200);
}

TEST(ScreenshotReformat, SagittalMatchesTheVoxelData) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const WindowLevel wl = *PresetByName("soft-tissue");
  // Sagittal slice 180 of 256: x = -159.375 + 180 * 1.25 = 65.6, through the lesion and lung.
  const RgbaImage image = Render("sagittal", Orientation::kSagittal, 180, "soft-tissue");
  ASSERT_EQ(image.width, kSize);
  const View v = Expect(Orientation::kSagittal, 180, wl);
  EXPECT_GT(CompareWithVoxels(image, v.rect, Chest(), v.plane, v.view), 5000);
  EXPECT_NEAR(GreyAt(image, v.Mapping(), {v.view.position_mm, -10, 30}), DisplayByte(60, wl), 1);
}

TEST(ScreenshotMip, SlabShowsTheBrightestVoxelAcrossItsThickness) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const WindowLevel wl = *PresetByName("lung");
  // Axial slice 66 (z = 55.5) misses the lesion (z 12..48); a 40 mm slab reaches down to 35.5.
  const RgbaImage thin = Render("mip_thin", Orientation::kAxial, 66, "lung");
  const RgbaImage slab = Render("mip_slab", Orientation::kAxial, 66, "lung", {"--mip", "40"});
  const View v = Expect(Orientation::kAxial, 66, wl);
  const Vec3 lesion_xy{65, -10, 55.5};
  EXPECT_NEAR(GreyAt(thin, v.Mapping(), lesion_xy), DisplayByte(SyntheticChest::kLungHu, wl), 1);
  EXPECT_NEAR(GreyAt(slab, v.Mapping(), lesion_xy), DisplayByte(SyntheticChest::kLesionHu, wl), 1);
}

TEST(ScreenshotLinked, FeetFirstFollowUpShowsTheSameAnatomyAsHeadFirstBaseline) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  // 1x2: baseline stored head-first, follow-up feet-first; linked by patient position, slice
  // 57 of the baseline must face the same z in the follow-up (its slice 38).
  const RgbaImage image =
      Screenshot("linked", {"--synthetic", "--layout", "1x2", "--no-overlay", "--size", "1026x512",
                            "--slice", std::to_string(kLesionSlice), "--preset", "soft-tissue"});
  ASSERT_EQ(image.width, 1026);
  const auto rects = LayoutRects(Layout::k1x2, {0, 0, 1026, 512});
  int differ = 0;
  for (int y = 0; y < 512; ++y)
    for (int x = 0; x < rects[0].width; ++x)
      differ += std::abs(image.At(rects[0].x + x, y)[0] - image.At(rects[1].x + x, y)[0]) > 1;
  EXPECT_EQ(differ, 0);
  View left = Expect(Orientation::kAxial, kLesionSlice, *PresetByName("soft-tissue"));
  left.rect = rects[0];
  EXPECT_NEAR(GreyAt(image, left.Mapping(), kLesion), 141, 1);
}

TEST(ScreenshotReadingRoom, PanelsAndOverlaysRenderAroundTheImages) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const RgbaImage image =
      Screenshot("reading_room", {"--synthetic", "--layout", "1x3", "--size", "1600x900"});
  ASSERT_EQ(image.width, 1600);
  ASSERT_EQ(image.height, 900);
  // The study browser's background is not the black of an image, and the images are not empty.
  const auto* browser = image.At(100, 600);
  EXPECT_GT(browser[0] + browser[1] + browser[2], 0);
  long bright = 0;
  for (int y = 100; y < 800; y += 4)
    for (int x = 400; x < 1600; x += 4) bright += image.At(x, y)[0] > 100;
  EXPECT_GT(bright, 5000);
}

}  // namespace
}  // namespace nadir::viewer
