// The Wilcoxon-Mann-Whitney rank-sum test for a covariate between subjects with and without
// disease control.
#include "measure/stats/rank_test.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace nadir::stats {
namespace {

// Hollander & Wolfe, Nonparametric Statistical Methods (1973), pp. 69 ff.: permeability
// constants of the human chorioamnion at term (x, n = 10) and at 12-26 weeks (y, n = 5); also
// the example of R's wilcox.test help page, which prints W = 35, p = 0.1272 for the one-sided
// test (x greater). The exact two-sided p is twice that: 0.2544 (= 2 * 386 / 3003, counted by
// enumerating all 3003 splits).
TEST(WilcoxonRankSum, HollanderWolfeChorioamnionExact) {
  const std::vector<double> x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
  const std::vector<double> y = {1.15, 0.88, 0.90, 0.74, 1.21};
  const RankSumTest t = WilcoxonRankSum(x, y);
  EXPECT_TRUE(t.exact);
  EXPECT_FALSE(t.ties);
  EXPECT_EQ(t.w, 35);
  EXPECT_EQ(t.rank_sum, 90);  // 35 + 10 * 11 / 2
  EXPECT_NEAR(t.p_value, 0.2544122544, 1e-9);
  EXPECT_NEAR(1.0 - MannWhitneyCdf(34, 10, 5), 0.1272061272, 1e-9);  // R's one-sided value
  // Swapping the samples mirrors U (15 = 50 - 35) and keeps the two-sided p.
  const RankSumTest s = WilcoxonRankSum(y, x);
  EXPECT_EQ(s.w, 15);
  EXPECT_NEAR(s.p_value, t.p_value, 1e-12);
}

// Null distribution of U for m = n = 2 by hand: the 6 orderings give U = 0, 1, 2, 2, 3, 4,
// so P(U <= 0) = 1/6, P(U <= 2) = 4/6.
TEST(WilcoxonRankSum, ExactDistributionSmallestCase) {
  EXPECT_NEAR(MannWhitneyCdf(0, 2, 2), 1.0 / 6, 1e-15);
  EXPECT_NEAR(MannWhitneyCdf(1, 2, 2), 2.0 / 6, 1e-15);
  EXPECT_NEAR(MannWhitneyCdf(2, 2, 2), 4.0 / 6, 1e-15);
  EXPECT_EQ(MannWhitneyCdf(4, 2, 2), 1.0);
}

// Hand-worked with ties: x = {1, 2, 2, 4}, y = {2, 3, 5}. Mid-ranks: 1; the three 2's share
// (2+3+4)/3 = 3; 3 -> 5; 4 -> 6; 5 -> 7. Rank sum of x = 1 + 3 + 3 + 6 = 13, W = 13 - 10 = 3.
// Tie-corrected variance: 4*3/12 * (8 - (27 - 3)/(7*6)) = 7.428571, sigma = 2.725541;
// z = (3 - 6 + 0.5) / sigma = -0.917249; p = 2 Phi(z) = 0.3590 (as R's wilcox.test prints).
TEST(WilcoxonRankSum, TiesUseNormalApproximationWithCorrection) {
  const RankSumTest t = WilcoxonRankSum({1, 2, 2, 4}, {2, 3, 5});
  EXPECT_FALSE(t.exact);
  EXPECT_TRUE(t.ties);
  EXPECT_EQ(t.rank_sum, 13);
  EXPECT_EQ(t.w, 3);
  EXPECT_NEAR(t.z, -0.9172492321, 1e-9);
  EXPECT_NEAR(t.p_value, 0.3590120538, 1e-9);
}

// Large samples without ties: x = 0, 2, ..., 118 and y = 1, 3, ..., 119 (60 each). Rank sum of x
// = 1 + 3 + ... + 119 = 3600, W = 3600 - 1830 = 1770; sigma = sqrt(60*60/12 * 121) = 190.526;
// z = (1770 - 1800 + 0.5) / sigma = -0.154835; p = 0.87695.
TEST(WilcoxonRankSum, LargeSamplesUseNormalApproximation) {
  std::vector<double> x, y;
  for (int i = 0; i < 60; ++i) {
    x.push_back(2 * i);
    y.push_back(2 * i + 1);
  }
  const RankSumTest t = WilcoxonRankSum(x, y);
  EXPECT_FALSE(t.exact);
  EXPECT_EQ(t.w, 1770);
  EXPECT_NEAR(t.z, -0.1548348449, 1e-9);
  EXPECT_NEAR(t.p_value, 0.8769515202, 1e-9);
}

// Complete separation, 5 against 5: U = 25, the only split that extreme, so the two-sided
// exact p = 2 / C(10, 5) = 2 / 252 = 0.0079365.
TEST(WilcoxonRankSum, CompleteSeparationExact) {
  const RankSumTest t = WilcoxonRankSum({6, 7, 8, 9, 10}, {1, 2, 3, 4, 5});
  EXPECT_EQ(t.w, 25);
  EXPECT_NEAR(t.p_value, 2.0 / 252.0, 1e-14);
}

TEST(WilcoxonRankSum, EmptySampleOrAllEqualGivesNoEvidence) {
  EXPECT_EQ(WilcoxonRankSum({}, {1, 2}).p_value, 1.0);
  EXPECT_EQ(WilcoxonRankSum({3, 3}, {3, 3, 3}).p_value, 1.0);
  EXPECT_THROW(WilcoxonRankSum({1.0 / 0.0}, {1}), std::invalid_argument);
}

}  // namespace
}  // namespace nadir::stats
