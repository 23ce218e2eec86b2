// The response chart's values come from the engine's results; its reference lines are the
// RECIST 1.1 §4.3.1 thresholds (PR at -30 % of baseline, PD at +20 % over the nadir).
#include "viewer/annotate/chart.h"

#include <gtest/gtest.h>

#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::annotate {
namespace {

using test::D;
using test::DrawLine;

TEST(SumChart, PointsAndReferenceLinesFollowTheResults) {
  const test::ScratchDir scratch("chart");
  AnnotationSession s(scratch.string());
  s.New("C-1", D("2026-01-05"));
  s.Apply(SetTool{Tool::kLine});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {50, 0, 0}, "b"));
  s.AddTimepoint(D("2026-03-02"), "Week 8", "");
  s.Apply(SetTimepoint{1});
  s.Apply(SelectLesion{"T1"});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {30, 0, 0}, "f"));
  const SumChart c = ChartOf(s.Results());
  ASSERT_EQ(c.points.size(), 2u);
  EXPECT_DOUBLE_EQ(*c.points[0].sum_mm, 50.0);
  EXPECT_EQ(c.points[1].day, 56);
  EXPECT_DOUBLE_EQ(*c.points[1].sum_mm, 30.0);
  EXPECT_EQ(c.points[1].label, "PR");
  EXPECT_DOUBLE_EQ(*c.partial_response_mm, 35.0);
  EXPECT_DOUBLE_EQ(*c.points[1].progression_line_mm, 60.0);  // nadir 50 + 20 %
  EXPECT_GE(c.max_mm, 60.0);
  EXPECT_EQ(ChartOf(s.Results(), /*irecist=*/true).points[1].label, "iPR");
}

TEST(SumChart, NoBaselineNoChart) { EXPECT_TRUE(ChartOf(SubjectResult{}).points.empty()); }

}  // namespace
}  // namespace nadir::annotate
