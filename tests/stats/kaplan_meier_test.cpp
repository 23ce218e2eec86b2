// Kaplan-Meier with Greenwood standard errors against published textbook examples.
#include "measure/stats/kaplan_meier.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "tests/stats/km_textbook_data.h"

namespace nadir::stats {
namespace {

const KmStep* StepAt(const KmCurve& c, double t) {
  for (const auto& s : c.steps)
    if (s.time == t) return &s;
  return nullptr;
}

// Freireich et al., Blood 1963;21:699-716, 6-MP arm (remission times in weeks), the classic
// example of Kalbfleisch & Prentice 2002 (section 1.4) and Klein & Moeschberger 2003 (Example
// 4.1); the estimates and Greenwood SEs printed there (and by R's survfit) are
// 0.857 (0.076), 0.807 (0.087), 0.753 (0.096), 0.690 (0.107), 0.627 (0.114), 0.538 (0.128),
// 0.448 (0.135). Four more digits come from the product-limit formula worked by hand.
// At week 6, three relapses and one censoring tie: the censored subject is still at risk (n=21).
TEST(KaplanMeier, Freireich6MpMatchesTextbook) {
  const KmCurve c = KaplanMeier(test::Freireich6Mp());
  EXPECT_EQ(c.n, 21);
  EXPECT_EQ(c.events, 9);
  EXPECT_EQ(c.censored, 12);
  struct Row {
    double t;
    int n, d;
    double s, se;
  };
  const Row rows[] = {{6, 21, 3, 0.857143, 0.076360},  {7, 17, 1, 0.806723, 0.086935},
                      {10, 15, 1, 0.752941, 0.096350}, {13, 12, 1, 0.690196, 0.106815},
                      {16, 11, 1, 0.627451, 0.114054}, {22, 7, 1, 0.537815, 0.128234},
                      {23, 6, 1, 0.448179, 0.134591}};
  for (const Row& r : rows) {
    const KmStep* s = StepAt(c, r.t);
    ASSERT_NE(s, nullptr) << "week " << r.t;
    EXPECT_EQ(s->at_risk, r.n) << "week " << r.t;
    EXPECT_EQ(s->events, r.d) << "week " << r.t;
    EXPECT_NEAR(s->survival, r.s, 5e-7) << "week " << r.t;
    EXPECT_NEAR(s->std_err, r.se, 5e-7) << "week " << r.t;
  }
  // Week 6 also carries the censoring; the curve is flat after week 23 to the last time (35+).
  EXPECT_EQ(StepAt(c, 6)->censored, 1);
  EXPECT_NEAR(c.steps.back().survival, 0.448179, 5e-7);
  EXPECT_EQ(c.steps.back().time, 35);
}

// Collett 2015 (Modelling Survival Data in Medical Research, 3rd ed.), Example 1.1 (data) and
// chapter 2 (its Kaplan-Meier estimate and Greenwood standard errors): discontinuation of an
// intrauterine device, 18 women, weeks. Collett prints S = 0.9444, 0.8815, 0.8137, 0.7459,
// 0.6526, 0.5594, 0.4662, 0.3729, 0.2486 and Greenwood SEs 0.0540, 0.0790, 0.0978, 0.1107,
// 0.1303, 0.1412, 0.1452, 0.1430, 0.1392.
// At week 107 one discontinuation and two censorings tie (events first: n = 3).
TEST(KaplanMeier, CollettIntrauterineDeviceMatchesTextbook) {
  const KmCurve c = KaplanMeier(test::CollettIud());
  const double t[] = {10, 19, 30, 36, 59, 75, 93, 97, 107};
  const double s[] = {0.9444, 0.8815, 0.8137, 0.7459, 0.6526, 0.5594, 0.4662, 0.3729, 0.2486};
  const double se[] = {0.0540, 0.0790, 0.0978, 0.1107, 0.1303, 0.1412, 0.1452, 0.1430, 0.1392};
  for (int i = 0; i < 9; ++i) {
    const KmStep* step = StepAt(c, t[i]);
    ASSERT_NE(step, nullptr);
    EXPECT_NEAR(step->survival, s[i], 5e-5) << "week " << t[i];
    EXPECT_NEAR(step->std_err, se[i], 5e-5) << "week " << t[i];
  }
  EXPECT_EQ(StepAt(c, 107)->at_risk, 3);
  EXPECT_EQ(StepAt(c, 107)->censored, 2);
}

// Freireich placebo arm: no censoring, so S(t) is the empirical survival function:
// S(8) = 8/21 after 4 relapses at week 8 among 12 at risk; the last relapse takes S to 0, where
// the Greenwood variance is 0 by convention.
TEST(KaplanMeier, FreireichPlaceboReachesZero) {
  const KmCurve c = KaplanMeier(test::FreireichPlacebo());
  EXPECT_EQ(c.events, 21);
  EXPECT_NEAR(StepAt(c, 8)->survival, 8.0 / 21.0, 1e-15);
  EXPECT_EQ(StepAt(c, 8)->at_risk, 12);
  EXPECT_EQ(c.steps.back().survival, 0.0);
  EXPECT_EQ(c.steps.back().std_err, 0.0);
  EXPECT_EQ(c.steps.back().greenwood_sum, std::numeric_limits<double>::infinity());
}

// Hand-worked: no events at all: S = 1 everywhere, SE 0, interval [1, 1].
TEST(KaplanMeier, GroupWithNoEvents) {
  const KmCurve c = KaplanMeier({{30, false}, {60, false}, {90, false}});
  ASSERT_EQ(c.steps.size(), 3u);
  for (const auto& s : c.steps) EXPECT_EQ(s.survival, 1.0);
  const auto e = SurvivalAt(c, 45);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->survival, 1.0);
  EXPECT_EQ(e->ci_low, 1.0);
  EXPECT_EQ(e->at_risk, 2);
}

// Hand-worked: a single subject with an event at day 100: S drops from 1 to 0.
TEST(KaplanMeier, SingleSubject) {
  const KmCurve event = KaplanMeier({{100, true}});
  ASSERT_EQ(event.steps.size(), 1u);
  EXPECT_EQ(event.steps[0].survival, 0.0);
  EXPECT_EQ(SurvivalAt(event, 99)->survival, 1.0);
  EXPECT_EQ(SurvivalAt(event, 500)->survival, 0.0);  // S stays 0 past the last time
  const KmCurve censored = KaplanMeier({{100, false}});
  EXPECT_EQ(censored.steps[0].survival, 1.0);
  EXPECT_FALSE(SurvivalAt(censored, 101));  // beyond follow-up: unknown
}

TEST(KaplanMeier, EmptyGroup) {
  const KmCurve c = KaplanMeier({});
  EXPECT_EQ(c.n, 0);
  EXPECT_TRUE(c.steps.empty());
  EXPECT_FALSE(SurvivalAt(c, 1));
  EXPECT_EQ(NumbersAtRisk(c, {0, 10}), (std::vector<int>{0, 0}));
}

// Hand-worked ties: deaths at day 5 (two) and a censoring at day 5, n = 4 -> at risk 4 at day 5,
// S(5) = 1 - 2/4 = 0.5; Greenwood sum 2/(4*2) = 0.25, SE = 0.5 * 0.5 = 0.25. Then the last
// subject dies at day 9: n = 1, S = 0.
TEST(KaplanMeier, EventsComeBeforeCensoringsOnTheSameDay) {
  const KmCurve c = KaplanMeier({{5, true}, {5, false}, {9, true}, {5, true}});
  ASSERT_EQ(c.steps.size(), 2u);
  EXPECT_EQ(c.steps[0].at_risk, 4);
  EXPECT_EQ(c.steps[0].events, 2);
  EXPECT_EQ(c.steps[0].censored, 1);
  EXPECT_DOUBLE_EQ(c.steps[0].survival, 0.5);
  EXPECT_DOUBLE_EQ(c.steps[0].std_err, 0.25);
  EXPECT_EQ(c.steps[1].at_risk, 1);
  EXPECT_EQ(c.steps[1].survival, 0.0);
}

// Pointwise intervals at week 13 of the 6-MP arm (S = 0.690196, Greenwood sum 0.023952):
// plain 0.690196 -+ 1.959964 * 0.106815 = [0.4808, 0.8995]; log (R's survfit default)
// [0.5096, 0.9348]; log-log [0.4316, 0.8491] (worked by hand from the formulas in Collett 2.2.3).
TEST(KaplanMeier, PointwiseIntervalsFreireichWeek13) {
  const KmCurve c = KaplanMeier(test::Freireich6Mp());
  const auto plain = SurvivalAt(c, 13, CiTransform::kPlain);
  const auto log = SurvivalAt(c, 14, CiTransform::kLog);  // flat between 13 and 16
  const auto loglog = SurvivalAt(c, 15, CiTransform::kLogLog);
  EXPECT_NEAR(plain->ci_low, 0.4808, 5e-5);
  EXPECT_NEAR(plain->ci_high, 0.8995, 5e-5);
  EXPECT_NEAR(log->ci_low, 0.5096, 5e-5);
  EXPECT_NEAR(log->ci_high, 0.9348, 5e-5);
  EXPECT_NEAR(loglog->ci_low, 0.4316, 5e-5);
  EXPECT_NEAR(loglog->ci_high, 0.8491, 5e-5);
  EXPECT_EQ(loglog->at_risk, 11);  // still at risk at week 15: 16, 17+, ... (11 subjects)
}

// The plain interval is clipped to [0, 1]: placebo arm at week 15, S = 3/21 = 0.142857, SE
// 0.076360: 0.142857 - 1.959964 * 0.076360 < 0 -> [0, 0.2925]; log-log stays inside:
// [0.0357, 0.3212] (worked by hand).
TEST(KaplanMeier, PlainIntervalIsClippedAtZero) {
  const KmCurve c = KaplanMeier(test::FreireichPlacebo());
  const auto plain = SurvivalAt(c, 15, CiTransform::kPlain);
  EXPECT_NEAR(plain->survival, 3.0 / 21.0, 1e-15);
  EXPECT_EQ(plain->ci_low, 0.0);
  EXPECT_NEAR(plain->ci_high, 0.2925, 5e-5);
  const auto loglog = SurvivalAt(c, 15);
  EXPECT_NEAR(loglog->ci_low, 0.0357, 5e-5);
  EXPECT_NEAR(loglog->ci_high, 0.3212, 5e-5);
}

// Numbers at risk under the 6-MP curve at weeks 0, 10, 20, 30, 40 (counted from the data):
// 21 (all), 15 (times >= 10), 8 (>= 20: 20+,22,23,25+,32+,32+,34+,35+), 4, 0.
TEST(KaplanMeier, NumbersAtRiskFreireich) {
  const KmCurve c = KaplanMeier(test::Freireich6Mp());
  EXPECT_EQ(NumbersAtRisk(c, {0, 10, 20, 30, 40}), (std::vector<int>{21, 15, 8, 4, 0}));
}

TEST(KaplanMeier, RefusesNegativeTimes) {
  EXPECT_THROW(KaplanMeier({{-1, true}}), std::invalid_argument);
}

// A trial report counts its subjects one at a time (issue 18): the tally keeps one count per
// distinct time, so 10,000 subjects followed for 30 days take 30 entries, and the estimate is
// the textbook one (events before censorings on a shared day, as above).
TEST(KaplanMeier, TallyKeepsOneCountPerDistinctTime) {
  KmTally tally;
  for (int i = 0; i < 10000; ++i) tally.Add({double(1 + i % 30), i % 3 == 0});
  EXPECT_EQ(tally.n(), 10000);
  EXPECT_EQ(tally.counts().size(), 30u);
  const KmCurve c = KaplanMeierOfTally(tally);
  ASSERT_EQ(c.steps.size(), 30u);
  // Day 1: subjects 0, 30, 60 ... (334 of them); i % 3 == 0 for every one of them.
  EXPECT_EQ(c.steps[0].at_risk, 10000);
  EXPECT_EQ(c.steps[0].events, 334);
  EXPECT_EQ(c.steps[0].censored, 0);
  EXPECT_DOUBLE_EQ(c.steps[0].survival, 1.0 - 334.0 / 10000.0);
  EXPECT_EQ(c.events + c.censored, 10000);
}

TEST(KaplanMeier, TallyRefusesABadTimeAndCountsNothing) {
  KmTally tally;
  tally.Add({5, true});
  EXPECT_THROW(tally.Add({-1, true}), std::invalid_argument);
  EXPECT_THROW(tally.Add({std::nan(""), false}), std::invalid_argument);
  EXPECT_EQ(tally.n(), 1);
  EXPECT_EQ(tally.counts().size(), 1u);
}

}  // namespace
}  // namespace nadir::stats
