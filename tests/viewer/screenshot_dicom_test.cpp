// Screenshot tests of nadir-viewer on real DICOM: the phantom trial written by dicom/ (one
// subject, baseline and two follow-ups), scanned and loaded by the viewer's worker threads, and
// compared with the voxels the phantom renders for the same study. Skipped without a DISPLAY.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "dicom/phantom.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/skip.h"
#include "tests/viewer/screenshot_support.h"
#include "viewer/core/layout.h"

namespace nadir::viewer {
namespace {

using test::CompareWithVoxels;
using test::Screenshot;

class ScreenshotDicom : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    options_.subjects = 1;
    trial_ = dicom::PlanPhantomTrial(options_);
    // One folder per process: ctest runs these tests in parallel processes.
    scratch_ = std::make_unique<test::ScratchDir>("phantom");
    folder_ = scratch_->path();
    if (!test::MissingDisplay()) dicom::WritePhantomTrial(folder_, options_);
  }
  static void TearDownTestSuite() { scratch_.reset(); }

  // A target lesion present at baseline: its centre in patient mm.
  static dicom::PhantomLesion BaselineTarget() {
    for (const auto& l : trial_.subjects[0].timepoints[0].lesions)
      if (l.kind == "target" && l.long_mm > 0) return l;
    ADD_FAILURE() << "the phantom plan has no baseline target lesion";
    return {};
  }

  static inline dicom::PhantomOptions options_;
  static inline dicom::PhantomTrial trial_;
  static inline std::unique_ptr<test::ScratchDir> scratch_;
  static inline std::filesystem::path folder_;
};

TEST_F(ScreenshotDicom, BaselineAxialThroughTheLesionMatchesThePhantomVoxels) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const Volume v = dicom::RenderPhantom(trial_, 0, 0);
  const VolumeGeometry g = VolumeGeometry(v);
  const dicom::PhantomLesion lesion = BaselineTarget();
  const int k = int(std::lround(g.ToIndex(lesion.centre)[2]));
  const RgbaImage image =
      Screenshot("dicom_axial", {folder_.string(), "--layout", "1x1", "--no-overlay", "--size",
                                 "512x512", "--slice", std::to_string(k), "--preset", "liver"});
  ASSERT_EQ(image.width, 512);
  const SlicePlane plane = MakePlane(g, Orientation::kAxial);
  ViewState view = InitialView(plane, *PresetByName("liver"));
  GoToSlice(plane, view, k);
  const ViewportRect rect{0, 0, 512, 512};
  EXPECT_GT(CompareWithVoxels(image, rect, v, plane, view, 3), 10000);
  // The lesion's centre lands where the geometry says, with its HU through the liver window.
  const PixelMapping m = MapView(plane, view, rect);
  const auto px = PatientToPixel(m, lesion.centre);
  test::Expected e;
  ASSERT_TRUE(test::ExpectedGrey(v, m, int(px[0]), int(px[1]), view.wl, e));
  const int got = image.At(int(px[0]), int(px[1]))[0];
  EXPECT_GE(got, e.lo);
  EXPECT_LE(got, e.hi);
}

TEST_F(ScreenshotDicom, FollowUpIsLinkedToBaselineByPatientPosition) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const Volume baseline = dicom::RenderPhantom(trial_, 0, 0);
  const Volume follow_up = dicom::RenderPhantom(trial_, 0, 2);  // the latest study
  const dicom::PhantomLesion lesion = BaselineTarget();
  const int k = int(std::lround(VolumeGeometry(baseline).ToIndex(lesion.centre)[2]));
  const RgbaImage image = Screenshot(
      "dicom_linked", {folder_.string(), "--layout", "1x2", "--no-overlay", "--size", "1026x512",
                       "--slice", std::to_string(k), "--preset", "soft-tissue"});
  ASSERT_EQ(image.width, 1026);
  const auto rects = LayoutRects(Layout::k1x2, {0, 0, 1026, 512});
  const WindowLevel wl = *PresetByName("soft-tissue");
  const SlicePlane left = MakePlane(VolumeGeometry(baseline), Orientation::kAxial);
  ViewState left_view = InitialView(left, wl);
  GoToSlice(left, left_view, k);
  const SlicePlane right = MakePlane(VolumeGeometry(follow_up), Orientation::kAxial);
  ViewState right_view = InitialView(right, wl);
  GoToPosition(right, right_view, left_view.position_mm);
  EXPECT_NEAR(right_view.position_mm, left_view.position_mm, 0.5 * right.slice_step_mm);
  EXPECT_GT(CompareWithVoxels(image, rects[0], baseline, left, left_view), 5000);
  EXPECT_GT(CompareWithVoxels(image, rects[1], follow_up, right, right_view), 5000);
}

TEST_F(ScreenshotDicom, CoronalReformatOfFiveMillimetreSlicesMatchesThePhantomVoxels) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const Volume v = dicom::RenderPhantom(trial_, 0, 0);
  const VolumeGeometry g = VolumeGeometry(v);
  const int j = int(std::lround(g.ToIndex(BaselineTarget().centre)[1]));
  const RgbaImage image =
      Screenshot("dicom_coronal", {folder_.string(), "--layout", "1x1", "--no-overlay", "--size",
                                   "512x512", "--orientation", "coronal", "--slice",
                                   std::to_string(j), "--preset", "soft-tissue"});
  ASSERT_EQ(image.width, 512);
  const SlicePlane plane = MakePlane(g, Orientation::kCoronal);
  ViewState view = InitialView(plane, *PresetByName("soft-tissue"));
  GoToSlice(plane, view, j);
  EXPECT_GT(CompareWithVoxels(image, {0, 0, 512, 512}, v, plane, view, 3), 10000);
}

}  // namespace
}  // namespace nadir::viewer
