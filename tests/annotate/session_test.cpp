// The session's editing: lesions, ids, kinds, undo and redo, and the overlay it hands the app.
#include <gtest/gtest.h>

#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"
#include "viewer/annotate/overlay.h"

namespace nadir::annotate {
namespace {

using test::D;
using test::DragHandleTo;
using test::DrawLine;

const std::string kSop = "1.2.3.4.5";

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s.New("S-1", D("2026-01-05"));
    s.Apply(SetTool{Tool::kLine});
  }
  const Timepoint& Base() const { return s.subject().timepoints.at(0); }
  const test::ScratchDir scratch{"session"};
  AnnotationSession s{scratch.string()};
};

TEST_F(SessionTest, LinesAtBaselineBecomeTargetsT1T2) {
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, kSop));
  s.Apply(SelectLesion{""});
  ASSERT_TRUE(DrawLine(s, {50, 0, 0}, {50, 12.34, 0}, kSop));
  ASSERT_EQ(Base().lesions.size(), 2u);
  EXPECT_EQ(Base().lesions[0].id, "T1");
  EXPECT_EQ(Base().lesions[1].id, "T2");
  EXPECT_DOUBLE_EQ(*Base().lesions[1].long_axis_mm, 12.3);  // recorded to 0.1 mm
  EXPECT_TRUE(s.dirty());
}

TEST_F(SessionTest, AClickWithoutDragDrawsNothing) {
  ASSERT_TRUE(s.Press({{1, 1, 0}, kSop, {0, 0, 1}, 2}));
  s.Release({{1.1, 1, 0}});
  EXPECT_TRUE(Base().lesions.empty());
  EXPECT_FALSE(s.CanUndo());
}

TEST_F(SessionTest, NavigateModeLeavesTheMouseToTheImageUnlessOnAHandle) {
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, kSop));
  s.Apply(SetTool{Tool::kNavigate});
  EXPECT_FALSE(s.Press({{10, 10, 0}, kSop, {0, 0, 1}, 2}));
  EXPECT_FALSE(s.Press({{20, 0, 0}, "another.image", {0, 0, 1}, 2}));  // not on this image
  EXPECT_TRUE(s.Press({{20.5, 0, 0}, kSop, {0, 0, 1}, 2}));
  s.Cancel();
}

TEST_F(SessionTest, DrawingNeverReplacesAnExistingMeasurement) {
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, kSop));
  ASSERT_EQ(s.annotation().selected, "T1");  // still selected
  ASSERT_TRUE(DrawLine(s, {40, 40, 0}, {55, 40, 0}, kSop));
  ASSERT_EQ(Base().lesions.size(), 2u);
  EXPECT_DOUBLE_EQ(*Base().lesions[0].long_axis_mm, 20.0);
}

TEST_F(SessionTest, UndoRestoresAndRedoReapplies) {
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, kSop));
  const auto before_drag = *Base().lesions[0].points;
  ASSERT_TRUE(DragHandleTo(s, {20, 0, 0}, {30, 0, 0}, kSop));
  EXPECT_DOUBLE_EQ(*Base().lesions[0].long_axis_mm, 30.0);
  s.Apply(SetSite{"T1", "liver"});

  s.Apply(Undo{});  // the site
  EXPECT_EQ(Base().lesions[0].site, "");
  s.Apply(Undo{});  // the drag
  EXPECT_DOUBLE_EQ(*Base().lesions[0].long_axis_mm, 20.0);
  EXPECT_EQ(Base().lesions[0].points->long_axis, before_drag.long_axis);
  s.Apply(Undo{});  // the line
  EXPECT_TRUE(Base().lesions.empty());
  EXPECT_FALSE(s.CanUndo());

  s.Apply(Redo{});
  s.Apply(Redo{});
  EXPECT_DOUBLE_EQ(*Base().lesions.at(0).long_axis_mm, 30.0);
  s.Apply(Redo{});
  EXPECT_EQ(Base().lesions[0].site, "liver");
  EXPECT_FALSE(s.CanRedo());
  // A new edit after an undo drops the redo list.
  s.Apply(Undo{});
  s.Apply(SetSite{"T1", "lung"});
  EXPECT_FALSE(s.CanRedo());
}

