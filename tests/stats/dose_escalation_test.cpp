// The 3+3 decisions and the MTD (issue 21 "Definitions"), one test per branch, worked by hand.
#include "measure/stats/dose_escalation.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace nadir::stats {
namespace {

struct DecisionCase {
  int evaluable;
  int dlt;
  EscalationDecision expected;
};

class ThreePlusThree : public testing::TestWithParam<DecisionCase> {};

// The rule, checked in order: >= 2 DLT exceeded; < 3 evaluable incomplete; 1 DLT in < 6 expand;
// otherwise escalate.
TEST_P(ThreePlusThree, DecisionFollowsTheRule) {
  const auto& c = GetParam();
  EXPECT_EQ(Decide(c.evaluable, c.dlt), c.expected)
      << c.dlt << " of " << c.evaluable << ": " << DecisionKey(Decide(c.evaluable, c.dlt));
}

INSTANTIATE_TEST_SUITE_P(
    Table, ThreePlusThree,
    testing::Values(DecisionCase{3, 0, EscalationDecision::kEscalate},    // 0/3: next level
                    DecisionCase{3, 1, EscalationDecision::kExpand},      // 1/3: 3 more
                    DecisionCase{5, 1, EscalationDecision::kExpand},      // 1/5: still < 6
                    DecisionCase{6, 1, EscalationDecision::kEscalate},    // 1/6: next level
                    DecisionCase{4, 0, EscalationDecision::kEscalate},    // 0/4
                    DecisionCase{3, 2, EscalationDecision::kExceeded},    // 2/3
                    DecisionCase{6, 2, EscalationDecision::kExceeded},    // 2/6
                    DecisionCase{2, 2, EscalationDecision::kExceeded},    // 2/2: >= 2 first
                    DecisionCase{2, 1, EscalationDecision::kIncomplete},  // 1/2
                    DecisionCase{2, 0, EscalationDecision::kIncomplete},  // 0/2
                    DecisionCase{0, 0, EscalationDecision::kIncomplete}));

TEST(ThreePlusThree, MoreDltsThanEvaluableIsRefused) {
  EXPECT_THROW(Decide(2, 3), std::invalid_argument);
  EXPECT_THROW(Decide(-1, 0), std::invalid_argument);
}

DoseLevelTally Level(const char* name, int evaluable, int dlt) {
  return {name, evaluable, evaluable, dlt, EscalationDecision::kIncomplete};
}

// DL1 0/3 escalate, DL2 1/6 escalate, DL3 2/4 exceeded: MTD DL2 (6 evaluable, 1 DLT).
TEST(Mtd, LevelBelowTheLowestExceededWithSixEvaluable) {
  const ArmEscalation a =
      Escalate({Level("DL1", 3, 0), Level("DL2", 6, 1), Level("DL3", 4, 2), Level("DL4", 0, 0)});
  EXPECT_EQ(a.levels[2].decision, EscalationDecision::kExceeded);
  EXPECT_EQ(a.levels[3].decision, EscalationDecision::kIncomplete);
  ASSERT_TRUE(a.mtd);
  EXPECT_EQ(*a.mtd, "DL2");
  EXPECT_EQ(a.status, MtdStatus::kDetermined);
}

// DL2 only 3 evaluable below the exceeded DL3: it was never expanded to 6, not determinable.
TEST(Mtd, NotDeterminableWhenTheLevelBelowHasOnlyThree) {
  const ArmEscalation a = Escalate({Level("DL1", 3, 0), Level("DL2", 3, 0), Level("DL3", 3, 2)});
  EXPECT_FALSE(a.mtd);
  EXPECT_EQ(a.status, MtdStatus::kNotDeterminable);
  EXPECT_NE(a.reason.find("DL2"), std::string::npos) << a.reason;
}

TEST(Mtd, NotDeterminableWhenTheLowestLevelIsExceeded) {
  const ArmEscalation a = Escalate({Level("DL1", 3, 2), Level("DL2", 0, 0)});
  EXPECT_FALSE(a.mtd);
  EXPECT_EQ(a.status, MtdStatus::kNotDeterminable);
}

// The lowest exceeded level decides, not a later one: DL2 exceeded, DL4 exceeded too; DL1 1/6.
TEST(Mtd, LowestExceededLevelDecides) {
  const ArmEscalation a =
      Escalate({Level("DL1", 6, 1), Level("DL2", 3, 2), Level("DL3", 6, 0), Level("DL4", 3, 3)});
  ASSERT_TRUE(a.mtd);
  EXPECT_EQ(*a.mtd, "DL1");
}

TEST(Mtd, NotReachedWithoutAnExceededLevel) {
  const ArmEscalation a = Escalate({Level("DL1", 3, 0), Level("DL2", 3, 1), Level("DL3", 1, 0)});
  EXPECT_FALSE(a.mtd);
  EXPECT_EQ(a.status, MtdStatus::kNotReached);
  EXPECT_EQ(a.levels[1].decision, EscalationDecision::kExpand);
}

TEST(DoseLevelOrder, ByTrailingNumber) {
  EXPECT_TRUE(DoseLevelLess("DL2", "DL10"));
  EXPECT_FALSE(DoseLevelLess("DL10", "DL2"));
  EXPECT_TRUE(DoseLevelLess("DL1", "DL1a") || DoseLevelLess("DL1a", "DL1"));
}

}  // namespace
}  // namespace nadir::stats
