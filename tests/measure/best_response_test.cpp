// Best overall response, confirmation, SD duration, window and dates: RECIST 1.1 §4.4.3-4.7.
#include <gtest/gtest.h>

#include "tests/measure/subject_builder.h"

namespace nadir::test {
namespace {

// One 40 mm liver target at baseline 2026-01-05 (treatment starts that day), then follow-ups
// at the given day offsets with the given diameters.
SubjectBuilder Course(std::vector<std::pair<int, double>> visits) {
  SubjectBuilder b;
  b.Start("2026-01-05").At("2026-01-05", {Target("T1", 40)});
  for (const auto& [day, mm] : visits) {
    const std::string iso = FormatIsoDate(D("2026-01-05") + day);
    b.s.timepoints.push_back(
        Timepoint{D(iso.c_str()),
                  iso,
                  "",
                  {mm > 0 ? Target("T1", mm) : WithState(Target("T1", 0), LesionState::kAbsent)},
                  std::nullopt});
  }
  return b;
}

BestResponse Best(const SubjectBuilder& b) {
  const auto r = b.Assess();
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors.front());
  return r.recist11->best;
}

// §4.6: PR confirmed by a later PR or CR at least 28 days after.
TEST(Recist11Confirmation, PartialResponseConfirmedAtTwentyEightDays) {
  EXPECT_EQ(Best(Course({{42, 20}, {70, 20}})).best, Response::kPR);
}
TEST(Recist11Confirmation, PartialResponseNotConfirmedAtTwentySevenDays) {
  // Unconfirmed PR counts as SD when SD's minimum time is met (§4.6 Table 3).
  EXPECT_EQ(Best(Course({{42, 20}, {69, 20}})).best, Response::kSD);
}
TEST(Recist11Confirmation, CompleteResponseConfirmedByCompleteResponse) {
  const auto b = Best(Course({{42, 0}, {84, 0}}));
  EXPECT_EQ(b.best, Response::kCR);
  EXPECT_EQ(b.response_date, D("2026-02-16"));
}
TEST(Recist11Confirmation, PartialThenCompleteResponseIsPartialUnlessCompleteIsConfirmed) {
  EXPECT_EQ(Best(Course({{42, 20}, {84, 0}})).best, Response::kPR);
  const auto b = Best(Course({{42, 20}, {84, 0}, {126, 0}}));
  EXPECT_EQ(b.best, Response::kCR);
  EXPECT_EQ(b.response_date, D("2026-02-16"));  // §4.7: from the first date PR was met
}
TEST(Recist11Confirmation, StableDiseaseBetweenBreaksConfirmation) {
  // 20 mm (PR), 30 mm (SD), 20 mm (PR): neither PR has a confirmation.
  EXPECT_EQ(Best(Course({{42, 20}, {84, 30}, {126, 20}})).best, Response::kSD);
}
TEST(Recist11Confirmation, NotEvaluableBetweenDoesNotBreakConfirmation) {
  auto b = Course({{42, 20}, {84, 20}, {126, 20}});
  b.s.timepoints[2].lesions[0] = WithState(Target("T1", 0), LesionState::kNotEvaluated);
  EXPECT_EQ(Best(b).best, Response::kPR);
}
TEST(Recist11Confirmation, WithoutConfirmationTheFirstResponseCounts) {
  auto b = Course({{42, 20}, {69, 30}});
  b.Confirmation(false);
  const auto best = Best(b);
  EXPECT_EQ(best.best, Response::kPR);
  EXPECT_EQ(best.response_date, D("2026-02-16"));
}
TEST(Recist11Confirmation, UnconfirmedResponseBeforeSdMinimumThenProgressionIsPD) {
  // PR on day 30, PD on day 60: SD never met at >= 42 days (§4.4.3).
  EXPECT_EQ(Best(Course({{30, 20}, {60, 40}})).best, Response::kPD);
}

// §4.4.3: SD counts only when met at least sd_min_days (42) after treatment start.
TEST(Recist11StableDisease, StableDiseaseAtDayFortyTwoCounts) {
  EXPECT_EQ(Best(Course({{42, 38}})).best, Response::kSD);
}
TEST(Recist11StableDisease, StableDiseaseAtDayFortyOneThenProgressionIsPD) {
  EXPECT_EQ(Best(Course({{41, 38}, {83, 60}})).best, Response::kPD);
}
TEST(Recist11StableDisease, StableDiseaseAtDayFortyOneAloneIsNotEvaluable) {
  EXPECT_EQ(Best(Course({{41, 38}})).best, Response::kNE);
}
TEST(Recist11StableDisease, SdMinimumCountsFromTreatmentStart) {
  auto b = Course({{42, 38}});
  b.Start("2026-01-06");  // the follow-up is then day 41
  EXPECT_EQ(Best(b).best, Response::kNE);
}

// §4.4.3: BOR stops at the first PD.
TEST(Recist11BestResponse, ResponsesAfterProgressionDoNotCount) {
  const auto b = Best(Course({{42, 38}, {84, 60}, {126, 10}, {168, 10}}));
  EXPECT_EQ(b.best, Response::kSD);
  EXPECT_EQ(b.progression_date, D("2026-03-30"));
}
TEST(Recist11BestResponse, NoFollowUpIsNotEvaluable) {
  EXPECT_EQ(Best(Course({})).best, Response::kNE);
}

// bor_window_days (assessment-v1.md): only assessments up to that day count.
TEST(Recist11Window, AssessmentOnTheLastDayOfTheWindowCounts) {
  auto b = Course({{42, 20}, {90, 20}});
  b.s.protocol.bor_window_days = 90;
  EXPECT_EQ(Best(b).best, Response::kPR);
}
TEST(Recist11Window, ConfirmationAfterTheWindowDoesNotCount) {
  auto b = Course({{42, 20}, {91, 20}});
  b.s.protocol.bor_window_days = 90;
  EXPECT_EQ(Best(b).best, Response::kSD);
}
TEST(Recist11Window, ProgressionAfterTheWindowIsStillReported) {
  auto b = Course({{30, 38}, {120, 60}});
  b.s.protocol.bor_window_days = 90;
  const auto best = Best(b);
  EXPECT_EQ(best.best, Response::kNE);  // SD not met by day 42 within the window, no PD in it
  EXPECT_EQ(best.progression_date, D("2026-05-05"));
}

// §4.7: duration of response from the first CR/PR to the first PD.
TEST(Recist11Duration, DurationOfResponseRunsFromResponseToProgression) {
  const auto b = Best(Course({{42, 20}, {84, 20}, {126, 30}}));
  EXPECT_EQ(b.best, Response::kPR);
  EXPECT_EQ(b.response_date, D("2026-02-16"));
  EXPECT_EQ(b.progression_date, D("2026-05-11"));
  EXPECT_EQ(b.duration_of_response_days, 84);
}
TEST(Recist11Duration, DurationFromDiseaseControlWhenProtocolSaysSo) {
  auto b = Course({{42, 38}, {84, 20}, {126, 20}, {168, 30}});
  b.s.protocol.dor_from = DurationFrom::kControl;
  const auto best = Best(b);
  EXPECT_EQ(best.control_date, D("2026-02-16"));
  EXPECT_EQ(best.duration_of_response_days, 126);
}
TEST(Recist11Duration, NoDurationWithoutProgression) {
  EXPECT_FALSE(Best(Course({{42, 20}, {84, 20}})).duration_of_response_days);
}

// §4.4.1 Table 2 and §4.4.3: non-target disease only gets CR or NON-CR/NON-PD.
TEST(Recist11NonTargetOnly, UnconfirmedCompleteResponseIsNonCrNonPd) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {NonTarget("NT1")})
                     .At("2026-02-16", {NonTarget("NT1")})
                     .At("2026-03-30", {NonTarget("NT1", LesionState::kAbsent)})
                     .Assess();
  EXPECT_EQ(r.recist11->best.best, Response::kNonCRNonPD);
  EXPECT_FALSE(r.recist11->best.response_date);
}

}  // namespace
}  // namespace nadir::test