TEST_F(SessionTest, BidirectionalShortAxisStaysPerpendicularWhileDraggingEitherEnd) {
  s.Apply(SetTool{Tool::kBidirectional});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {30, 10, 0}, kSop));
  auto bidi = [&] {
    const auto& p = *Base().lesions.at(0).points;
    return Bidirectional{*p.long_axis, *p.short_axis};
  };
  ASSERT_LT(AxesCosine(bidi()), 1e-9);
  // Each end to its own side of the long axis, off the image plane (z) and off the middle.
  const PatientPoint targets[2][2] = {{{14, 12, 3}, {19, -4, 0}}, {{20, -9, -2}, {8, 16, 1}}};
  for (const auto& pair : targets) {
    for (int end = 0; end < 2; ++end) {
      const PatientPoint& to = pair[end];
      const auto from = bidi().short_axis[end];
      ASSERT_TRUE(s.Press({from, kSop, {0, 0, 1}, 0.5}));
      s.Drag({to});
      // Perpendicular during the drag, not only after it.
      EXPECT_LT(AxesCosine(s.draft().geometry), 1e-9);
      EXPECT_NEAR(s.draft().geometry.short_axis[end][2], 0.0, 1e-9);  // on the image
      s.Release({to});
      EXPECT_LT(AxesCosine(bidi()), 1e-9);
    }
    const auto from = bidi().long_axis[1];  // a long-axis end turns the short axis with it
    ASSERT_TRUE(DragHandleTo(s, from, {from[0] + 10, from[1] + 25, 0}, kSop));
    EXPECT_LT(AxesCosine(bidi()), 1e-9);
  }
  EXPECT_NEAR(*Base().lesions[0].short_axis_mm, LengthMm(bidi().short_axis), 0.05);
}

TEST_F(SessionTest, LineOnANodeRecordsItsShortAxis) {
  s.Apply(AddLesion{LesionKind::kTarget});
  s.Apply(SetNodal{"T1", true});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {0, 16, 0}, kSop));
  const LesionRecord& t1 = Base().lesions.at(0);
  EXPECT_FALSE(t1.long_axis_mm);
  EXPECT_DOUBLE_EQ(*t1.short_axis_mm, 16.0);
  EXPECT_TRUE(t1.points->short_axis && !t1.points->long_axis);
}

TEST_F(SessionTest, KindChangesAtBaselineOnlyAndRenames) {
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, kSop));
  s.Apply(SetKind{"T1", LesionKind::kNonTarget});
  EXPECT_EQ(Base().lesions[0].id, "NT1");
  EXPECT_EQ(Base().lesions[0].state, LesionState::kPresent);
  EXPECT_EQ(s.annotation().selected, "NT1");
  s.AddTimepoint(D("2026-03-02"), "Week 8", "");
  s.Apply(SetTimepoint{1});
  s.Apply(AddLesion{LesionKind::kTarget});  // after baseline: a new lesion
  EXPECT_EQ(s.subject().timepoints[1].lesions.at(0).id, "N1");
  s.Apply(SetKind{"N1", LesionKind::kTarget});
  EXPECT_EQ(s.subject().timepoints[1].lesions.at(0).kind, LesionKind::kNew);
}

