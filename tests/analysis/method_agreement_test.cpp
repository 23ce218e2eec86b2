// Bland-Altman and ICC(2,1) on data whose values are known.
#include "measure/stats/method_agreement.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using nadir::stats::BlandAltmanOf;
using nadir::stats::Icc21;

// Judges 1 and 2 of Shrout & Fleiss 1979, Table 2 (six targets).
const std::vector<std::pair<double, double>> kJudges = {{9, 2}, {6, 1},  {8, 4},
                                                        {7, 1}, {10, 5}, {6, 2}};

TEST(MethodAgreement, BlandAltmanOfTwoJudges) {
  const auto r = BlandAltmanOf(kJudges);
  EXPECT_EQ(r.n, 6);
  EXPECT_NEAR(r.bias, -5.1666667, 1e-6);
  EXPECT_NEAR(r.sd, 1.1690452, 1e-6);
  EXPECT_NEAR(r.lower, -7.4579952, 1e-6);
  EXPECT_NEAR(r.upper, -2.8753381, 1e-6);
}

TEST(MethodAgreement, Icc21PenalisesABiasAndIsOneForIdenticalMethods) {
  // Absolute agreement: the judges rank the targets alike but differ by 5 points.
  EXPECT_NEAR(Icc21(kJudges), 0.1256545, 1e-6);
  EXPECT_NEAR(Icc21({{10, 10}, {20, 20}, {31, 31}}), 1.0, 1e-12);
  EXPECT_TRUE(std::isnan(Icc21({{10, 11}})));
}

}  // namespace
