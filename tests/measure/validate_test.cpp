// Bad input gets an error naming the field and the value; nothing is dropped silently.
#include "measure/validate.h"

#include <gtest/gtest.h>

#include "tests/measure/subject_builder.h"

namespace nadir::test {
namespace {

bool Mentions(const std::vector<std::string>& lines, const std::string& a,
              const std::string& b = "") {
  for (const auto& l : lines)
    if (l.find(a) != std::string::npos && l.find(b) != std::string::npos) return true;
  return false;
}

TEST(ValidateSubject, DuplicateDatesAreAnError) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30)})
                     .At("2026-01-05", {Target("T1", 20)})
                     .Assess();
  EXPECT_TRUE(Mentions(r.errors, "2026-01-05", "more than once"));
  EXPECT_FALSE(r.recist11);
}

TEST(ValidateSubject, TimepointsInAnyOrderAreSortedByDate) {
  const auto r = SubjectBuilder()
                     .At("2026-02-16", {Target("T1", 20)})
                     .At("2026-01-05", {Target("T1", 30)})
                     .Assess();
  ASSERT_TRUE(r.errors.empty());
  EXPECT_EQ(r.baseline->date, D("2026-01-05"));
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"PR"}));
}

// The validator checks the order; it does not sort as a side effect (SortTimepoints does, once,
// where a subject is built, and AssessSubject for subjects built in memory).
TEST(ValidateSubject, UnsortedTimepointsAreAnErrorAndLeftAsTheyAre) {
  Subject s =
      SubjectBuilder().At("2026-02-16", {Target("T1", 20)}).At("2026-01-05", {Target("T1", 30)}).s;
  EXPECT_TRUE(Mentions(ValidateSubject(s).errors, "timepoints: not in date order"));
  EXPECT_EQ(s.timepoints[0].date, D("2026-02-16"));
  SortTimepoints(s);
  EXPECT_EQ(s.timepoints[0].date, D("2026-01-05"));
  EXPECT_EQ(s.listed_first, D("2026-02-16"));
  EXPECT_TRUE(ValidateSubject(s).errors.empty());
}

TEST(ValidateSubject, DuplicateLesionIdAtATimepointIsAnError) {
  const auto r = SubjectBuilder().At("2026-01-05", {Target("T1", 30), Target("T1", 20)}).Assess();
  EXPECT_TRUE(Mentions(r.errors, "lesion id T1", "more than once"));
}

TEST(ValidateSubject, NegativeAndAbsurdDiametersAreErrors) {
  auto r = SubjectBuilder()
               .At("2026-01-05", {Target("T1", 30)})
               .At("2026-02-16", {Target("T1", -4)})
               .Assess();
  EXPECT_TRUE(Mentions(r.errors, "long_axis_mm -4", "negative"));
  r = SubjectBuilder().At("2026-01-05", {Target("T1", 3000)}).Assess();
  EXPECT_TRUE(Mentions(r.errors, "long_axis_mm 3000", "not plausible"));
}

// RECIST 1.1 §4.3.2: the fragments' sum is the diameter; another given beside it is named.
TEST(ValidateSubject, SplitLesionWithAnotherDiameterOfItsOwnIsAWarning) {
  LesionRecord split = Target("T1", 25);
  split.fragments = {{12.0, 8.0}, {9.5, 6.0}};
  const auto r =
      SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {split}).Assess();
  ASSERT_TRUE(r.errors.empty());
  EXPECT_TRUE(Mentions(r.warnings, "long_axis_mm 25 is not used", "sum of its fragments, 21.5 mm"));
  ASSERT_TRUE(r.recist11);
  EXPECT_NEAR(*r.recist11->timepoints.at(0).sum_mm, 21.5, 1e-9);
  split.long_axis_mm = 21.5;  // the sum itself (an SR import writes it so): nothing to say
  const auto same =
      SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {split}).Assess();
  EXPECT_FALSE(Mentions(same.warnings, "is not used"));
}

TEST(ValidateSubject, TargetAppearingOnlyAfterBaselineIsAnError) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30)})
                     .At("2026-02-16", {Target("T1", 30), Target("T2", 12)})
                     .Assess();
  EXPECT_TRUE(Mentions(r.errors, "lesion T2", "first appears after baseline"));
}

TEST(ValidateSubject, KindMustNotChange) {
  auto nt = NonTarget("T1");
  const auto r =
      SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {nt}).Assess();
  EXPECT_TRUE(Mentions(r.errors, "kind 'nontarget'", "was 'target'"));
}

TEST(ValidateSubject, StateMustFitTheKind) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30)})
                     .At("2026-02-16", {WithState(Target("T1", 0), LesionState::kEquivocal)})
                     .Assess();
  EXPECT_TRUE(Mentions(r.errors, "state 'equivocal'", "not allowed for a target"));
}

TEST(ValidateSubject, MeasuredTargetNeedsItsDiameter) {
  LesionRecord node = Node("T1", 20);
  const auto base = node;
  node.short_axis_mm.reset();
  const auto r = SubjectBuilder().At("2026-01-05", {base}).At("2026-02-16", {node}).Assess();
  EXPECT_TRUE(Mentions(r.errors, "short_axis_mm is missing", "nodal"));
}

TEST(ValidateSubject, MergedIntoMustNameAPresentTarget) {
  auto merged = WithState(Target("T2", 0), LesionState::kMerged);
  merged.merged_into = "T9";
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30), Target("T2", 20)})
                     .At("2026-02-16", {Target("T1", 40), merged})
                     .Assess();
  EXPECT_TRUE(Mentions(r.errors, "merged_into 'T9'"));
}

