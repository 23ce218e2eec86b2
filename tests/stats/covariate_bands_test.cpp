// ORR and DCR by bands of a covariate (e.g. CD70-positive percentage).
#include "measure/stats/covariate_bands.h"

#include <gtest/gtest.h>

namespace nadir::stats {
namespace {

// Hyndman & Fan definition 7 (R's quantile default), by hand for 10, 20, ..., 90:
// Q(1/3): h = 8/3, 30 + (2/3) * 10 = 36.667; Q(2/3): h = 16/3, 60 + (1/3) * 10 = 63.333.
TEST(CovariateBands, TertilesHyndmanFanType7) {
  const std::vector<double> v = {90, 10, 20, 30, 40, 50, 60, 70, 80};
  const auto cuts = TertileCuts(v);
  ASSERT_EQ(cuts.size(), 2u);
  EXPECT_NEAR(cuts[0], 36.6666666667, 1e-9);
  EXPECT_NEAR(cuts[1], 63.3333333333, 1e-9);
  EXPECT_DOUBLE_EQ(SampleQuantile(v, 0.5), 50);
  EXPECT_DOUBLE_EQ(SampleQuantile({4, 1}, 0.25), 1.75);
}

// Hand-worked: nine subjects in three tertile bands; responses in the top band only.
// Top band: ORR 2/3 -> Clopper-Pearson [0.0943, 0.9916]; DCR 3/3 -> [0.2924, 1].
TEST(CovariateBands, RatesPerTertileBand) {
  std::vector<CovariateOutcome> s;
  for (int v : {10, 20, 30}) s.push_back({double(v), false, false});
  for (int v : {40, 50, 60}) s.push_back({double(v), false, v != 40});
  s.push_back({70.0, false, true});
  s.push_back({80.0, true, true});
  s.push_back({90.0, true, true});
  s.push_back({std::nullopt, true, true});  // no covariate: reported as missing
  const std::vector<double> values = {10, 20, 30, 40, 50, 60, 70, 80, 90};
  const CovariateBands b = RatesByBand(s, TertileCuts(values));
  ASSERT_EQ(b.bands.size(), 3u);
  EXPECT_EQ(b.missing, 1);
  EXPECT_EQ(b.bands[0].label, "<= 36.67");
  EXPECT_EQ(b.bands[1].label, "36.67-63.33");
  EXPECT_EQ(b.bands[2].label, "> 63.33");
  EXPECT_EQ(b.bands[0].dcr.k, 0);
  EXPECT_EQ(b.bands[0].dcr.n, 3);
  EXPECT_EQ(b.bands[1].dcr.k, 2);
  EXPECT_EQ(b.bands[2].orr.k, 2);
  EXPECT_NEAR(b.bands[2].orr.ci_low, 0.0942993, 1e-6);
  EXPECT_NEAR(b.bands[2].orr.ci_high, 0.9915962, 1e-6);
  EXPECT_NEAR(b.bands[2].dcr.ci_low, 0.2924018, 1e-6);
}

// Given cut points: a value equal to a cut falls in the lower band (x <= c).
TEST(CovariateBands, GivenCutPointsAreInclusiveAbove) {
  const CovariateBands b = RatesByBand({{50.0, true, true}, {50.1, false, true}}, {50});
  ASSERT_EQ(b.bands.size(), 2u);
  EXPECT_EQ(b.bands[0].label, "<= 50");
  EXPECT_EQ(b.bands[0].orr.k, 1);
  EXPECT_EQ(b.bands[0].orr.n, 1);
  EXPECT_EQ(b.bands[1].label, "> 50");
  EXPECT_EQ(b.bands[1].dcr.n, 1);
}

}  // namespace
}  // namespace nadir::stats
