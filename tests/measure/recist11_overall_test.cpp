// Overall response at a timepoint: RECIST 1.1 §4.3.3-4.3.5 and §4.4.1 Tables 1 and 2.
#include <gtest/gtest.h>

#include "measure/recist11.h"
#include "tests/measure/subject_builder.h"

namespace nadir::test {
namespace {

constexpr auto CR = Response::kCR, PR = Response::kPR, SD = Response::kSD, PD = Response::kPD,
               NE = Response::kNE, NN = Response::kNonCRNonPD, NA = Response::kNotApplicable;
constexpr auto NO = NewLesionStatus::kNo, YES = NewLesionStatus::kYes,
               EQ = NewLesionStatus::kEquivocal;

struct Row {
  Response target, nontarget;
  NewLesionStatus new_lesions;
  Response overall;
};

void PrintTo(const Row& r, std::ostream* os) {
  *os << ToString(r.target) << " + " << ToString(r.nontarget) << " + new "
      << ToString(r.new_lesions) << " = " << ToString(r.overall);
}

class Recist11Table1 : public ::testing::TestWithParam<Row> {};

// §4.4.1 Table 1, row by row (subjects with target lesions). An equivocal new lesion is "no".
TEST_P(Recist11Table1, OverallFromTargetNonTargetAndNewLesions) {
  const Row& r = GetParam();
  EXPECT_EQ(CombineOverall(r.target, r.nontarget, r.new_lesions, true), r.overall)
      << ToString(r.target) << " / " << ToString(r.nontarget) << " / " << ToString(r.new_lesions);
}
INSTANTIATE_TEST_SUITE_P(
    Section441, Recist11Table1,
    ::testing::Values(Row{CR, CR, NO, CR}, Row{CR, NA, NO, CR}, Row{CR, NN, NO, PR},
                      Row{CR, NE, NO, PR}, Row{PR, NN, NO, PR}, Row{PR, NE, NO, PR},
                      Row{PR, CR, NO, PR}, Row{SD, NN, NO, SD}, Row{SD, NE, NO, SD},
                      Row{NE, NN, NO, NE}, Row{NE, CR, NO, NE}, Row{PD, CR, NO, PD},
                      Row{CR, PD, NO, PD}, Row{SD, NN, YES, PD}, Row{CR, CR, YES, PD},
                      Row{NE, NE, YES, PD}, Row{CR, CR, EQ, CR}, Row{SD, NN, EQ, SD}));

class Recist11Table2 : public ::testing::TestWithParam<Row> {};

// §4.4.1 Table 2 (non-target disease only): NON-CR/NON-PD, never SD.
TEST_P(Recist11Table2, OverallForNonTargetDiseaseOnly) {
  const Row& r = GetParam();
  EXPECT_EQ(CombineOverall(NA, r.nontarget, r.new_lesions, false), r.overall);
}
INSTANTIATE_TEST_SUITE_P(Section441, Recist11Table2,
                         ::testing::Values(Row{NA, CR, NO, CR}, Row{NA, NN, NO, NN},
                                           Row{NA, NE, NO, NE}, Row{NA, PD, NO, PD},
                                           Row{NA, CR, YES, PD}, Row{NA, NN, EQ, NN}));

// §4.3.3-4.3.4 through the whole engine.
TEST(Recist11NonTarget, AllGoneIsCompleteResponseAndUnequivocalProgressionIsPD) {
  const auto r =
      SubjectBuilder()
          .At("2026-01-05",
              {Target("T1", 30), NonTarget("NT1"), NonTarget("NT2", LesionState::kPresent, true)})
          .At("2026-02-16",
              {Target("T1", 25), NonTarget("NT1"), NonTarget("NT2", LesionState::kAbsent, true)})
          .At("2026-03-30", {Target("T1", 25), NonTarget("NT1", LesionState::kAbsent),
                             NonTarget("NT2", LesionState::kAbsent, true)})
          .At("2026-05-11",
              {Target("T1", 25), NonTarget("NT1", LesionState::kUnequivocalProgression),
               NonTarget("NT2", LesionState::kAbsent, true)})
          .Assess();
  ASSERT_TRUE(r.recist11);
  const auto& t = r.recist11->timepoints;
  EXPECT_EQ(t[0].nontarget, NN);
  EXPECT_EQ(t[1].nontarget, CR);
  EXPECT_EQ(t[2].nontarget, PD);
  EXPECT_EQ(t[2].overall, PD);  // whatever the targets show (SD here)
}

TEST(Recist11NonTarget, NonNodalNonTargetSeenAgainAfterCompleteResponseIsProgression) {
  // §4.3.5: after an overall CR, a non-nodal non-target seen again is PD.
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {NonTarget("NT1")})
                     .At("2026-02-16", {NonTarget("NT1", LesionState::kAbsent)})
                     .At("2026-03-30", {NonTarget("NT1", LesionState::kPresent)})
                     .Assess();
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"CR", "PD"}));
}

