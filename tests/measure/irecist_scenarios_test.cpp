// iRECIST worked scenarios (Seymour et al. 2017, Table 3 and text; shared/RECIST.md I1-I9) and
// the boundaries of confirmation and new-lesion selection.
#include <gtest/gtest.h>

#include "tests/measure/irecist_test_util.h"

namespace nadir::test {
namespace {

Course Base() {
  Course c;
  c.At(0, {Target("T1", 40), Target("T2", 20, "lung")});  // sum 60 mm
  return c;
}

// Scenario: response after iUPD (pseudo-progression; Table 3 examples 3 and 4). The iUPD does
// not stop a later iPR from counting (I7); RECIST 1.1 calls the same course PD.
TEST(IRecistScenario, ResponseAfterUnconfirmedProgression) {
  const auto r = Base()
                     .At(42, {Target("T1", 55), Target("T2", 22, "lung")})  // 77 mm: +28 %
                     .At(84, {Target("T1", 25), Target("T2", 12, "lung")})  // 37 mm: -38 %
                     .At(126, {Target("T1", 24), Target("T2", 11, "lung")})
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iPR", "iPR"}));
  EXPECT_EQ(IBest(r), "iPR");
  EXPECT_EQ(r.irecist->best.response_date, D(Day(84).c_str()));
  EXPECT_FALSE(r.irecist->best.progression_date);
  EXPECT_EQ(ToString(r.recist11->best.best), std::string("PD"));
}

// Scenario: iUPD confirmed by a new lesion, even within 28 days (I3 exception, I4).
TEST(IRecistScenario, UnconfirmedProgressionConfirmedByNewLesion) {
  const auto r = Base()
                     .At(42, {Target("T1", 55), Target("T2", 22, "lung")})
                     .At(63, {Target("T1", 55), Target("T2", 22, "lung"), NewMeasured("N1", 8)})
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iCPD"}));
  EXPECT_EQ(IBest(r), "iCPD");
  EXPECT_EQ(r.irecist->best.progression_date, D(Day(42).c_str()));  // dated to the iUPD (I4)
}

// Scenario: iUPD confirmed by further target growth; increases add up across assessments.
TEST(IRecistScenario, FurtherTargetGrowthAddsUpAcrossAssessments) {
  const auto r = Base()
                     .At(42, {Target("T1", 55), Target("T2", 22, "lung")})   // 77 at iUPD
                     .At(84, {Target("T1", 59), Target("T2", 22, "lung")})   // +4
                     .At(126, {Target("T1", 61), Target("T2", 22, "lung")})  // +6 in all
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iUPD", "iCPD"}));
  EXPECT_EQ(r.irecist->best.progression_date, D(Day(42).c_str()));
}

// Scenario: iUPD not confirmed, later reset (I5, I6), then progression again after the reset
// opens a new episode that needs its own confirmation, dated from the new iUPD.
TEST(IRecistScenario, NotConfirmedThenResetThenProgressionAgain) {
  const auto r = Base()
                     .At(42, {Target("T1", 55), Target("T2", 22, "lung")})   // iUPD (77)
                     .At(84, {Target("T1", 55), Target("T2", 22, "lung")})   // no growth: iUPD
                     .At(126, {Target("T1", 40), Target("T2", 18, "lung")})  // 58: iSD, reset
                     .At(168, {Target("T1", 70), Target("T2", 20, "lung")})  // 90 vs nadir 58: iUPD
                     .At(210, {Target("T1", 76), Target("T2", 20, "lung")})  // +6: iCPD
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iUPD", "iSD", "iUPD", "iCPD"}));
  EXPECT_EQ(r.irecist->best.progression_date, D(Day(168).c_str()));
  EXPECT_EQ(IBest(r), "iSD");
}

// I5, Seymour 2017 Table 3 example 8: an assessment that cannot be evaluated after an iUPD is
// NE at that timepoint; the episode stays open (iBOR iUPD, unconfirmed) and the NE scan is not
// an adequate assessment.
TEST(IRecistScenario, NotEvaluableInsideAnEpisodeIsNotEvaluable) {
  auto ne = WithState(Target("T2", 0, "lung"), LesionState::kNotEvaluated);
  const auto r = Base()
                     .At(42, {Target("T1", 55), Target("T2", 22, "lung")})
                     .At(84, {Target("T1", 50), ne})
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "NE"}));
  EXPECT_NE(r.irecist->timepoints[1].reason.find("(I5)"), std::string::npos);
  EXPECT_EQ(IBest(r), "iUPD");
  EXPECT_EQ(r.irecist->best.unconfirmed_progression_date, D(Day(42).c_str()));
  EXPECT_EQ(r.irecist->best.last_adequate_assessment, D(Day(42).c_str()));
  EXPECT_FALSE(r.irecist->best.progression_date);
}
// I5: the episode stays open across the NE, so a later assessment can still confirm it, dated
// from the iUPD (I4); an evaluable assessment without growth stays iUPD and is adequate.
TEST(IRecistScenario, EpisodeStaysOpenAcrossNotEvaluable) {
  auto ne = WithState(Target("T2", 0, "lung"), LesionState::kNotEvaluated);
  const auto r = Base()
                     .At(42, {Target("T1", 55), Target("T2", 22, "lung")})   // 77: iUPD
                     .At(84, {Target("T1", 50), ne})                         // NE
                     .At(126, {Target("T1", 61), Target("T2", 22, "lung")})  // +6: iCPD
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "NE", "iCPD"}));
  EXPECT_EQ(r.irecist->best.progression_date, D(Day(42).c_str()));
  const auto kept = Base()
                        .At(42, {Target("T1", 55), Target("T2", 22, "lung")})
                        .At(84, {Target("T1", 55), Target("T2", 22, "lung")})
                        .Assess();
  EXPECT_EQ(IOverall(kept), (std::vector<std::string>{"iUPD", "iUPD"}));
  EXPECT_EQ(kept.irecist->best.last_adequate_assessment, D(Day(84).c_str()));
}

