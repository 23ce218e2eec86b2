// Exact (Clopper-Pearson) 95 % intervals for ORR and DCR.
// Reference values: the tabulated exact binomial limits (e.g. Geigy Scientific Tables, vol. 2,
// 1982, "Confidence limits for the binomial distribution"; Clopper & Pearson, Biometrika
// 1934;26:404-413), which every statistics package reproduces: x=0,n=10 -> [0, 0.3085];
// x=3,n=10 -> [0.0667, 0.6525]. The digits beyond those tables were checked independently by
// solving P(X >= k | p) = 0.025 and P(X <= k | p) = 0.025 by bisection over exact binomial sums.
#include "measure/stats/binomial_ci.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace nadir::stats {
namespace {

struct CpCase {
  int k, n;
  double low, high;
};

class ClopperPearsonTable : public testing::TestWithParam<CpCase> {};

TEST_P(ClopperPearsonTable, MatchesTabulatedExactLimits) {
  const CpCase c = GetParam();
  const Proportion p = ClopperPearson(c.k, c.n);
  EXPECT_EQ(p.k, c.k);
  EXPECT_EQ(p.n, c.n);
  EXPECT_DOUBLE_EQ(p.rate, double(c.k) / c.n);
  EXPECT_NEAR(p.ci_low, c.low, 1e-9);
  EXPECT_NEAR(p.ci_high, c.high, 1e-9);
}

INSTANTIATE_TEST_SUITE_P(
    Tabulated, ClopperPearsonTable,
    testing::Values(CpCase{0, 10, 0.0, 0.3084971078},  // [0, 0.3085]
                    CpCase{1, 10, 0.0025285785, 0.4450161170},
                    CpCase{3, 10, 0.0667395112, 0.6524528501},  // [0.0667, 0.6525]
                    CpCase{5, 10, 0.1870860284, 0.8129139716}, CpCase{10, 10, 0.6915028922, 1.0},
                    CpCase{7, 20, 0.1539092048, 0.5921885345},
                    CpCase{1, 3, 0.0084037587, 0.9057006759},
                    CpCase{15, 40, 0.2272627225, 0.5419852478},
                    CpCase{2, 60, 0.0040626246, 0.1152810444}));

// n = 1: the limits solve p = 0.025 and 1 - p = 0.025 by hand: [0, 0.975] and [0.025, 1].
TEST(ClopperPearson, SingleSubjectWorkedByHand) {
  EXPECT_NEAR(ClopperPearson(0, 1).ci_high, 0.975, 1e-12);
  EXPECT_NEAR(ClopperPearson(1, 1).ci_low, 0.025, 1e-12);
}

// Symmetry: the interval for k/n mirrors the one for (n-k)/n.
TEST(ClopperPearson, MirrorsUnderComplement) {
  for (int k = 0; k <= 17; ++k) {
    const Proportion a = ClopperPearson(k, 17), b = ClopperPearson(17 - k, 17);
    EXPECT_NEAR(a.ci_low, 1.0 - b.ci_high, 1e-12);
  }
}

// Large n stays accurate: 500 of 1000 -> [0.4685, 0.5315] (normal approx 0.5 +- 0.0310).
TEST(ClopperPearson, LargeTrialIsNarrowAndCentred) {
  const Proportion p = ClopperPearson(500, 1000);
  EXPECT_NEAR(p.ci_low + p.ci_high, 1.0, 1e-12);
  EXPECT_NEAR(p.ci_low, 0.4685, 5e-4);
}

TEST(ClopperPearson, EmptyGroupHasNoInformation) {
  const Proportion p = ClopperPearson(0, 0);
  EXPECT_EQ(p.rate, 0.0);
  EXPECT_EQ(p.ci_low, 0.0);
  EXPECT_EQ(p.ci_high, 1.0);
}

TEST(ClopperPearson, RefusesImpossibleCounts) {
  EXPECT_THROW(ClopperPearson(4, 3), std::invalid_argument);
  EXPECT_THROW(ClopperPearson(-1, 3), std::invalid_argument);
  EXPECT_THROW(ClopperPearson(1, 3, 1.0), std::invalid_argument);
}

// A 90 % interval (alpha = 0.1) is narrower: x=3,n=10 -> [0.0873, 0.6066] (same bisection check).
TEST(ClopperPearson, OtherConfidenceLevel) {
  const Proportion p = ClopperPearson(3, 10, 0.90);
  EXPECT_NEAR(p.ci_low, 0.0872644, 1e-6);
  EXPECT_NEAR(p.ci_high, 0.6066242, 1e-6);
}

}  // namespace
}  // namespace nadir::stats
