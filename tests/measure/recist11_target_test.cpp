// Target lesion response at one follow-up: RECIST 1.1 §4.3.1, §4.3.2, §4.4.2 (shared/RECIST.md).
#include <gtest/gtest.h>

#include "measure/recist11.h"
#include "tests/measure/subject_builder.h"

namespace nadir::test {
namespace {

// One target in the liver: baseline `base` mm, then each follow-up six weeks apart.
SubjectResult Course(std::vector<double> mm) {
  SubjectBuilder b;
  const char* dates[] = {"2026-01-05", "2026-02-16", "2026-03-30",
                         "2026-05-11", "2026-06-22", "2026-08-03"};
  for (std::size_t i = 0; i < mm.size(); ++i) b.At(dates[i], {Target("T1", mm[i])});
  return b.Assess();
}

Response TargetAt(const SubjectResult& r, std::size_t follow_up) {
  return r.recist11->timepoints.at(follow_up).target;
}

// §4.3.1: PR is a decrease of at least 30 % from the baseline sum.
TEST(Recist11Target, PartialResponseAtExactlyThirtyPercent) {
  EXPECT_EQ(TargetAt(Course({100, 70}), 0), Response::kPR);
}
TEST(Recist11Target, NoPartialResponseAtTwentyNinePointNinePercent) {
  EXPECT_EQ(TargetAt(Course({100, 70.1}), 0), Response::kSD);
}
// §4.3.1 with a sum whose 70 % is not exact in binary floating point (0.7 * 85 = 59.4999...).
TEST(Recist11Target, PartialResponseAtThirtyPercentOfEightyFive) {
  EXPECT_TRUE(MeetsPartialResponse(59.5, 85));
  EXPECT_FALSE(MeetsPartialResponse(59.6, 85));
}

// §4.3.1: PD needs +20 % over the nadir and +5 mm, both.
TEST(Recist11Target, ProgressionAtTwentyPercentAndFiveMillimetres) {
  EXPECT_EQ(TargetAt(Course({25, 25, 30}), 1), Response::kPD);
}
TEST(Recist11Target, NoProgressionWithFourPointNineMillimetres) {
  // 24.5 -> 29.4 is exactly +20 % but only +4.9 mm.
  EXPECT_EQ(TargetAt(Course({24.5, 24.5, 29.4}), 1), Response::kSD);
  EXPECT_TRUE(MeetsProgressionBySum(29.5, 24.5));
}
TEST(Recist11Target, NoProgressionAtNineteenPointNinePercent) {
  EXPECT_FALSE(MeetsProgressionBySum(59.95, 50));
  EXPECT_TRUE(MeetsProgressionBySum(60.0, 50));
}

// §4.3.1: PD compares with the nadir, PR with the baseline.
TEST(Recist11Target, ProgressionComparesWithNadirNotBaseline) {
  const auto r = Course({100, 60, 72});
  EXPECT_EQ(TargetAt(r, 0), Response::kPR);
  EXPECT_EQ(TargetAt(r, 1), Response::kPD);  // -28 % from baseline, +20 % over nadir 60
  EXPECT_DOUBLE_EQ(*r.recist11->timepoints[1].nadir_mm, 60);
}
TEST(Recist11Target, UnconfirmedPartialResponseIsJudgedAfreshAgainstBaseline) {
  // §4.3.1: before a PR is confirmed, back above 70 % of baseline (short of PD) is SD.
  const auto r = Course({100, 70, 80});
  EXPECT_EQ(TargetAt(r, 0), Response::kPR);
  EXPECT_EQ(TargetAt(r, 1), Response::kSD);
}

// §4.3.1, a confirmed PR continues (iRECIST FAQ "Managing PR when TP measurements change
// slightly"): sums 100, 70, 70, 80, 80, 80 are PR at every timepoint.
TEST(Recist11Target, ConfirmedPartialResponseContinuesAboveSeventyPercent) {
  const auto r = Course({100, 70, 70, 80, 80, 80});
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"PR", "PR", "PR", "PR", "PR"}));
  EXPECT_NE(r.recist11->timepoints[2].reason.find("confirmed and continues"), std::string::npos);
  EXPECT_EQ(ToString(r.recist11->best.best), std::string("PR"));
}
// §4.3.1, §4.6: a PR is confirmed by a later CR or PR at least 28 days after it; one 27 days
// after does not confirm it, and the PR does not continue.
TEST(Recist11Target, PartialResponseConfirmedTwentySevenDaysLaterDoesNotContinue) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 100)})
                     .At("2026-02-16", {Target("T1", 70)})
                     .At("2026-03-15", {Target("T1", 70)})  // 27 days after
                     .At("2026-04-26", {Target("T1", 80)})
                     .Assess();
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"PR", "PR", "SD"}));
  const auto c = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 100)})
                     .At("2026-02-16", {Target("T1", 70)})
                     .At("2026-03-16", {Target("T1", 70)})  // 28 days after
                     .At("2026-04-27", {Target("T1", 80)})
                     .Assess();
  EXPECT_EQ(Overall(c), (std::vector<std::string>{"PR", "PR", "PR"}));
}
// §4.3.1: where the protocol needs no confirmation, a PR once assigned continues.
TEST(Recist11Target, PartialResponseContinuesOnceAssignedWithoutConfirmation) {
  SubjectBuilder b;
  b.Confirmation(false).At("2026-01-05", {Target("T1", 100)}).At("2026-02-16", {Target("T1", 70)});
  b.At("2026-03-30", {Target("T1", 80)});
  EXPECT_EQ(Overall(b.Assess()), (std::vector<std::string>{"PR", "PR"}));
}
// §4.3.1: the confirmed PR continues only until PD criteria are met; after PD the sum is judged
// afresh (71 mm: -29 % from baseline, +18 % over the 60 mm nadir: SD).
TEST(Recist11Target, ConfirmedPartialResponseEndsAtProgression) {
  const auto r = Course({100, 60, 60, 72, 71});
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"PR", "PR", "PD", "SD"}));
}

