// Median survival and its Brookmeyer-Crowley interval.
#include "measure/stats/km_median.h"

#include <gtest/gtest.h>

#include "tests/stats/km_textbook_data.h"

namespace nadir::stats {
namespace {

// Freireich 6-MP arm: S(22) = 0.538 > 0.5 >= S(23) = 0.448, so the median is 23 weeks (Klein &
// Moeschberger 2003, section 4.5; Kalbfleisch & Prentice 2002, section 1.4). With the log
// transform R's survfit prints 95 % limits 16 and NA: the lower band first falls to 0.5 at week
// 16 (0.4394; at week 13 it is 0.5096) and the upper band never does.
TEST(MedianSurvival, Freireich6MpLogTransformMatchesR) {
  const MedianEstimate m =
      MedianSurvival(KaplanMeier(test::Freireich6Mp()), 0.95, CiTransform::kLog);
  ASSERT_TRUE(m.median);
  EXPECT_EQ(*m.median, 23);
  ASSERT_TRUE(m.ci_low);
  EXPECT_EQ(*m.ci_low, 16);
  EXPECT_FALSE(m.ci_high);  // not reached
}

// The same with the default log-log transform, worked by hand: the lower band is 0.5032 at
// week 10 and 0.4316 at week 13, so the lower limit is 13; the upper band stays above 0.5.
TEST(MedianSurvival, Freireich6MpLogLogWorkedByHand) {
  const MedianEstimate m = MedianSurvival(KaplanMeier(test::Freireich6Mp()));
  EXPECT_EQ(m.transform, CiTransform::kLogLog);
  EXPECT_EQ(*m.median, 23);
  EXPECT_EQ(*m.ci_low, 13);
  EXPECT_FALSE(m.ci_high);
}

// Freireich placebo arm: median 8 weeks; R's survfit (log transform) prints limits 4 and 12.
// Log-log by hand: lower band 0.4254 at week 4 (0.5194 at week 3); upper band 0.5778 at week 8,
// 0.4818 at week 11: [4, 11].
TEST(MedianSurvival, FreireichPlaceboBothTransforms) {
  const KmCurve c = KaplanMeier(test::FreireichPlacebo());
  const MedianEstimate log = MedianSurvival(c, 0.95, CiTransform::kLog);
  EXPECT_EQ(*log.median, 8);
  EXPECT_EQ(*log.ci_low, 4);
  EXPECT_EQ(*log.ci_high, 12);
  const MedianEstimate loglog = MedianSurvival(c);
  EXPECT_EQ(*loglog.median, 8);
  EXPECT_EQ(*loglog.ci_low, 4);
  EXPECT_EQ(*loglog.ci_high, 11);
  // Plain (linear) Brookmeyer-Crowley: lower band 0.4650 at week 4; upper 0.4789 at week 11.
  const MedianEstimate plain = MedianSurvival(c, 0.95, CiTransform::kPlain);
  EXPECT_EQ(*plain.ci_low, 4);
  EXPECT_EQ(*plain.ci_high, 11);
}

// Collett 2015, chapter 2: the median time to discontinuation of the IUD is 93 weeks
// (S(75) = 0.5594, S(93) = 0.4662).
TEST(MedianSurvival, CollettIntrauterineDevice) {
  const MedianEstimate m = MedianSurvival(KaplanMeier(test::CollettIud()));
  EXPECT_EQ(*m.median, 93);
  EXPECT_EQ(*m.ci_low, 36);  // log-log lower band 0.4536 at week 36, 0.5241 at week 30
  EXPECT_FALSE(m.ci_high);
}

// Hand-worked: deaths at 1, 2, 3, 4: S = 0.75, 0.5, 0.25, 0. S equals 0.5 exactly on [2, 3), so
// the median is the midpoint 2.5 (the convention of R's survival package and SAS LIFETEST).
TEST(MedianSurvival, FlatAtOneHalfTakesTheMidpoint) {
  const KmCurve c = KaplanMeier({{1, true}, {2, true}, {3, true}, {4, true}});
  EXPECT_DOUBLE_EQ(*MedianSurvival(c).median, 2.5);
  // Ending on the flat part (censored after 2): the start of the flat part.
  const KmCurve d = KaplanMeier({{1, true}, {2, true}, {3, false}, {4, false}});
  EXPECT_DOUBLE_EQ(*MedianSurvival(d).median, 2.0);
}

TEST(MedianSurvival, NotReachedWithoutEventsOrForEmptyGroups) {
  const MedianEstimate none = MedianSurvival(KaplanMeier({{10, false}, {20, false}}));
  EXPECT_FALSE(none.median);
  EXPECT_FALSE(none.ci_low);
  EXPECT_FALSE(none.ci_high);
  EXPECT_FALSE(MedianSurvival(KaplanMeier({})).median);
}

// A single subject who dies at day 100: S falls from 1 to 0 there, so the median and both
// limits are 100 (the bands collapse to 0 with S).
TEST(MedianSurvival, SingleSubjectWithEvent) {
  const MedianEstimate m = MedianSurvival(KaplanMeier({{100, true}}));
  EXPECT_EQ(*m.median, 100);
  EXPECT_EQ(*m.ci_low, 100);
  EXPECT_EQ(*m.ci_high, 100);
}

}  // namespace
}  // namespace nadir::stats
