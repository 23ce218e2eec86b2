// The viewer with an assessment: `nadir-viewer STUDIES --assessment FILE --screenshot out.png`
// renders baseline and follow-up side by side with the lesions' calipers drawn and the lesion
// and response panels open. Runs the real binary under Xvfb (skipped without a DISPLAY).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dicom/phantom.h"
#include "tests/annotate/screenshot_util.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/skip.h"
#include "viewer/core/png_io.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;
using test::CaliperPixelsInViewport;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(AnnotatedScreenshot, BaselineAndFollowUpWithCalipersAndResponsePanel) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const test::ScratchDir dir("shot");
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
  EXPECT_GT(CaliperPixelsInViewport(img, 0), 30) << "no caliper on the baseline: " << png;
  EXPECT_GT(CaliperPixelsInViewport(img, 1), 30) << "no caliper on the follow-up: " << png;
  // Showing is not editing: the file is untouched and nothing was autosaved.
  EXPECT_EQ(Slurp(assessment), before);
  EXPECT_FALSE(fs::exists(assessment.string() + ".autosave"));
}

using Json = nlohmann::ordered_json;

Json* LesionIn(Json& doc, int timepoint, const std::string& id) {
  for (auto& l : doc["timepoints"][timepoint]["lesions"])
    if (l["id"] == id) return &l;
  return nullptr;
}

// One subject of the phantom trial with its truth file changed by `edit`, shown by the viewer
// (layout 1x2, `extra` options) into `png`.
viewer::RgbaImage Shoot(const std::string& name, const std::string& extra,
                        const std::function<void(Json&, const dicom::PhantomTrial&)>& edit) {
  const test::ScratchDir dir(name);
  dicom::PhantomOptions options;
  options.subjects = 1;
  const auto written = dicom::WritePhantomTrial(dir, options);
  Json doc = Json::parse(Slurp(written.assessment_files.at(0)));
  edit(doc, dicom::PlanPhantomTrial(options));
  const fs::path assessment = dir / "PH-001.json";
  std::ofstream(assessment) << doc.dump(1);
  const fs::path png = fs::path(NADIR_SCREENSHOT_DIR) / (name + ".png");
  const std::string cmd = std::string(NADIR_VIEWER_EXE) + " '" +
                          (dir / "dicom" / "PH-001").string() + "' --assessment '" +
                          assessment.string() + "' --layout 1x2 --size 1600x900 " + extra +
                          " --screenshot '" + png.string() + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  return viewer::ReadPng(png.string());
}

// RECIST 1.1 §4.3.2: T1 split in two at the last follow-up, each fragment measured on the
// follow-up image. The viewer opens at the latest timepoint with T1 selected: the lesion
// panel lists the fragments, the follow-up viewport draws T1a and T1b.
TEST(AnnotatedScreenshot, SplitLesionFragmentsOnTheFollowUpAndInThePanel) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const auto img = Shoot("annotated_split_fragments", "", [](Json& doc, const auto&) {
    const int last = int(doc["timepoints"].size()) - 1;
    Json* t1 = LesionIn(doc, last, "T1");
    ASSERT_TRUE(t1 && t1->contains("points"));
    const Json points = (*t1)["points"];
    const auto at = [&](double f) {
      Json p = Json::array();
      for (int c = 0; c < 3; ++c)
        p.push_back(points["long"][0][c].get<double>() +
                    f * (points["long"][1][c].get<double>() - points["long"][0][c].get<double>()));
      return p;
    };
    const double whole = (*t1)["long_axis_mm"].get<double>();
    Json fragments = Json::array();
    for (auto [from, to] : {std::pair{0.0, 0.42}, std::pair{0.58, 1.0}}) {
      Json f = {{"long_axis_mm", std::round(whole * (to - from) * 10) / 10},
                {"points", {{"sop_uid", points["sop_uid"]}, {"long", {at(from), at(to)}}}}};
      fragments.push_back(f);
    }
    t1->erase("long_axis_mm");
    t1->erase("short_axis_mm");
    t1->erase("points");
    (*t1)["fragments"] = fragments;
  });
  ASSERT_EQ(img.width, 1600);
  EXPECT_GT(CaliperPixelsInViewport(img, 1), 30) << "no fragment on the follow-up";
}

// A measurement drawn on a coronal reformat of the baseline series (series, plane, normal; no
// SOP UID) of T2 (lung, in the upper half that the panels leave free), listed first so that
// the viewer opens at it: the coronal view of that series goes to its plane and draws it.
TEST(AnnotatedScreenshot, CaliperOnACoronalReformatOfTheBaseline) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  const auto img =
      Shoot("annotated_coronal_reformat", "--orientation coronal",
            [](Json& doc, const dicom::PhantomTrial& trial) {
              const auto& tp = trial.subjects[0].timepoints[0];
              const dicom::PhantomLesion* t2 = nullptr;
              for (const auto& l : tp.lesions)
                if (l.id == "T2") t2 = &l;
              ASSERT_TRUE(t2);
              const auto& c = t2->centre;
              const double h = t2->height_mm / 2, w = t2->long_mm / 2;
              Json lesion = *LesionIn(doc, 0, "T2");
              lesion["points"] = {{"series_uid", tp.series_uid},
                                  {"plane", "coronal"},
                                  {"normal", {0, 1, 0}},
                                  {"long", {{c[0] - w, c[1], c[2]}, {c[0] + w, c[1], c[2]}}},
                                  {"short", {{c[0], c[1], c[2] - h}, {c[0], c[1], c[2] + h}}}};
              Json& lesions = doc["timepoints"][0]["lesions"];
              Json reordered = Json::array({lesion});
              for (const auto& l : lesions)
                if (l["id"] != "T2") reordered.push_back(l);
              lesions = reordered;
            });
  ASSERT_EQ(img.width, 1600);
  EXPECT_GT(CaliperPixelsInViewport(img, 0), 30) << "no caliper on the coronal baseline";
}

}  // namespace
}  // namespace nadir::annotate
