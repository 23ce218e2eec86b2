// The viewer with an assessment: `nadir-viewer STUDIES --assessment FILE --screenshot out.png`
// renders baseline and follow-up side by side with the lesions' calipers drawn and the lesion
// and response panels open. Runs the real binary under Xvfb (skipped without a DISPLAY).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/png_io.h"
#include "dicom/phantom.h"
#include "test_util.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Pixels of the target caliper colour (viewer/app/annotate_glue.cpp) inside a rectangle.
int CaliperPixels(const viewer::RgbaImage& img, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = y0; y < y1 && y < img.height; ++y)
    for (int x = x0; x < x1 && x < img.width; ++x) {
      const auto* p = img.At(x, y);
      if (std::abs(p[0] - 255) < 25 && std::abs(p[1] - 200) < 25 && p[2] < 90) ++n;
    }
  return n;
}

TEST(AnnotatedScreenshot, BaselineAndFollowUpWithCalipersAndResponsePanel) {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) GTEST_SKIP() << "no DISPLAY: run under xvfb-run";
  const fs::path dir = testing::ScratchDir("shot");
  dicom::PhantomOptions options;
  options.subjects = 1;
  const auto written = dicom::WritePhantomTrial(dir, options);
  const fs::path assessment = dir / "PH-001.json";
  fs::copy_file(written.assessment_files.at(0), assessment);
  const std::string before = Slurp(assessment);
  const fs::path png = fs::path(NADIR_SCREENSHOT_DIR) / "annotated_phantom_1x2.png";
  const std::string cmd = std::string(NADIR_VIEWER_EXE) + " '" +
                          (dir / "dicom" / "PH-001").string() + "' --assessment '" +
                          assessment.string() + "' --layout 1x2 --size 1600x900 --screenshot '" +
                          png.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  const viewer::RgbaImage img = viewer::ReadPng(png.string());
  ASSERT_EQ(img.width, 1600);
  // The viewer opens at T1: its bidirectional calipers on the baseline (left) and on the
  // follow-up (right) image, in the upper part that the panels leave free.
  EXPECT_GT(CaliperPixels(img, 380, 60, 990, 520), 30) << "no caliper on the baseline: " << png;
  EXPECT_GT(CaliperPixels(img, 995, 60, 1600, 520), 30) << "no caliper on the follow-up: " << png;
  // Showing is not editing: the file is untouched and nothing was autosaved.
  EXPECT_EQ(Slurp(assessment), before);
  EXPECT_FALSE(fs::exists(assessment.string() + ".autosave"));
}

}  // namespace
}  // namespace nadir::annotate
