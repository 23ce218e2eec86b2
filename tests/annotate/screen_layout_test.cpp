// The real viewer, with an assessment open, lays its panels beside the images at every layout
// and window size: `--dump-layout` reports the frame's rectangles and none of the panels covers
// a viewport. Runs under Xvfb (skipped without a DISPLAY).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "dicom/phantom.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/skip.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;

struct Rect {
  std::string name;
  int x, y, w, h;
};
bool Overlap(const Rect& a, const Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
std::vector<Rect> Rects(const nlohmann::json& list) {
  std::vector<Rect> out;
  for (const auto& r : list)
    out.push_back({r.value("name", ""), r.at("x"), r.at("y"), r.at("w"), r.at("h")});
  return out;
}

class ScreenLayoutOnScreen : public ::testing::TestWithParam<std::tuple<const char*, const char*>> {
 protected:
  static void SetUpTestSuite() {
    scratch_ = std::make_unique<test::ScratchDir>("layout");
    dir_ = scratch_->path();
    dicom::PhantomOptions options;
    options.subjects = 1;
    const auto written = dicom::WritePhantomTrial(dir_, options);
    fs::copy_file(written.assessment_files.at(0), dir_ / "PH-001.json");
  }
  static void TearDownTestSuite() { scratch_.reset(); }
  static inline std::unique_ptr<test::ScratchDir> scratch_;
  static inline fs::path dir_;
};

TEST_P(ScreenLayoutOnScreen, NoPanelCoversAViewport) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const auto [layout, size] = GetParam();
  const fs::path json = dir_ / (std::string(layout) + "-" + size + ".json");
  const std::string cmd = std::string(NADIR_VIEWER_EXE) + " '" +
                          (dir_ / "dicom" / "PH-001").string() + "' --assessment '" +
                          (dir_ / "PH-001.json").string() + "' --layout " + layout + " --size " +
                          size + " --screenshot '" + (dir_ / "shot.png").string() +
                          "' --dump-layout '" + json.string() + "' > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream in(json);
  const auto doc = nlohmann::json::parse(in);
  const auto viewports = Rects(doc.at("viewports"));
  const auto panels = Rects(doc.at("panels"));
  const int expected = std::string(layout) == "1x1"   ? 1
                       : std::string(layout) == "2x2" ? 4
                       : std::string(layout) == "1x3" ? 3
                                                      : 2;
  EXPECT_EQ(int(viewports.size()), expected);
  std::set<std::string> names;
  for (const Rect& p : panels) names.insert(p.name);
  EXPECT_EQ(names, (std::set<std::string>{"studies", "lesions", "response"}));
  for (const Rect& p : panels)
    for (const Rect& v : viewports)
      EXPECT_FALSE(Overlap(p, v)) << p.name << " (" << p.x << "," << p.y << " " << p.w << "x" << p.h
                                  << ") covers a viewport at " << v.x << "," << v.y;
}

INSTANTIATE_TEST_SUITE_P(
    LayoutsAndSizes, ScreenLayoutOnScreen,
    ::testing::Values(std::make_tuple("1x1", "1280x720"), std::make_tuple("1x2", "1280x720"),
                      std::make_tuple("2x2", "1280x720"), std::make_tuple("1x3", "1280x720"),
                      std::make_tuple("1x2", "1920x1080"), std::make_tuple("2x2", "1920x1080"),
                      std::make_tuple("1x3", "1920x1080"), std::make_tuple("2x2", "3840x2160")),
    [](const auto& info) {
      std::string n = std::string(std::get<0>(info.param)) + "_" + std::get<1>(info.param);
      for (char& c : n)
        if (c == 'x') c = '_';
      return n;
    });

}  // namespace
}  // namespace nadir::annotate
