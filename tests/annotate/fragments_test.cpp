// Split target lesions (RECIST 1.1 §4.3.2) measured with the caliper tools through the session:
// the lesion's diameter is the sum of its fragments'; fragments keep their end points through
// undo, save and reload; the engine on the saved file (as `nadir recompute`) agrees with the
// live panel.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "formats/assessment_json.h"
#include "formats/results_json.h"
#include "measure/assess.h"
#include "measure/sum_of_diameters.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"
#include "viewer/annotate/overlay.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;
using test::D;
using test::DragHandleTo;
using test::DrawLine;

// Baseline: T1 40 mm (liver) and T2 20 mm (lung), sum 60 mm. Week 8: T1 has split in two.
class FragmentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s.New("SPLIT-1", D("2026-01-05"));
    s.Apply(SetTool{Tool::kLine});
    ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {40, 0, 0}, "b.1"));
    s.Apply(SetSite{"T1", "liver"});
    s.Apply(SelectLesion{""});
    ASSERT_TRUE(DrawLine(s, {80, 0, 0}, {80, 20, 0}, "b.2"));
    s.Apply(SetSite{"T2", "lung"});
    s.AddTimepoint(D("2026-03-02"), "Week 8", "");
    s.Apply(SetTimepoint{1});
    s.Apply(SelectLesion{"T2"});
    ASSERT_TRUE(DrawLine(s, {80, 0, 0}, {80, 19, 0}, "f.2"));
  }
  const LesionRecord& T1() const { return *s.subject().timepoints.at(1).Find("T1"); }
  double Sum() const { return *TargetDiameterMm(T1(), s.subject().protocol); }

  // Splits T1 and measures fragment a (12 mm) and b (8.5 mm, drawn on another slice).
  void SplitAndMeasure() {
    s.Apply(SelectLesion{"T1"});
    s.Apply(SplitLesion{"T1"});
    ASSERT_EQ(T1().fragments.size(), 2u);
    ASSERT_TRUE(s.armed_fragment());
    EXPECT_EQ(s.armed_fragment()->index, 0);
    ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {12, 0, 0}, "f.1"));
    // Fragment b is next: the first without a measurement (no button needed).
    ASSERT_TRUE(DrawLine(s, {30, 10, 5}, {30, 18.5, 5}, "f.3", {0, 0, 1}));
  }

  const test::ScratchDir dir{"fragments"};
  AnnotationSession s{(dir / "autosave").string()};
};

TEST_F(FragmentsTest, TwoFragmentsDrawnWithTheCaliperSumToTheLesionsDiameter) {
  SplitAndMeasure();
  ASSERT_EQ(T1().fragments.size(), 2u);
  EXPECT_DOUBLE_EQ(*T1().fragments[0].long_axis_mm, 12.0);
  EXPECT_DOUBLE_EQ(*T1().fragments[1].long_axis_mm, 8.5);
  EXPECT_EQ(T1().fragments[1].points->sop_uid, "f.3");
  EXPECT_FALSE(T1().long_axis_mm);  // the fragments carry the diameter
  EXPECT_DOUBLE_EQ(Sum(), 20.5);
  EXPECT_EQ(T1().state, LesionState::kMeasured);
  // The engine's sum at week 8: 20.5 + 19 = 39.5 mm, -34 %: PR.
  const SubjectResult& r = s.Results();
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_NEAR(*r.recist11->timepoints[0].sum_mm, 39.5, 1e-9);
  EXPECT_EQ(r.recist11->timepoints[0].overall, Response::kPR);
  // The overlay names each fragment: T1a on f.1, T1b on f.3.
  const auto a = CaliperOverlay(s, "f.1");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].label, "T1a 12.0 mm");
  EXPECT_EQ(a[0].fragment, 0);
  EXPECT_EQ(CaliperOverlay(s, "f.3").at(0).label, "T1b 8.5 mm");
  // A fragment's handle drags like a lesion's.
  ASSERT_TRUE(DragHandleTo(s, {12, 0, 0}, {14, 0, 0}, "f.1"));
  EXPECT_DOUBLE_EQ(*T1().fragments[0].long_axis_mm, 14.0);
  EXPECT_DOUBLE_EQ(Sum(), 22.5);
}

