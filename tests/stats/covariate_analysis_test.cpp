// The covariate question of the CD70 trial: CD70-positive percentage against disease control.
#include "measure/stats/covariate_analysis.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "tests/stats/outcome_builder.h"

namespace nadir::stats {
namespace {

using namespace nadir::test;

// Hand-worked: controlled subjects have CD70 80, 70, 90, 60; uncontrolled 20, 50, 30 (+ one
// without the covariate). Pooled ranks: 20:1 30:2 50:3 60:4 70:5 80:6 90:7; rank sum of the
// controlled = 4+5+6+7 = 22, W = 22 - 10 = 12 = 4*3: complete separation, exact two-sided
// p = 2 / C(7, 3) = 2/35 = 0.0571. Medians 75 and 30.
TEST(CovariateAnalysis, RankTestBetweenControlledAndNot) {
  std::vector<SubjectOutcome> outcomes;
  int i = 0;
  auto add = [&](std::optional<double> cd70, Response best) {
    std::string id = "S";  // appended, not `"S" + ...`: GCC 12 warns falsely (-Wrestrict) there
    id += std::to_string(++i);
    Subject s = MakeSubject(id, "IV", "DL1");
    if (cd70) s.covariates["cd70_positive_pct"] = *cd70;
    const bool responded = best == Response::kPR;
    outcomes.push_back(OutcomeOf(
        s, MakeResult(s.id, best, responded ? "2026-03-30" : nullptr, nullptr, "2026-05-11"),
        Criteria::kRecist11));
  };
  add(80, Response::kPR);
  add(70, Response::kSD);
  add(90, Response::kPR);
  add(60, Response::kSD);
  add(20, Response::kPD);
  add(50, Response::kPD);
  add(30, Response::kNE);
  add(std::nullopt, Response::kPD);
  EXPECT_EQ(CovariateNames(outcomes), (std::vector<std::string>{"cd70_positive_pct"}));
  const CovariateAnalysis a = AnalyseCovariate(outcomes, "cd70_positive_pct");
  EXPECT_EQ(a.n, 7);
  EXPECT_EQ(a.missing, 1);
  EXPECT_EQ(a.with_control, 4);
  EXPECT_EQ(a.without_control, 3);
  EXPECT_EQ(*a.median_with_control, 75);
  EXPECT_EQ(*a.median_without_control, 30);
  EXPECT_TRUE(a.test.exact);
  EXPECT_EQ(a.test.w, 12);
  EXPECT_NEAR(a.test.p_value, 2.0 / 35.0, 1e-14);
  // Tertiles of 20, 30, 50, 60, 70, 80, 90: Q(1/3) = 50 (h = 2), Q(2/3) = 70 (h = 4).
  ASSERT_EQ(a.bands.bands.size(), 3u);
  EXPECT_EQ(a.bands.bands[0].label, "<= 50");
  EXPECT_EQ(a.bands.bands[0].dcr.k, 0);
  EXPECT_EQ(a.bands.bands[0].dcr.n, 3);
  EXPECT_EQ(a.bands.bands[1].dcr.k, 2);  // 60, 70
  EXPECT_EQ(a.bands.bands[2].orr.k, 2);  // 80, 90
  EXPECT_EQ(a.bands.missing, 1);
  // Given cut points instead of tertiles.
  const CovariateAnalysis c = AnalyseCovariate(outcomes, "cd70_positive_pct", {{65}});
  EXPECT_FALSE(c.tertiles);
  ASSERT_EQ(c.bands.bands.size(), 2u);
  EXPECT_EQ(c.bands.bands[1].dcr.k, 3);
  EXPECT_EQ(c.bands.bands[1].dcr.n, 3);
}

// A treated subject's outcome with these covariates (which must outlive the tally's Add).
EndpointOutcome Treated(const std::map<std::string, double>& covariates, bool control,
                        bool response) {
  static const std::map<std::string, std::string> kNoGroups;
  EndpointOutcome o;
  o.groups = &kNoGroups;
  o.covariates = &covariates;
  o.treated = true;
  o.control = control;
  o.response = response;
  return o;
}

// A report counts 100,000 subjects one at a time (issue 18): a covariate with three values
// over 3,000 treated subjects is held in at most 1,024 entries, and the analysis is worked by
// hand: CD70 2 for the 1,000 controlled subjects (500 with a response), 0 or 1 for the others.
// U = 1,000 x 2,000 (every controlled value above every other), normal approximation with ties.
TEST(CovariateAnalysis, TallyOfManySubjectsHoldsItsDistinctValues) {
  const std::vector<std::map<std::string, double>> values = {
      {{"cd70", 0}}, {{"cd70", 1}}, {{"cd70", 2}}};
  CovariateTally tally;
  for (int i = 0; i < 3000; ++i)
    tally.Add(Treated(values[i % 3], i % 3 == 2, i % 3 == 2 && i % 2 == 0));
  EXPECT_LE(tally.Entries("cd70"), 1024u);
  const CovariateAnalysis a = tally.Analyse("cd70");
  EXPECT_EQ(a.n, 3000);
  EXPECT_EQ(a.missing, 0);
  EXPECT_EQ(a.with_control, 1000);
  EXPECT_EQ(a.without_control, 2000);
  EXPECT_EQ(*a.median_with_control, 2);
  EXPECT_EQ(*a.median_without_control, 0.5);
  EXPECT_FALSE(a.test.exact);
  EXPECT_TRUE(a.test.ties);
  EXPECT_EQ(a.test.w, 1000.0 * 2000.0);
  EXPECT_LT(a.test.p_value, 1e-100);
  // Tertiles of 1,000 each of 0, 1, 2: Q(1/3) has h = 999.67, between the 1,000th and the
  // 1,001st value (0 and 1), so 0.67; Q(2/3) has h = 1999.33, so 1.33.
  ASSERT_EQ(a.bands.cuts.size(), 2u);
  EXPECT_NEAR(a.bands.cuts[0], 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(a.bands.cuts[1], 4.0 / 3.0, 1e-12);
  ASSERT_EQ(a.bands.bands.size(), 3u);
  EXPECT_EQ(a.bands.bands[0].dcr.n, 1000);
  EXPECT_EQ(a.bands.bands[1].dcr.n, 1000);
  EXPECT_EQ(a.bands.bands[2].dcr.k, 1000);
  EXPECT_EQ(a.bands.bands[2].orr.k, 500);
}

// -0 and +0 are one value: however the tally merges them, a median of zeros prints as "0".
TEST(CovariateAnalysis, TallyTakesMinusZeroAsZero) {
  const std::vector<std::map<std::string, double>> values = {{{"cd70", -0.0}}, {{"cd70", 0.0}}};
  CovariateTally tally;
  for (int i = 0; i < 2000; ++i) tally.Add(Treated(values[i % 2], true, false));
  EXPECT_LE(tally.Entries("cd70"), 1024u);
  const CovariateAnalysis a = tally.Analyse("cd70");
  ASSERT_TRUE(a.median_with_control);
  EXPECT_EQ(*a.median_with_control, 0.0);
  EXPECT_FALSE(std::signbit(*a.median_with_control));
}

}  // namespace
}  // namespace nadir::stats