TEST(ValidateSubject, DeathBeforeTheLastScanIsAnError) {
  auto b =
      SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {Target("T1", 30)});
  b.s.death_date = D("2026-02-01");
  EXPECT_TRUE(Mentions(b.Assess().errors, "death_date 2026-02-01"));
}

TEST(ValidateSubject, LesionMissingAtFollowUpIsNotEvaluatedWithAWarning) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30), Target("T2", 20)})
                     .At("2026-02-16", {Target("T1", 30)})
                     .Assess();
  ASSERT_TRUE(r.errors.empty());
  EXPECT_TRUE(Mentions(r.warnings, "lesion T2 is not recorded", "not evaluated"));
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"NE"}));
}

// RECIST 1.1 §4.3.2: absent and merged targets count 0 mm; a diameter beside them contradicts
// the state and was dropped without a word.
TEST(ValidateSubject, AbsentTargetWithADiameterIsAnError) {
  auto absent = WithState(Target("T1", 0), LesionState::kAbsent);
  auto r =
      SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {absent}).Assess();
  EXPECT_TRUE(r.errors.empty());  // without a diameter: fine
  absent.long_axis_mm = 12;
  r = SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {absent}).Assess();
  EXPECT_TRUE(
      Mentions(r.errors, "timepoint 2026-02-16, lesion T1: long_axis_mm 12", "state 'absent'"));
  EXPECT_FALSE(r.recist11);
}
TEST(ValidateSubject, MergedTargetWithADiameterIsAnError) {
  auto merged = WithState(Target("T2", 0), LesionState::kMerged);
  merged.merged_into = "T1";
  merged.short_axis_mm = 7;
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30), Target("T2", 20)})
                     .At("2026-02-16", {Target("T1", 45), merged})
                     .Assess();
  EXPECT_TRUE(Mentions(r.errors, "lesion T2: short_axis_mm 7", "state 'merged'"));
}

// RECIST 1.1 §3.1: a lesion of 10 mm or more is measurable, not "too small".
TEST(ValidateSubject, TooSmallWithTenMillimetresIsAWarning) {
  auto small = WithState(Target("T1", 0), LesionState::kTooSmall);
  small.long_axis_mm = 9.9;
  auto r = SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {small}).Assess();
  EXPECT_FALSE(Mentions(r.warnings, "too_small"));
  small.long_axis_mm = 10;
  r = SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {small}).Assess();
  ASSERT_TRUE(r.errors.empty());
  EXPECT_TRUE(Mentions(r.warnings, "timepoint 2026-02-16, lesion T1: long_axis_mm 10",
                       "state 'too_small'"));
  EXPECT_DOUBLE_EQ(*r.recist11->timepoints[0].sum_mm, 10);  // counted as recorded
}

// RECIST 1.1 §3.2.1: baseline imaging no more than 4 weeks before the start of treatment.
TEST(ValidateSubject, BaselineMoreThanTwentyEightDaysBeforeTreatmentIsAWarning) {
  auto b =
      SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-03-16", {Target("T1", 30)});
  b.Start("2026-02-02");  // 28 days
  EXPECT_FALSE(Mentions(b.Assess().warnings, "days before treatment_start"));
  b.Start("2026-02-03");  // 29 days
  EXPECT_TRUE(Mentions(b.Assess().warnings,
                       "baseline 2026-01-05 is 29 days before treatment_start 2026-02-03"));
}

// A year typed wrongly makes a follow-up the baseline (the earliest timepoint): said, not
// silently accepted.
TEST(ValidateSubject, FollowUpDatedBeforeTheLabelledBaselineIsAWarning) {
  auto b =
      SubjectBuilder().At("2026-01-05", {Target("T1", 30)}).At("2026-02-16", {Target("T1", 20)});
  b.s.timepoints[0].label = "Baseline";
  b.s.timepoints[1].label = "Week 6";
  EXPECT_FALSE(Mentions(b.Assess().warnings, "dated before the baseline"));
  b.s.timepoints[1].date = D("2025-02-16");
  const auto r = b.Assess();
  EXPECT_TRUE(Mentions(r.warnings,
                       "timepoint 2025-02-16 ('Week 6') is dated before the baseline "
                       "2026-01-05 ('Baseline') (labelled)"));
}
TEST(ValidateSubject, TwoTimepointsOnOrBeforeTreatmentStartIsAWarning) {
  // The follow-up of 2026-02-16 typed as 2025-02-16: the real baseline becomes a day-0 follow-up.
  auto b = SubjectBuilder()
               .Start("2026-01-05")
               .At("2026-01-05", {Target("T1", 30)})
               .At("2026-02-16", {Target("T1", 20)});
  EXPECT_FALSE(Mentions(b.Assess().warnings, "on or before treatment_start"));
  b.s.timepoints[1].date = D("2025-02-16");
  const auto r = b.Assess();
  EXPECT_TRUE(Mentions(r.warnings, "timepoints 2025-02-16 and 2026-01-05",
                       "both on or before treatment_start 2026-01-05"));
  EXPECT_TRUE(Mentions(r.warnings, "timepoint 2025-02-16", "dated before the baseline 2026-01-05"));
}

TEST(ValidateSubject, NoDiseaseAtBaselineIsAnError) {
  EXPECT_TRUE(
      Mentions(SubjectBuilder().At("2026-01-05", {}).Assess().errors, "no target or non-target"));
}

}  // namespace
}  // namespace nadir::test
