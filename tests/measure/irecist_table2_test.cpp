// iRECIST timepoint response, one test per row of Seymour et al. 2017 Table 2 (shared/RECIST.md
// I1-I6), in both columns: without and with a previous iUPD.
#include <gtest/gtest.h>

#include "tests/measure/irecist_test_util.h"

namespace nadir::test {
namespace {

// Baseline: T1 40 mm liver, NT1 present. Sum 40 mm.
Course Base() {
  Course c;
  c.At(0, {Target("T1", 40), NonTarget("NT1")});
  return c;
}

// Row 1: iCR + iCR + no new -> iCR, with or without a previous iUPD.
TEST(IRecistTable2, Row1CompleteResponse) {
  auto gone = WithState(Target("T1", 0), LesionState::kAbsent);
  auto nt_gone = NonTarget("NT1", LesionState::kAbsent);
  EXPECT_EQ(IOverall(Base().At(42, {gone, nt_gone}).Assess()), (std::vector<std::string>{"iCR"}));
  // previous iUPD (target +25 %), then everything gone: the episode resets (I6).
  EXPECT_EQ(
      IOverall(
          Base().At(42, {Target("T1", 50), NonTarget("NT1")}).At(84, {gone, nt_gone}).Assess()),
      (std::vector<std::string>{"iUPD", "iCR"}));
}

// Row 2: iCR + non-iCR/non-iUPD + no new -> iPR.
TEST(IRecistTable2, Row2CompleteTargetsWithNonTargetsLeft) {
  auto gone = WithState(Target("T1", 0), LesionState::kAbsent);
  EXPECT_EQ(IOverall(Base().At(42, {gone, NonTarget("NT1")}).Assess()),
            (std::vector<std::string>{"iPR"}));
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 50), NonTarget("NT1")})
                         .At(84, {gone, NonTarget("NT1")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iPR"}));
}

// Row 3: iPR + non-iCR/non-iUPD + no new -> iPR (pseudo-progression resets to iPR).
TEST(IRecistTable2, Row3PartialResponse) {
  EXPECT_EQ(IOverall(Base().At(42, {Target("T1", 28), NonTarget("NT1")}).Assess()),
            (std::vector<std::string>{"iPR"}));
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 50), NonTarget("NT1")})
                         .At(84, {Target("T1", 27), NonTarget("NT1")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iPR"}));
}

// Row 4: iSD + non-iCR/non-iUPD + no new -> iSD.
TEST(IRecistTable2, Row4StableDisease) {
  EXPECT_EQ(IOverall(Base().At(42, {Target("T1", 38), NonTarget("NT1")}).Assess()),
            (std::vector<std::string>{"iSD"}));
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 50), NonTarget("NT1")})
                         .At(84, {Target("T1", 38), NonTarget("NT1")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iSD"}));
}

// Row 5 (previous iUPD only): target and non-target iUPD without growth, new lesions present:
// iCPD when the new lesions grew (new-lesion target sum >= 5 mm, any new non-target) or more
// appeared; iUPD when they did not change.
TEST(IRecistTable2, Row5NewLesionsGrewConfirm) {
  const auto r = Base()
                     .At(42, {Target("T1", 50), Progressed("NT1"), NewMeasured("N1", 12)})
                     .At(84, {Target("T1", 50), Progressed("NT1"), NewMeasured("N1", 17)})
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iCPD"}));
  EXPECT_NE(r.irecist->timepoints[1].reason.find("new-lesion target sum +5.0 mm"),
            std::string::npos);
}
TEST(IRecistTable2, Row5NewLesionsUnchangedStayUnconfirmed) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 50), Progressed("NT1"), NewMeasured("N1", 12)})
                         .At(84, {Target("T1", 50), Progressed("NT1"), NewMeasured("N1", 12)})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iUPD"}));
}

// Row 6: targets iSD/iPR/iCR, non-target iUPD, no new -> iUPD; with a previous iUPD, iCPD only
// on a further increase of the non-target disease (need not be unequivocal).
TEST(IRecistTable2, Row6NonTargetProgressionConfirmedByFurtherIncrease) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 38), Progressed("NT1")})
                         .At(84, {Target("T1", 38), Increased(NonTarget("NT1"))})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iCPD"}));
}
TEST(IRecistTable2, Row6NonTargetWithoutFurtherIncreaseStaysUnconfirmed) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 38), Progressed("NT1")})
                         .At(84, {Target("T1", 38), Progressed("NT1")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iUPD"}));
}

// Row 7: target iUPD, non-target non-iUPD -> iUPD; iCPD on a further sum increase >= 5 mm.
TEST(IRecistTable2, Row7TargetProgressionConfirmedByFiveMillimetres) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 50), NonTarget("NT1")})
                         .At(84, {Target("T1", 55), NonTarget("NT1")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iCPD"}));
}
TEST(IRecistTable2, Row7FourPointNineMillimetresStaysUnconfirmed) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 50), NonTarget("NT1")})
                         .At(84, {Target("T1", 54.9), NonTarget("NT1")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iUPD"}));
}

// Row 8: target and non-target iUPD, no new: iCPD on target +5 mm or a non-target increase.
TEST(IRecistTable2, Row8EitherCategoryConfirms) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 50), Progressed("NT1")})
                         .At(84, {Target("T1", 50), Increased(Progressed("NT1"))})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iCPD"}));
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 50), Progressed("NT1")})
                         .At(84, {Target("T1", 56), Progressed("NT1")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iCPD"}));
}

// Row 9: all three categories iUPD: any of them confirms; here the new lesions grow in number.
TEST(IRecistTable2, Row9MoreNewLesionsConfirm) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 50), Progressed("NT1"), NewMeasured("N1", 12)})
                         .At(84, {Target("T1", 50), Progressed("NT1"), NewMeasured("N1", 12),
                                  NewMeasured("N2", 11, "lung")})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iCPD"}));
}

// Row 10: targets and non-targets not progressing, new lesions present -> iUPD; with a previous
// iUPD, iCPD on growth or number of the new lesions. A new non-target grows by being marked.
TEST(IRecistTable2, Row10NewNonTargetLesionGrowthConfirms) {
  const auto r = Base()
                     .At(42, {Target("T1", 38), NonTarget("NT1"), NewMeasured("N1", 6)})
                     .At(84, {Target("T1", 38), NonTarget("NT1"), Increased(NewMeasured("N1", 9))})
                     .Assess();
  EXPECT_EQ(IOverall(r), (std::vector<std::string>{"iUPD", "iCPD"}));
  EXPECT_TRUE(r.irecist->timepoints[0].new_lesion_targets.empty());  // 6 mm: not measurable
}
TEST(IRecistTable2, Row10UnchangedNewLesionStaysUnconfirmed) {
  EXPECT_EQ(IOverall(Base()
                         .At(42, {Target("T1", 38), NonTarget("NT1"), NewMeasured("N1", 12)})
                         .At(84, {Target("T1", 38), NonTarget("NT1"), NewMeasured("N1", 12)})
                         .Assess()),
            (std::vector<std::string>{"iUPD", "iUPD"}));
}

}  // namespace
}  // namespace nadir::test