// I4, like for like: an iUPD called on a partial sum (T2 not evaluated, T1 alone +21.7 % and
// +13 mm over the 60 mm nadir, §4.4.2) is not confirmed because T2 is measured again; the
// further growth counts over the targets evaluated at both timepoints.
TEST(IRecistConfirmation, GrowthAfterAnIupdOnAPartialSumIsComparedLikeForLike) {
  auto ne = WithState(Target("T2", 0, "lung"), LesionState::kNotEvaluated);
  const auto same = Base()
                        .At(42, {Target("T1", 73), ne})                        // iUPD on 73 mm
                        .At(84, {Target("T1", 73), Target("T2", 20, "lung")})  // T1 unchanged
                        .Assess();
  EXPECT_EQ(IOverall(same), (std::vector<std::string>{"iUPD", "iUPD"}));
  EXPECT_FALSE(same.irecist->best.progression_date);  // no false iCPD, no PFS event
  const auto grew = Base()
                        .At(42, {Target("T1", 73), ne})
                        .At(84, {Target("T1", 78), Target("T2", 20, "lung")})  // T1 +5 mm
                        .Assess();
  EXPECT_EQ(IOverall(grew), (std::vector<std::string>{"iUPD", "iCPD"}));
  EXPECT_NE(grew.irecist->timepoints[1].reason.find("target sum +5.0 mm since iUPD, over the "
                                                    "targets evaluated at both (not T2)"),
            std::string::npos);
}

// §4.3.1 holds for iPR: a confirmed iPR continues with the sum back above 70 % of baseline
// (iRECIST FAQ: 100, 70, 70, 80, 80, 80 is iPR at every timepoint).
TEST(IRecistScenario, ConfirmedPartialResponseContinues) {
  Course c;
  c.At(0, {Target("T1", 100)}).At(42, {Target("T1", 70)}).At(84, {Target("T1", 70)});
  c.At(126, {Target("T1", 80)}).At(168, {Target("T1", 80)}).At(210, {Target("T1", 80)});
  EXPECT_EQ(IOverall(c.Assess()), (std::vector<std::string>{"iPR", "iPR", "iPR", "iPR", "iPR"}));
  Course u;  // not confirmed: iPR then iSD
  u.At(0, {Target("T1", 100)}).At(42, {Target("T1", 70)}).At(84, {Target("T1", 80)});
  EXPECT_EQ(IOverall(u.Assess()), (std::vector<std::string>{"iPR", "iSD"}));
}
// iRECIST confirms its own iPR: after an iUPD by a new lesion and a reset by shrinkage (I6),
// RECIST 1.1 stays PD while iRECIST confirms the iPR, which then continues (§4.3.1).
TEST(IRecistScenario, PartialResponseConfirmedAfterResetContinues) {
  const auto r =
      Base()
          .At(42, {Target("T1", 38), Target("T2", 19, "lung"), NewMeasured("N1", 20)})
          .At(84, {Target("T1", 25), Target("T2", 14, "lung"), NewMeasured("N1", 20)})   // 39: iPR
          .At(126, {Target("T1", 25), Target("T2", 14, "lung"), NewMeasured("N1", 20)})  // confirms
          .At(168,
              {Target("T1", 30), Target("T2", 14, "lung"), NewMeasured("N1", 20)})  // 44: -27 %
          .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iPR", "iPR", "iPR"}));
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"PD", "PD", "PD", "PD"}));
  // I6 reasons are iRECIST's: no RECIST 1.1 "new lesion N1 (§4.3.5)" on an iPR timepoint
  const auto& why = r.irecist->timepoints[2].reason;
  EXPECT_EQ(why.find("§4.3.5"), std::string::npos) << why;
  EXPECT_NE(why.find("(I6)"), std::string::npos) << why;
  EXPECT_EQ(why.rfind("iPR: ", 0), 0u) << why;
}