// §4.3.5 (RECIST working group Q&A "Abnormal lymph node"): after an overall CR, a nodal
// non-target seen again is PD only when it has unequivocally progressed.
TEST(Recist11NonTarget, NodalNonTargetSeenAgainAfterCompleteResponseIsNotProgression) {
  const auto gone = WithState(Target("T1", 0), LesionState::kAbsent);
  auto course = [&](LesionState node_now) {
    return SubjectBuilder()
        .At("2026-01-05", {Target("T1", 30), NonTarget("NT1", LesionState::kPresent, true)})
        .At("2026-02-16", {gone, NonTarget("NT1", LesionState::kAbsent, true)})
        .At("2026-03-30", {gone, NonTarget("NT1", node_now, true)})
        .Assess();
  };
  const auto present = course(LesionState::kPresent);
  EXPECT_EQ(present.recist11->timepoints[1].nontarget, NN);
  EXPECT_EQ(Overall(present),
            (std::vector<std::string>{"CR", "PR"}));  // Table 1: CR + NON-CR/NON-PD
  EXPECT_EQ(Overall(course(LesionState::kUnequivocalProgression)),
            (std::vector<std::string>{"CR", "PD"}));
}

TEST(Recist11NonTarget, NotEvaluatedNonTargetMakesNonTargetOnlySubjectNotEvaluable) {
  const auto r =
      SubjectBuilder()
          .At("2026-01-05", {NonTarget("NT1"), NonTarget("NT2")})
          .At("2026-02-16", {NonTarget("NT1"), NonTarget("NT2", LesionState::kNotEvaluated)})
          .Assess();
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"NE"}));
}

// §4.3.5 new lesions.
TEST(Recist11NewLesions, UnequivocalNewLesionIsProgressionWhateverItsSize) {
  LesionRecord tiny = NewLesion("N1");
  tiny.long_axis_mm = 3;
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30)})
                     .At("2026-02-16", {Target("T1", 10), tiny})
                     .Assess();
  EXPECT_EQ(r.recist11->timepoints[0].target, PR);
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"PD"}));
  EXPECT_EQ(r.recist11->best.progression_date, D("2026-02-16"));
}

TEST(Recist11NewLesions, EquivocalNewLesionIsNotProgressionUntilConfirmed) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30)})
                     .At("2026-02-16", {Target("T1", 28), NewLesion("N1", LesionState::kEquivocal)})
                     .At("2026-03-30", {Target("T1", 28), NewLesion("N1", LesionState::kAbsent)})
                     .Assess();
  EXPECT_EQ(r.recist11->timepoints[0].new_lesions, EQ);
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"SD", "SD"}));
  EXPECT_FALSE(r.recist11->best.progression_date);
}

TEST(Recist11NewLesions, ConfirmedEquivocalLesionDatesProgressionToFirstSighting) {
  const auto r =
      SubjectBuilder()
          .At("2026-01-05", {Target("T1", 30)})
          .At("2026-02-16", {Target("T1", 28), NewLesion("N1", LesionState::kEquivocal)})
          .At("2026-03-30", {Target("T1", 28), NewLesion("N1", LesionState::kEquivocal)})
          .At("2026-05-11", {Target("T1", 28), NewLesion("N1", LesionState::kUnequivocal)})
          .Assess();
  EXPECT_EQ(Overall(r), (std::vector<std::string>{"PD", "PD", "PD"}));
  EXPECT_EQ(r.recist11->timepoints[0].new_lesions, YES);
  EXPECT_EQ(r.recist11->best.progression_date, D("2026-02-16"));
}

TEST(Recist11NewLesions, ReasonNamesTheRuleThatDecided) {
  const auto r = SubjectBuilder()
                     .At("2026-01-05", {Target("T1", 30)})
                     .At("2026-02-16", {Target("T1", 28), NewLesion("N7")})
                     .Assess();
  EXPECT_NE(r.recist11->timepoints[0].reason.find("N7"), std::string::npos);
}

}  // namespace
}  // namespace nadir::test
