// The Auto tool in the session (no window): a click becomes a request, the axes found become a
// bidirectional measurement recorded as semi-automatic (one undo step), moving an end point
// makes it edited, and drawing by hand makes it manual again.
#include <gtest/gtest.h>

#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::annotate {
namespace {

using test::D;
using test::DragHandleTo;
using test::DrawLine;

const std::string kSop = "1.2.3.4.5";

class AutoToolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s.New("S-1", D("2026-01-05"));
    s.Apply(SetTool{Tool::kAuto});
  }
  AutoAxes Axes() const {
    AutoAxes a;
    a.long_axis = {PatientPoint{-10, 0, 0}, PatientPoint{20, 0, 0}};    // 30 mm
    a.short_axis = {PatientPoint{5, -6, 0}, PatientPoint{5, 6.25, 0}};  // 12.25 mm
    a.method.kind = MeasurementMethod::Kind::kSemiAutomatic;
    a.method.click = PatientPoint{5, 0, 0};
    a.method.volume_ml = 4.2;
    a.method.algorithm = "adaptive-threshold";
    return a;
  }
  const Timepoint& Base() const { return s.subject().timepoints.at(0); }
  const test::ScratchDir scratch{"auto"};
  AnnotationSession s{scratch.string()};
};

TEST_F(AutoToolTest, AClickIsARequestAndNothingChangesUntilTheAxesArrive) {
  ASSERT_TRUE(s.Press({{5, 0, 0}, kSop, {0, 0, 1}, 2}));  // the click is the tool's
  s.Release({{5, 0, 0}});
  EXPECT_TRUE(Base().lesions.empty());
  const auto r = s.TakeAutoRequest();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->at, (PatientPoint{5, 0, 0}));
  EXPECT_EQ(r->image.sop_uid, kSop);
  EXPECT_FALSE(s.TakeAutoRequest());  // taken once
}

TEST_F(AutoToolTest, TheAxesFoundBecomeASemiAutomaticTargetUndoneInOneStep) {
  ASSERT_TRUE(s.Press({{5, 0, 0}, kSop, {0, 0, 1}, 2}));
  const auto r = s.TakeAutoRequest();
  ASSERT_TRUE(r && s.PlaceAutoMeasurement(*r, Axes()));
  ASSERT_EQ(Base().lesions.size(), 1u);
  const LesionRecord& t1 = Base().lesions[0];
  EXPECT_EQ(t1.id, "T1");
  EXPECT_DOUBLE_EQ(*t1.long_axis_mm, 30.0);
  EXPECT_DOUBLE_EQ(*t1.short_axis_mm, 12.3);  // recorded to 0.1 mm
  ASSERT_TRUE(t1.method);
  EXPECT_EQ(t1.method->kind, MeasurementMethod::Kind::kSemiAutomatic);
  EXPECT_DOUBLE_EQ(*t1.method->volume_ml, 4.2);
  EXPECT_EQ((*t1.points->long_axis)[1], (PatientPoint{20, 0, 0}));
  s.Apply(Undo{});
  EXPECT_TRUE(Base().lesions.empty());
}

TEST_F(AutoToolTest, MovingAnEndPointMakesItEditedAndDrawingByHandMakesItManual) {
  ASSERT_TRUE(s.Press({{5, 0, 0}, kSop, {0, 0, 1}, 2}));
  ASSERT_TRUE(s.PlaceAutoMeasurement(*s.TakeAutoRequest(), Axes()));
  ASSERT_TRUE(DragHandleTo(s, {20, 0, 0}, {22, 0, 0}, kSop));
  const LesionRecord& t1 = Base().lesions[0];
  EXPECT_DOUBLE_EQ(*t1.long_axis_mm, 32.0);
  EXPECT_EQ(t1.method->kind, MeasurementMethod::Kind::kEdited);
  EXPECT_TRUE(t1.method->click);  // the click stays: the measurement can be repeated

  // A lesion measured by hand at a follow-up records no method (manual).
  s.AddTimepoint(D("2026-03-02"), "Week 8", "");
  s.Apply(SetTimepoint{1});
  s.Apply(SetTool{Tool::kLine});
  s.Apply(SelectLesion{"T1"});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {25, 0, 0}, kSop));
  const LesionRecord* follow = s.subject().timepoints.at(1).Find("T1");
  ASSERT_TRUE(follow && follow->long_axis_mm);
  EXPECT_FALSE(follow->method);
}

TEST_F(AutoToolTest, TheSelectedLesionWithoutAMeasurementHereIsTheOneMeasured) {
  s.Apply(SetTool{Tool::kLine});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, kSop));  // T1 at baseline
  s.AddTimepoint(D("2026-03-02"), "Week 8", "");
  s.Apply(SetTimepoint{1});
  s.Apply(SetTool{Tool::kAuto});
  s.Apply(SelectLesion{"T1"});
  ASSERT_TRUE(s.Press({{5, 0, 0}, kSop, {0, 0, 1}, 2}));
  const auto r = s.TakeAutoRequest();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->lesion_id, "T1");
  ASSERT_TRUE(s.PlaceAutoMeasurement(*r, Axes()));
  EXPECT_DOUBLE_EQ(*s.subject().timepoints.at(1).Find("T1")->long_axis_mm, 30.0);
}

TEST_F(AutoToolTest, AxesForAnotherTimepointAreNotRecorded) {
  ASSERT_TRUE(s.Press({{5, 0, 0}, kSop, {0, 0, 1}, 2}));
  const auto r = s.TakeAutoRequest();
  s.AddTimepoint(D("2026-03-02"), "Week 8", "");
  s.Apply(SetTimepoint{1});
  EXPECT_FALSE(s.PlaceAutoMeasurement(*r, Axes()));
  EXPECT_NE(s.message().find("another timepoint"), std::string::npos);
  EXPECT_TRUE(s.subject().timepoints.at(1).lesions.empty());
}

}  // namespace
}  // namespace nadir::annotate