// §4.3.1: CR needs every non-nodal target gone and every nodal target under 10 mm short axis.
TEST(Recist11Target, NodalCompleteResponseUnderTenMillimetres) {
  const auto r =
      SubjectBuilder()
          .At("2026-01-05", {Node("T1", 20), Target("T2", 15)})
          .At("2026-02-16", {Node("T1", 9.9), WithState(Target("T2", 0), LesionState::kAbsent)})
          .Assess();
  EXPECT_EQ(TargetAt(r, 0), Response::kCR);
  EXPECT_DOUBLE_EQ(*r.recist11->timepoints[0].sum_mm, 9.9);  // nodes keep their short axis
}
TEST(Recist11Target, NoCompleteResponseWithNodeAtTenMillimetres) {
  const auto r =
      SubjectBuilder()
          .At("2026-01-05", {Node("T1", 20), Target("T2", 15)})
          .At("2026-02-16", {Node("T1", 10.0), WithState(Target("T2", 0), LesionState::kAbsent)})
          .Assess();
  EXPECT_EQ(TargetAt(r, 0), Response::kPR);  // 10 of 35 mm
}
TEST(Recist11Target, NoCompleteResponseWhileATumourIsTooSmallToMeasure) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30)})
                     .At("2026-02-16", {WithState(Target("T1", 0), LesionState::kTooSmall)})
                     .Assess();
  EXPECT_EQ(TargetAt(r, 0), Response::kPR);
  EXPECT_DOUBLE_EQ(*r.recist11->timepoints[0].sum_mm, 5.0);  // §4.3.2 default 5 mm
}

// §4.3.2: too small counts 5 mm (a protocol parameter) unless the reader measured it.
TEST(Recist11Target, TooSmallCountsProtocolDefaultOrTheRecordedValue) {
  SubjectBuilder b;
  LesionRecord small = WithState(Target("T1", 0), LesionState::kTooSmall);
  LesionRecord measured_small = small;
  measured_small.id = "T2";
  measured_small.long_axis_mm = 3.0;
  b.At("2026-01-05", {Target("T1", 20), Target("T2", 20)})
      .At("2026-02-16", {small, measured_small});
  EXPECT_DOUBLE_EQ(*b.Assess().recist11->timepoints[0].sum_mm, 8.0);
  b.s.protocol.too_small_mm = 4.0;
  EXPECT_DOUBLE_EQ(*b.Assess().recist11->timepoints[0].sum_mm, 7.0);
}

// §4.3.2 (decided here): a nodal target that splits adds its fragments' short axes to the sum,
// but is normal for CR when every fragment is under 10 mm, each fragment being a node.
TEST(Recist11Target, SplitNodeIsNormalWhenEveryFragmentIsUnderTenMillimetres) {
  LesionRecord split = Node("T1", 0);
  split.short_axis_mm.reset();
  split.long_axis_mm.reset();
  split.fragments = {{9.0, 6.0}, {11.0, 9.9}};
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Node("T1", 20)})
                     .At("2026-02-16", {Node("T1", 8)})
                     .At("2026-03-30", {split})
                     .Assess();
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_DOUBLE_EQ(*r.recist11->timepoints[1].sum_mm, 15.9);  // the fragments still add up
  EXPECT_EQ(TargetAt(r, 1), Response::kCR);                   // and not back after the CR
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"CR", "CR"}));
}
TEST(Recist11Target, SplitNodeWithAFragmentAtTenMillimetresIsNotNormal) {
  LesionRecord split = Node("T1", 0);
  split.short_axis_mm.reset();
  split.long_axis_mm.reset();
  split.fragments = {{12.0, 10.0}, {5.0, 3.0}};
  const auto r =
      SubjectBuilder().At("2026-01-05", {Node("T1", 20)}).At("2026-02-16", {split}).Assess();
  EXPECT_EQ(TargetAt(r, 0), Response::kPR);  // 13 of 20 mm, -35 %
  // after a CR, a fragment at 10 mm is a node back (§4.3.5)
  const auto back = SubjectBuilder()
                        .At("2026-01-05", {Node("T1", 20)})
                        .At("2026-02-16", {Node("T1", 8)})
                        .At("2026-03-30", {split})
                        .Assess();
  EXPECT_EQ(Overall(back), (std::vector<std::string>{"CR", "PD"}));
}