TEST_F(SessionTest, FollowUpMeasuresTheSelectedBaselineLesion) {
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, kSop));
  s.Apply(SetSite{"T1", "liver"});
  s.AddTimepoint(D("2026-03-02"), "Week 8", "study.2");
  s.Apply(SetTimepoint{1});
  EXPECT_EQ(NotYetAssessed(s.subject(), 1), std::vector<std::string>{"T1"});
  s.Apply(SelectLesion{"T1"});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {14, 0, 0}, "1.2.3.follow"));
  const LesionRecord* t1 = s.subject().timepoints[1].Find("T1");
  ASSERT_TRUE(t1);
  EXPECT_EQ(t1->site, "liver");
  EXPECT_DOUBLE_EQ(*t1->long_axis_mm, 14.0);
  EXPECT_TRUE(NotYetAssessed(s.subject(), 1).empty());
  // The previous measurement shown beside it.
  EXPECT_DOUBLE_EQ(*PreviousRecord(s.subject(), 1, "T1")->long_axis_mm, 20.0);
  // Jumping to it at the follow-up goes to the follow-up image.
  s.Apply(JumpTo{"T1"});
  auto jump = s.TakeJump();
  ASSERT_TRUE(jump);
  EXPECT_EQ(jump->image.sop_uid, "1.2.3.follow");
  EXPECT_NEAR(jump->centre[0], 7.0, 1e-12);
  EXPECT_FALSE(s.TakeJump());
}

TEST_F(SessionTest, OverlayShowsMeasurementsOfThatImageAndTheDraft) {
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, kSop));
  EXPECT_TRUE(CaliperOverlay(s, "other").empty());
  auto lines = CaliperOverlay(s, kSop);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].label, "T1 20.0 mm");
  EXPECT_TRUE(lines[0].selected);
  ASSERT_TRUE(s.Press({{20, 0, 0}, kSop, {0, 0, 1}, 1}));
  s.Drag({{25, 0, 0}});
  lines = CaliperOverlay(s, kSop);
  ASSERT_EQ(lines.size(), 1u);  // the draft replaces the stored line while dragging
  EXPECT_TRUE(lines[0].in_progress);
  EXPECT_EQ(lines[0].label, "T1 25.0 mm");
  s.Cancel();
  EXPECT_DOUBLE_EQ(*Base().lesions[0].long_axis_mm, 20.0);  // cancelled: unchanged
}

// RECIST 1.1 §4.4.3: SD counts for best response only if met at least 42 days after the start
// of treatment, which defaults to the baseline date; the reader can record the real one.
TEST_F(SessionTest, TreatmentStartAndReaderAreEditsLikeAnyOther) {
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, kSop));
  s.AddTimepoint(D("2026-02-09"), "Week 5", "");  // 35 days after the baseline
  s.Apply(SetTimepoint{1});
  s.Apply(SelectLesion{"T1"});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {19, 0, 0}, "f"));
  ASSERT_TRUE(s.Results().recist11);
  EXPECT_EQ(s.Results().recist11->timepoints.at(0).overall, Response::kSD);
  EXPECT_NE(s.Results().recist11->best.best, Response::kSD);  // too early for SD
  s.Apply(SetTreatmentStart{D("2025-12-20")});                // 51 days before the follow-up
  EXPECT_EQ(s.Results().recist11->best.best, Response::kSD);
  s.Apply(SetReader{"R2"});
  s.Apply(SetTimepointLabel{1, "Cycle 2"});
  EXPECT_EQ(s.subject().reader, "R2");
  EXPECT_EQ(s.subject().timepoints[1].label, "Cycle 2");
  s.Apply(Undo{});
  s.Apply(Undo{});
  s.Apply(Undo{});
  EXPECT_FALSE(s.subject().treatment_start);
  EXPECT_NE(s.Results().recist11->best.best, Response::kSD);
}

TEST_F(SessionTest, ABlindedReadKeepsItsReader) {
  s.Apply(SetReader{"R1"});
  s.LockReader("R1");
  const int revision = s.revision();
  s.Apply(SetReader{"R2"});
  EXPECT_EQ(s.subject().reader, "R1");
  EXPECT_EQ(s.revision(), revision) << "a refused edit is no edit";
  EXPECT_NE(s.message().find("blinded read: the reader is R1, not R2"), std::string::npos)
      << s.message();
  EXPECT_FALSE(s.CanRedo());
}

}  // namespace
}  // namespace nadir::annotate