TEST_F(FragmentsTest, AMeasurementMadeBeforeTheSplitBecomesFragmentA) {
  s.Apply(SelectLesion{"T1"});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {15, 0, 0}, "f.1"));
  s.Apply(SplitLesion{"T1"});
  ASSERT_EQ(T1().fragments.size(), 2u);
  EXPECT_DOUBLE_EQ(*T1().fragments[0].long_axis_mm, 15.0);
  EXPECT_EQ(T1().fragments[0].points->sop_uid, "f.1");
  EXPECT_FALSE(T1().fragments[1].long_axis_mm);
  EXPECT_EQ(s.armed_fragment()->index, 1);
  // Until fragment b is measured the engine says what is missing (guidance).
  bool named = false;
  for (const auto& g : s.Guidance()) named |= g.find("fragments[1]") != std::string::npos;
  EXPECT_TRUE(named);
  // "Add fragment" arms a third; Measure re-arms an earlier one.
  s.Apply(AddFragment{"T1"});
  EXPECT_EQ(T1().fragments.size(), 3u);
  EXPECT_EQ(s.armed_fragment()->index, 2);
  s.Apply(MeasureFragment{"T1", 1});
  ASSERT_TRUE(DrawLine(s, {50, 0, 0}, {56, 0, 0}, "f.1"));
  EXPECT_DOUBLE_EQ(*T1().fragments[1].long_axis_mm, 6.0);
  EXPECT_FALSE(s.armed_fragment());
  // Deleting fragments: the last one deleted makes the lesion whole (and unmeasured) again.
  s.Apply(DeleteFragment{"T1", 2});
  EXPECT_DOUBLE_EQ(Sum(), 21.0);
  s.Apply(DeleteFragment{"T1", 0});
  s.Apply(DeleteFragment{"T1", 0});
  EXPECT_TRUE(T1().fragments.empty());
}

TEST_F(FragmentsTest, UndoTakesBackAFragmentMeasurementAndTheSplit) {
  SplitAndMeasure();
  s.Apply(Undo{});  // fragment b's measurement
  EXPECT_FALSE(T1().fragments[1].long_axis_mm);
  EXPECT_FALSE(T1().fragments[1].points);
  EXPECT_DOUBLE_EQ(*T1().fragments[0].long_axis_mm, 12.0);
  s.Apply(Undo{});  // fragment a's
  s.Apply(Undo{});  // the split, which made T1's record at week 8
  EXPECT_FALSE(s.subject().timepoints[1].Find("T1"));
  EXPECT_FALSE(s.armed_fragment());
  s.Apply(Redo{});
  s.Apply(Redo{});
  s.Apply(Redo{});
  EXPECT_DOUBLE_EQ(Sum(), 20.5);
}

TEST_F(FragmentsTest, SplittingIsForTargetsAtAFollowUp) {
  s.Apply(SetTimepoint{0});
  s.Apply(SplitLesion{"T1"});
  EXPECT_TRUE(s.subject().timepoints[0].Find("T1")->fragments.empty());
  s.Apply(SetTimepoint{1});
  s.Apply(AddLesion{LesionKind::kNew});
  s.Apply(SplitLesion{"N1"});
  EXPECT_TRUE(s.subject().timepoints[1].Find("N1")->fragments.empty());
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream o;
  o << in.rdbuf();
  return o.str();
}

TEST_F(FragmentsTest, FragmentPointsSurviveSaveReloadAndRecomputeAgrees) {
  SplitAndMeasure();
  const SubjectResult live = s.Results();
  const fs::path file = dir / "SPLIT-1.json";
  std::string error;
  ASSERT_TRUE(s.SaveAs(file.string(), &error)) << error;
  const auto j = nlohmann::ordered_json::parse(Slurp(file));
  const auto& t1 = j["timepoints"][1]["lesions"][1];
  ASSERT_EQ(t1["id"], "T1");
  ASSERT_EQ(t1["fragments"].size(), 2u);
  EXPECT_EQ(t1["fragments"][1]["long_axis_mm"], 8.5);
  EXPECT_EQ(t1["fragments"][1]["points"]["sop_uid"], "f.3");
  EXPECT_EQ(t1["fragments"][1]["points"]["long"][1][1], 18.5);

  AnnotationSession reloaded((dir / "autosave2").string());
  ASSERT_TRUE(reloaded.Open(file.string(), &error)) << error;
  const LesionRecord* back = reloaded.subject().timepoints[1].Find("T1");
  ASSERT_TRUE(back && back->fragments.size() == 2);
  EXPECT_EQ(back->fragments[0].points->long_axis, T1().fragments[0].points->long_axis);
  EXPECT_EQ(back->fragments[1].points->long_axis, T1().fragments[1].points->long_axis);
  EXPECT_EQ(SubjectResultToJson(reloaded.Results()), SubjectResultToJson(live));
  const LoadedAssessment raw = ReadAssessmentFile(file.string());
  ASSERT_TRUE(raw.subject && raw.errors.empty());
  auto recomputed = SubjectResultToJson(AssessSubject(*raw.subject));
  auto shown = SubjectResultToJson(live);
  recomputed.erase("file");
  shown.erase("file");
  EXPECT_EQ(recomputed, shown);
#ifdef NADIR_CLI_EXE
  const fs::path out = dir / "results.json";
  const std::string cmd = std::string(NADIR_CLI_EXE) + " recompute -q '" + file.string() +
                          "' --out '" + out.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  auto cli = nlohmann::ordered_json::parse(Slurp(out))["subjects"][0];
  cli.erase("file");
  EXPECT_EQ(cli, shown) << cli.dump(1);
#endif
}

}  // namespace
}  // namespace nadir::annotate