// §4.3.2: split lesions sum their fragments; merged lesions count 0 and the host carries all.
TEST(Recist11Target, SplitLesionSumsItsFragments) {
  LesionRecord split = Target("T1", 0);
  split.long_axis_mm.reset();
  split.fragments = {{12.0, 8.0}, {9.5, 6.0}};
  const auto r =
      SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {split}).Assess();
  EXPECT_DOUBLE_EQ(*r.recist11->timepoints[0].sum_mm, 21.5);
}
TEST(Recist11Target, MergedLesionCountsZeroAndItsHostCarriesTheDiameter) {
  LesionRecord merged = WithState(Target("T2", 0), LesionState::kMerged);
  merged.merged_into = "T1";
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 20), Target("T2", 20)})
                     .At("2026-02-16", {Target("T1", 45), merged})
                     .Assess();
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_DOUBLE_EQ(*r.recist11->timepoints[0].sum_mm, 45);
  EXPECT_EQ(TargetAt(r, 0), Response::kSD);  // +12.5 %
}

// §4.4.2: a target not evaluated makes the timepoint NE, unless the rest already prove PD.
TEST(Recist11Target, MissingTargetIsNotEvaluable) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30), Target("T2", 30)})
                     .At("2026-02-16",
                         {Target("T1", 20), WithState(Target("T2", 0), LesionState::kNotEvaluated)})
                     .Assess();
  EXPECT_EQ(TargetAt(r, 0), Response::kNE);
  EXPECT_FALSE(r.recist11->timepoints[0].sum_mm.has_value());
}
TEST(Recist11Target, MissingTargetButEvaluatedOnesProveProgression) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30), Target("T2", 30)})
                     .At("2026-02-16",
                         {Target("T1", 72), WithState(Target("T2", 0), LesionState::kNotEvaluated)})
                     .Assess();
  EXPECT_EQ(TargetAt(r, 0), Response::kPD);
  EXPECT_DOUBLE_EQ(*r.recist11->timepoints[0].sum_mm, 72);
}
TEST(Recist11Target, MissingTargetJustShortOfProgressionStaysNotEvaluable) {
  // 71.9 mm is +19.8 % over the 60 mm nadir.
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30), Target("T2", 30)})
                     .At("2026-02-16", {Target("T1", 71.9),
                                        WithState(Target("T2", 0), LesionState::kNotEvaluated)})
                     .Assess();
  EXPECT_EQ(TargetAt(r, 0), Response::kNE);
}
TEST(Recist11Target, NadirSkipsTimepointsWithTargetsNotEvaluated) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30), Target("T2", 30)})
                     .At("2026-02-16",
                         {Target("T1", 10), WithState(Target("T2", 0), LesionState::kNotEvaluated)})
                     .At("2026-03-30", {Target("T1", 40), Target("T2", 30)})
                     .Assess();
  EXPECT_DOUBLE_EQ(*r.recist11->timepoints[1].nadir_mm, 60);
  EXPECT_EQ(TargetAt(r, 1), Response::kSD);
}

// §4.3.5: after an overall CR, a lesion that comes back is PD; without a CR it re-enters the sum.
TEST(Recist11Target, TumourBackAfterCompleteResponseIsProgression) {
  const auto gone = WithState(Target("T1", 0), LesionState::kAbsent);
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30)})
                     .At("2026-02-16", {gone})
                     .At("2026-03-30", {Target("T1", 4)})
                     .Assess();
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"CR", "PD"}));
}
TEST(Recist11Target, TumourBackWithoutCompleteResponseReentersTheSum) {
  const auto gone = WithState(Target("T2", 0), LesionState::kAbsent);
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30), Target("T2", 20)})
                     .At("2026-02-16", {Target("T1", 20), gone})
                     .At("2026-03-30", {Target("T1", 20), Target("T2", 4)})
                     .Assess();
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"PR", "PR"}));
}
TEST(Recist11Target, NodeGrowingBackToTenMillimetresAfterCompleteResponse) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Node("T1", 20)})
                     .At("2026-02-16", {Node("T1", 8)})
                     .At("2026-03-30", {Node("T1", 9.9)})
                     .At("2026-05-11", {Node("T1", 10)})
                     .Assess();
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"CR", "CR", "PD"}));
}

}  // namespace
}  // namespace nadir::test
