// The special functions under the exact binomial interval and the normal approximations.
#include "measure/stats/special_functions.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nadir::stats {
namespace {

// I_x(1, 1) = x (uniform CDF); I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b: closed forms
// (Abramowitz & Stegun 26.5.1 with the beta integral done by hand).
TEST(IncompleteBeta, ClosedFormsForUnitShapes) {
  EXPECT_NEAR(RegularizedIncompleteBeta(0.3, 1, 1), 0.3, 1e-14);
  EXPECT_NEAR(RegularizedIncompleteBeta(0.5, 3, 1), 0.125, 1e-14);
  EXPECT_NEAR(RegularizedIncompleteBeta(0.2, 1, 4), 1 - std::pow(0.8, 4), 1e-14);
}

// I_x(a, b) is a binomial tail: I_p(k, n - k + 1) = P(X >= k), X ~ Bin(n, p) (A&S 26.5.24).
// Bin(10, 0.3): P(X >= 3) = 1 - (0.7^10 + 10 0.3 0.7^9 + 45 0.09 0.7^8) = 0.6172172136.
TEST(IncompleteBeta, EqualsBinomialUpperTail) {
  EXPECT_NEAR(RegularizedIncompleteBeta(0.3, 3, 8), 0.6172172136, 1e-10);
}

// Symmetry I_x(a, b) = 1 - I_{1-x}(b, a), exercised on both branches of the continued fraction.
TEST(IncompleteBeta, Symmetry) {
  for (double x : {0.05, 0.3, 0.5, 0.77, 0.99})
    EXPECT_NEAR(RegularizedIncompleteBeta(x, 2.5, 7.0),
                1.0 - RegularizedIncompleteBeta(1.0 - x, 7.0, 2.5), 1e-14);
}

TEST(IncompleteBeta, InverseRoundTripsAcrossShapes) {
  for (double a : {0.5, 1.0, 3.0, 40.0, 900.0})
    for (double b : {0.5, 2.0, 11.0, 300.0})
      for (double p : {1e-6, 0.025, 0.5, 0.975, 1 - 1e-6}) {
        // The best a double can do: p lies between I at x moved 4 ulps down and 4 ulps up.
        const double x = InverseRegularizedIncompleteBeta(p, a, b);
        double below = x, above = x;
        for (int u = 0; u < 4; ++u) {
          below = std::nextafter(below, 0.0);
          above = std::nextafter(above, 1.0);
        }
        EXPECT_LE(RegularizedIncompleteBeta(below, a, b), p * (1 + 1e-13))
            << "a=" << a << " b=" << b << " p=" << p;
        EXPECT_GE(RegularizedIncompleteBeta(above, a, b), p * (1 - 1e-13))
            << "a=" << a << " b=" << b << " p=" << p;
      }
}

// The median of Beta(a, a) is 1/2 by symmetry; Beta(1, b) has quantile 1 - (1 - p)^(1/b).
TEST(IncompleteBeta, InverseKnownQuantiles) {
  EXPECT_NEAR(InverseRegularizedIncompleteBeta(0.5, 6, 6), 0.5, 1e-14);
  EXPECT_NEAR(InverseRegularizedIncompleteBeta(0.975, 1, 10), 1 - std::pow(0.025, 0.1), 1e-14);
}

// z_{0.975} = 1.959963984540054 and Phi(1.644853626951472) = 0.95 (Abramowitz & Stegun
// Table 26.5, to the digits printed there: 1.959964, 1.644854).
TEST(Normal, QuantilesAndCdf) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-13);
  EXPECT_NEAR(NormalQuantile(0.05), -1.644853626951472, 1e-13);
  EXPECT_NEAR(NormalCdf(1.959963984540054), 0.975, 1e-15);
  EXPECT_NEAR(NormalUpperTail(5.0), 2.866515718791939e-07, 1e-20);
}

}  // namespace
}  // namespace nadir::stats