// EORTC iRECIST FAQ: a response met before an iUPD by a new lesion, then no change: stays iUPD;
// shrinkage after the new lesion allows iPR.
TEST(IRecistScenario, NewLesionAfterResponseWithoutChangeStaysUnconfirmed) {
  EXPECT_EQ(
      IOverall(Base()
                   .At(42, {Target("T1", 25), Target("T2", 15, "lung")})
                   .At(84, {Target("T1", 25), Target("T2", 15, "lung"), NewMeasured("N1", 11)})
                   .At(126, {Target("T1", 25), Target("T2", 15, "lung"), NewMeasured("N1", 11)})
                   .Assess()),
      (std::vector<std::string>{"iPR", "iUPD", "iUPD"}));
}
TEST(IRecistScenario, ShrinkageAfterNewLesionAllowsPartialResponse) {
  EXPECT_EQ(
      IOverall(Base()
                   .At(42, {Target("T1", 38), Target("T2", 19, "lung"), NewMeasured("N1", 11)})
                   .At(84, {Target("T1", 25), Target("T2", 14, "lung"), NewMeasured("N1", 11)})
                   .Assess()),
      (std::vector<std::string>{"iUPD", "iPR"}));
}

// I3: assessments under 28 days after the iUPD cannot confirm it; 28 days can.
TEST(IRecistConfirmation, TwentySevenDaysCannotConfirm) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 55), Target("T2", 22, "lung")})
                         .At(69, {Target("T1", 62), Target("T2", 22, "lung")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iUPD"}));
}
TEST(IRecistConfirmation, TwentyEightDaysConfirm) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 55), Target("T2", 22, "lung")})
                         .At(70, {Target("T1", 62), Target("T2", 22, "lung")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iCPD"}));
}

bool Warned(const SubjectResult& r, const std::string& text) {
  for (const auto& w : r.warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

// I3: a confirmation later than 56 days is still used, with a warning.
TEST(IRecistConfirmation, FiftySixDaysConfirmWithoutWarning) {
  const auto r = Base()
                     .At(42, {Target("T1", 55), Target("T2", 22, "lung")})
                     .At(98, {Target("T1", 62), Target("T2", 22, "lung")})
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iCPD"}));
  EXPECT_FALSE(Warned(r, "irecist_confirm_max_days"));
}
TEST(IRecistConfirmation, FiftySevenDaysConfirmWithWarning) {
  const auto r = Base()
                     .At(42, {Target("T1", 55), Target("T2", 22, "lung")})
                     .At(99, {Target("T1", 62), Target("T2", 22, "lung")})
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iCPD"}));
  EXPECT_TRUE(Warned(r, "after 57 days, later than irecist_confirm_max_days 56"));
}

// I2: at most 5 new-lesion targets, at most 2 per organ; the new-lesion sum is never added to
// the target sum.
TEST(IRecistNewLesions, FifthMeasurableIsTargetSixthIsNot) {
  const auto r = Base()
                     .At(42, {Target("T1", 40), Target("T2", 20, "lung"),
                              NewMeasured("N1", 10, "liver"), NewMeasured("N2", 11, "lung"),
                              NewMeasured("N3", 12, "bone"), NewMeasured("N4", 13, "spleen"),
                              NewMeasured("N5", 14, "kidney"), NewMeasured("N6", 15, "adrenal")})
                     .Assess();
  const auto& t = r.irecist->timepoints[0];
  EXPECT_EQ(t.new_lesion_targets, (std::vector<std::string>{"N1", "N2", "N3", "N4", "N5"}));
  EXPECT_DOUBLE_EQ(*t.new_lesion_target_sum_mm, 60);
  EXPECT_DOUBLE_EQ(*t.sum_mm, 60);  // the target sum alone
  EXPECT_TRUE(Warned(r, "new lesion N6 is measurable but 5 new-lesion targets"));
}
TEST(IRecistNewLesions, SecondInAnOrganIsTargetThirdIsNot) {
  const auto r =
      Base()
          .At(42, {Target("T1", 40), Target("T2", 20, "lung"), NewMeasured("N1", 10, "liver"),
                   NewMeasured("N2", 11, "liver"), NewMeasured("N3", 12, "Liver")})
          .Assess();
  EXPECT_EQ(r.irecist->timepoints[0].new_lesion_targets, (std::vector<std::string>{"N1", "N2"}));
  EXPECT_TRUE(Warned(r, "new lesion N3 is measurable but liver already has 2"));
}
TEST(IRecistNewLesions, NineMillimetresIsNotMeasurableTenIs) {
  const auto r = Base()
                     .At(42, {Target("T1", 40), Target("T2", 20, "lung"), NewMeasured("N1", 9.9),
                              NewMeasured("N2", 10, "lung")})
                     .Assess();
  EXPECT_EQ(r.irecist->timepoints[0].new_lesion_targets, (std::vector<std::string>{"N2"}));
}
TEST(IRecistNewLesions, ReaderCategoryOverridesMeasurability) {
  auto n1 = NewMeasured("N1", 25);
  n1.new_category = NewLesionCategory::kNonTarget;
  const auto r = Base().At(42, {Target("T1", 40), Target("T2", 20, "lung"), n1}).Assess();
  EXPECT_TRUE(r.irecist->timepoints[0].new_lesion_targets.empty());
}

// I6: after a reset, new lesions seen before open a new iUPD only when more appear or their
// own sum meets RECIST 1.1 progression over its nadir.
TEST(IRecistReset, NewLesionsSeenBeforeNeedGrowthToProgressAgain) {
  const auto r =
      Base()
          .At(42, {Target("T1", 38), Target("T2", 19, "lung"), NewMeasured("N1", 20)})
          .At(84,
              {Target("T1", 25), Target("T2", 14, "lung"), NewMeasured("N1", 20)})  // reset: iPR
          .At(126,
              {Target("T1", 25), Target("T2", 14, "lung"), NewMeasured("N1", 24)})  // +20 %, +4 mm
          .At(168,
              {Target("T1", 25), Target("T2", 14, "lung"), NewMeasured("N1", 25)})  // +25 %, +5 mm
          .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iPR", "iPR", "iUPD"}));
  // iRECIST timepoint reasons name iRECIST rules, not the RECIST 1.1 progression by N1 (§4.3.5)
  for (std::size_t k : {1, 2}) {
    EXPECT_EQ(r.irecist->timepoints[k].reason.find("new lesion N1 (§4.3.5)"), std::string::npos)
        << r.irecist->timepoints[k].reason;
    EXPECT_NE(r.irecist->timepoints[k].reason.find("(I6)"), std::string::npos)
        << r.irecist->timepoints[k].reason;
  }
}

// I9: clinical stability is carried, and does not change the response.
TEST(IRecistClinicalStability, RecordedButDoesNotDecide) {
  auto c = Base().At(42, {Target("T1", 55), Target("T2", 22, "lung")});
  c.b.s.timepoints.back().clinically_stable = true;
  const auto r = c.Assess();
  EXPECT_EQ(r.irecist->timepoints[0].clinically_stable, true);
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD"}));
}

}  // namespace
}  // namespace nadir::test

namespace nadir::test {
namespace {

// Seymour 2017 Table 2, last row: with a previous iUPD and new lesions still present, targets
// that shrink only to stable disease keep iUPD (no reset to iSD).
TEST(IRecistScenario, StableTargetsWithNewLesionStillPresentKeepUnconfirmedProgression) {
  Course c;
  c.At(0, {Target("T1", 50)})
      .At(42, {Target("T1", 40), NewLesion("N1", LesionState::kEquivocal)})
      .At(84, {Target("T1", 38), NewMeasured("N1", 14)});
  const auto r = c.Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iUPD"}));
  EXPECT_EQ(r.irecist->best.unconfirmed_progression_date, D(Day(42).c_str()));
}

}  // namespace
}  // namespace nadir::test
