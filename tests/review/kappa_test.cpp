// Cohen's kappa against the worked examples of Altman, Practical Statistics for Medical
// Research (Chapman & Hall, 1991), section 14.3.
#include "measure/review/kappa.h"

#include <gtest/gtest.h>

namespace nadir {
namespace {

// Altman 1991, Table 14.2: 85 xeromammograms classified by two radiologists (Boyd et al.
// 1982) as normal, benign disease, suspicion of cancer, cancer. §14.3.1-14.3.2 report
// p_o = 0.64, p_e = 0.31, kappa = 0.47, se = 0.07 and a 95 % CI of 0.33 to 0.61.
TEST(CohensKappa, AltmanTable14_2Xeromammograms) {
  const auto k = CohensKappa({{21, 12, 0, 0}, {4, 17, 1, 0}, {3, 9, 15, 2}, {0, 0, 0, 1}});
  ASSERT_TRUE(k);
  EXPECT_EQ(k->n, 85);
  EXPECT_NEAR(k->observed_agreement, 54.0 / 85.0, 1e-12);  // 0.64
  EXPECT_NEAR(k->expected_agreement, 26.2 / 85.0, 1e-3);   // 26.2 chance agreements: 0.31
  EXPECT_NEAR(k->kappa, 0.47, 0.005);
  EXPECT_NEAR(k->standard_error, 0.07, 0.005);
  EXPECT_NEAR(k->lower95, 0.33, 0.005);
  // Altman prints 0.61, from kappa and se rounded to two decimals (0.47 + 1.96 x 0.07 = 0.607);
  // unrounded the limit is 0.615.
  EXPECT_NEAR(k->upper95, 0.61, 0.006);
}

// Altman 1991, Table 14.3: RAST against MAST on 363 sera in five ordered categories
// (Brostoff et al. 1984). §14.3.2: kappa = 0.32, 95 % CI 0.26 to 0.38.
TEST(CohensKappa, AltmanTable14_3RastAgainstMast) {
  const auto k = CohensKappa({{86, 3, 14, 0, 2},
                              {26, 0, 10, 4, 0},
                              {20, 2, 22, 4, 1},
                              {11, 1, 37, 16, 14},
                              {3, 0, 15, 24, 48}});
  ASSERT_TRUE(k);
  EXPECT_EQ(k->n, 363);
  EXPECT_NEAR(k->kappa, 0.32, 0.005);
  EXPECT_NEAR(k->lower95, 0.26, 0.005);
  EXPECT_NEAR(k->upper95, 0.38, 0.005);
}

// Altman 1991, Table 14.4: the same 80 % agreement gives kappa 0.38 or 0.60 depending on the
// prevalence of the categories (§14.3.5).
TEST(CohensKappa, AltmanTable14_4PrevalenceChangesKappa) {
  const auto a = CohensKappa({{70, 10}, {10, 10}});
  const auto b = CohensKappa({{40, 10}, {10, 40}});
  ASSERT_TRUE(a && b);
  EXPECT_NEAR(a->observed_agreement, 0.8, 1e-12);
  EXPECT_NEAR(b->observed_agreement, 0.8, 1e-12);
  EXPECT_NEAR(a->kappa, 0.375, 1e-12);  // (0.80 - 0.68) / 0.32, printed 0.38
  EXPECT_NEAR(b->kappa, 0.60, 1e-12);   // (0.80 - 0.50) / 0.50
}

TEST(CohensKappa, PerfectAgreementIsOneWithNoSpread) {
  const auto k = CohensKappa({{5, 0, 0}, {0, 3, 0}, {0, 0, 2}});
  ASSERT_TRUE(k);
  EXPECT_DOUBLE_EQ(k->kappa, 1.0);
  EXPECT_NEAR(k->standard_error, 0.0, 1e-12);
}

TEST(CohensKappa, UndefinedWhenEveryoneIsInOneCategory) {
  // p_e = 1: both readers called every subject PR; kappa = 0/0.
  EXPECT_FALSE(CohensKappa({{12}}));
  EXPECT_FALSE(CohensKappa({}));
  EXPECT_FALSE(CohensKappa({{1, 2}, {3}}));      // not square
  EXPECT_FALSE(CohensKappa({{1, -2}, {3, 4}}));  // negative count
  EXPECT_FALSE(CohensKappa({{0, 0}, {0, 0}}));   // no subjects
}

}  // namespace
}  // namespace nadir
