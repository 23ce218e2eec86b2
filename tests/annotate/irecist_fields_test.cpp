// The iRECIST fields in the lesion panel, driven through the session without a window: a new
// lesion's category and "increased since last" (assessment-v1.md nadir notes, iRECIST
// additions), with undo, autosave, save, reload and the engine's live response.
#include <gtest/gtest.h>

#include "formats/assessment_json.h"
#include "measure/assess.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;
using test::D;
using test::DrawLine;

// Baseline T1 30 mm and NT1; week 8: T1 29 mm and a new lesion N1 of 12 mm (RECIST 1.1 PD,
// iRECIST iUPD); week 13 (35 days later, inside the confirmation window): all unchanged.
class IRecistFieldsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s.New("IR-1", D("2026-01-05"));
    s.Apply(SetTool{Tool::kLine});
    ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {30, 0, 0}, "b.1"));
    s.Apply(SetSite{"T1", "liver"});
    s.Apply(AddLesion{LesionKind::kNonTarget});
    s.Apply(SetSite{"NT1", "bone"});
    for (auto [date, label, t] :
         {std::tuple{"2026-03-02", "Week 8", 1}, std::tuple{"2026-04-06", "Week 13", 2}}) {
      s.AddTimepoint(D(date), label, "");
      s.Apply(SetTimepoint{t});
      s.Apply(SelectLesion{"T1"});
      ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {29, 0, 0}, "f" + std::to_string(t) + ".1"));
      s.Apply(SetState{"NT1", LesionState::kPresent});
      if (t == 1)
        s.Apply(SelectLesion{""});
      else
        s.Apply(SelectLesion{"N1"});
      ASSERT_TRUE(DrawLine(s, {60, 0, 0}, {60, 12, 0}, "f" + std::to_string(t) + ".2"));
      s.Apply(SetSite{"N1", "lung"});
      s.Apply(SetState{"N1", LesionState::kUnequivocal});
    }
    ASSERT_EQ(s.annotation().timepoint, 2);
  }

  Response IRecistAt(const SubjectResult& r, int follow_up) const {
    EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors.front());
    if (!r.irecist || int(r.irecist->timepoints.size()) <= follow_up) return Response::kNE;
    return r.irecist->timepoints[follow_up].overall;
  }
  const LesionRecord* At(int t, const std::string& id) const {
    return s.subject().timepoints.at(t).Find(id);
  }

  const test::ScratchDir dir{"irecist"};
  AnnotationSession s{(dir / "autosave").string()};
};

TEST_F(IRecistFieldsTest, ANewNonTargetThatGrewConfirmsProgressionLive) {
  // Measurable (12 mm), the engine counts N1 as a new-lesion target: unchanged, no iCPD.
  EXPECT_EQ(IRecistAt(s.Results(), 0), Response::kUPD);
  s.Apply(SetIncreased{"N1", true});
  EXPECT_TRUE(At(2, "N1")->increased_since_last);
  EXPECT_EQ(IRecistAt(s.Results(), 1), Response::kUPD);
  // Read as a new-lesion non-target, its growth confirms progression (iRECIST I4).
  s.Apply(SetNewCategory{"N1", NewLesionCategory::kNonTarget});
  for (int t = 1; t <= 2; ++t)  // the lesion's category: on every record of it
    EXPECT_EQ(At(t, "N1")->new_category, NewLesionCategory::kNonTarget);
  EXPECT_EQ(IRecistAt(s.Results(), 1), Response::kCPD);

  s.Apply(Undo{});  // the category
  EXPECT_EQ(At(1, "N1")->new_category, NewLesionCategory::kAutomatic);
  EXPECT_EQ(IRecistAt(s.Results(), 1), Response::kUPD);
  s.Apply(Undo{});  // the increase
  EXPECT_FALSE(At(2, "N1")->increased_since_last);
  s.Apply(Redo{});
  s.Apply(Redo{});
  EXPECT_EQ(IRecistAt(s.Results(), 1), Response::kCPD);
  EXPECT_TRUE(fs::exists(s.AutosavePath()));  // every edit autosaved
}

TEST_F(IRecistFieldsTest, FieldsSurviveSaveReloadAndTheEngineAgrees) {
  s.Apply(SetNewCategory{"N1", NewLesionCategory::kNonTarget});
  s.Apply(SetIncreased{"N1", true});
  s.Apply(SetIncreased{"NT1", true});
  const SubjectResult live = s.Results();
  std::string error;
  const fs::path file = dir / "IR-1.json";
  ASSERT_TRUE(s.SaveAs(file.string(), &error)) << error;

  const LoadedAssessment raw = ReadAssessmentFile(file.string());
  ASSERT_TRUE(raw.errors.empty()) << raw.errors.front();
  const auto& n1 = raw.document["timepoints"][2]["lesions"];
  bool found = false;
  for (const auto& l : n1)
    if (l["id"] == "N1") {
      found = true;
      EXPECT_EQ(l["new_category"], "nontarget");
      EXPECT_EQ(l["increased_since_last"], true);
    }
  EXPECT_TRUE(found);

  AnnotationSession reloaded((dir / "autosave2").string());
  ASSERT_TRUE(reloaded.Open(file.string(), &error)) << error;
  EXPECT_TRUE(reloaded.subject().timepoints[2].Find("NT1")->increased_since_last);
  EXPECT_EQ(reloaded.subject().timepoints[1].Find("N1")->new_category,
            NewLesionCategory::kNonTarget);
  // The engine of `nadir recompute` on the saved file gives the live responses.
  const SubjectResult again = AssessSubject(*raw.subject);
  ASSERT_TRUE(again.irecist && live.irecist);
  ASSERT_EQ(again.irecist->timepoints.size(), live.irecist->timepoints.size());
  for (std::size_t i = 0; i < live.irecist->timepoints.size(); ++i)
    EXPECT_EQ(again.irecist->timepoints[i].overall, live.irecist->timepoints[i].overall);
  EXPECT_EQ(IRecistAt(again, 1), Response::kCPD);
}

TEST_F(IRecistFieldsTest, IncreaseNeedsAnEarlierRecordAndIsNotForTargets) {
  s.Apply(SetIncreased{"T1", true});  // target growth is measured, not flagged
  EXPECT_FALSE(At(2, "T1")->increased_since_last);
  s.Apply(SetTimepoint{1});
  int revision = s.revision();
  s.Apply(SetIncreased{"N1", true});  // N1 first appears here: nothing to grow since
  EXPECT_FALSE(At(1, "N1")->increased_since_last);
  EXPECT_EQ(s.revision(), revision);
  s.Apply(SetTimepoint{0});
  revision = s.revision();
  s.Apply(SetIncreased{"NT1", true});  // no "since last" at baseline
  EXPECT_FALSE(At(0, "NT1")->increased_since_last);
  s.Apply(SetNewCategory{"NT1", NewLesionCategory::kTarget});  // not a new lesion
  EXPECT_EQ(At(0, "NT1")->new_category, NewLesionCategory::kAutomatic);
  EXPECT_EQ(s.revision(), revision);  // nothing happened: no undo step, no autosave
}

}  // namespace
}  // namespace nadir::annotate
