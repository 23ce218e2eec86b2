// Non-compartmental analysis against a textbook data set: theophylline, subject 1 of R's
// datasets::Theoph (Boeckmann, Sheiner & Beal, NONMEM Users Guide Part V, 1994), times in
// hours, levels in mg/L. Published values for subject 1 (PKNCA's "Introduction and Usage"
// vignette and its CDISC export; Phoenix WinNonlin "linear up/log down" results reproduced in
// PKNCA's tests): Cmax 10.50 at Tmax 1.12 h, Clast 3.28 at Tlast 24.37 h, AUClast 147.2347
// h*mg/L by linear-up/log-down (148.9231 with the linear rule only, as NonCompart's sNCA
// prints). The partial AUCs were worked by hand, segment by segment (see each test).
#include "measure/stats/noncompartmental.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace nadir::stats {
namespace {

std::vector<LevelSample> Theoph1() {
  const double t[] = {0, 0.25, 0.57, 1.12, 2.02, 3.82, 5.10, 7.03, 9.05, 12.12, 24.37};
  const double c[] = {0.74, 2.84, 6.57, 10.50, 9.66, 8.58, 8.36, 7.47, 6.89, 5.94, 3.28};
  std::vector<LevelSample> s;
  for (int i = 0; i < 11; ++i) s.push_back({t[i], c[i], false});
  return s;
}

// Relative agreement to 4 significant digits.
void ExpectSig4(std::optional<double> got, double want) {
  ASSERT_TRUE(got);
  EXPECT_NEAR(*got, want, 5e-5 * std::fabs(want)) << *got << " vs " << want;
}

TEST(Nca, TheophyllineSubjectOnePublishedValues) {
  const NcaResult r = NonCompartmental(Theoph1(), {24.37});
  ExpectSig4(r.cmax, 10.50);
  ExpectSig4(r.tmax, 1.12);
  ExpectSig4(r.clast, 3.28);
  ExpectSig4(r.tlast, 24.37);
  ExpectSig4(r.auc[0], 147.2347);  // AUClast, PKNCA / WinNonlin
}

// AUC 0-12: 12 h lies between 9.05 h (6.89) and 12.12 h (5.94), falling: log interpolation,
// C(12) = exp(ln 6.89 + (2.95 / 3.07)(ln 5.94 - ln 6.89)) = 5.974547; the linear rises up to
// 1.12 h give 0.44750 + 1.50400 + 4.69425 = 6.64575, the log falls to 9.05 h 65.55979..., and
// the cut segment 2.95 (6.89 - 5.974547) / ln(6.89 / 5.974547) = 18.89... (total 91.65057).
TEST(Nca, PartialAucInterpolatesLogWhenFalling) {
  const Profile p = CleanProfile(Theoph1());
  ExpectSig4(InterpolateLevel(p, 12), 5.974547);
  ExpectSig4(AucLinearUpLogDown(p, 12), 91.65057);
  ExpectSig4(AucLinearUpLogDown(p, 24), 146.0102);  // C(24) = 3.339365, log-interpolated
}

// AUC 0-1: 1 h lies between 0.57 h (6.57) and 1.12 h (10.50), rising: linear interpolation,
// C(1) = 6.57 + (0.43 / 0.55) 3.93 = 9.642545; AUC = 0.4475 + 1.504 + 0.43 (6.57 + 9.642545) / 2
// = 5.438797.
TEST(Nca, PartialAucInterpolatesLinearWhenRising) {
  const Profile p = CleanProfile(Theoph1());
  ExpectSig4(InterpolateLevel(p, 1), 9.642545);
  ExpectSig4(AucLinearUpLogDown(p, 1), 5.438797);
}

TEST(Nca, AucBeyondTheLastSampleIsNull) {
  const NcaResult r = NonCompartmental(Theoph1(), {24, 30});
  EXPECT_TRUE(r.auc[0]);
  EXPECT_FALSE(r.auc[1]);
}

// A fall to 0 cannot be log-trapezoidal (ln 0): it is linear, as in PKNCA. 0-1 rising 2,
// 1-2 falling to 0 linear 2; the level half-way down is 2.
TEST(Nca, FallToZeroIsLinear) {
  Profile p{{0, 1, 2}, {0, 4, 0}};
  ExpectSig4(AucLinearUpLogDown(p, 2), 4.0);
  ExpectSig4(InterpolateLevel(p, 1.5), 2.0);
}

// BLQ (PKNCA defaults): before the first measurable sample 0, between measurable ones dropped,
// after the last one 0. No sample at day 0 adds 0 at day 0.
TEST(Nca, BelowLimitRuleAndDayZero) {
  const Profile p = CleanProfile(
      {{3, 0, true}, {7, 50, false}, {10, 0, true}, {14, 20, false}, {28, 0, true}, {60, 0, true}});
  const std::vector<double> t = {0, 3, 7, 14, 28, 60};
  const std::vector<double> c = {0, 0, 50, 20, 0, 0};
  EXPECT_EQ(p.time, t);
  EXPECT_EQ(p.value, c);
  const NcaResult r = NonCompartmental(
      {{3, 0, true}, {7, 50, false}, {10, 0, true}, {14, 20, false}, {28, 0, true}, {60, 0, true}},
      {28, 90});
  ExpectSig4(r.cmax, 50);
  ExpectSig4(r.tmax, 7);
  ExpectSig4(r.clast, 20);
  ExpectSig4(r.tlast, 14);
  // 0-7: 4 * 50 / 2 = 100; 7-14 log: 7 * 30 / ln 2.5 = 229.1849; 14-28 linear to 0: 140.
  ExpectSig4(r.auc[0], 469.1849);
  EXPECT_FALSE(r.auc[1]);
}

TEST(Nca, FirstDayOfCmaxIsTmax) {
  const NcaResult r = NonCompartmental({{0, 0, false}, {7, 5, false}, {14, 5, false}}, {});
  ExpectSig4(r.tmax, 7);
}

TEST(Nca, RepeatedOrNegativeTimesAreRefused) {
  EXPECT_THROW(CleanProfile({{1, 2, false}, {1, 3, false}}), std::invalid_argument);
  EXPECT_THROW(CleanProfile({{-1, 2, false}}), std::invalid_argument);
  EXPECT_THROW(CleanProfile({{1, -2, false}}), std::invalid_argument);
}

// Geometric mean of 1, 10, 100 is 10; s of ln x = ln 10 = 2.302585, CV = 100 sqrt(e^(s^2) - 1)
// = 100 sqrt(e^5.301898 - 1) = 1413.2 %.
TEST(Geometric, MeanAndCv) {
  const GeometricSummary g = Geometric({1, 10, 100, 0});
  EXPECT_EQ(g.n, 3);
  EXPECT_EQ(g.not_positive, 1);
  ExpectSig4(g.mean, 10);
  ExpectSig4(g.cv_pct, 1413.2);
  EXPECT_FALSE(Geometric({5}).cv_pct);
}

}  // namespace
}  // namespace nadir::stats
