// Endpoint tables per group, on a six-subject trial worked by hand:
//   A  IV DL1  PR  (response 2026-03-30, progression 2026-07-06: PFS 179 event, DOR 98 event)
//   B  IV DL1  SD  (no progression, last adequate 2026-05-11: PFS 123 censored)
//   C  IV DL2  PD  (progression 2026-02-16: PFS 39 event)
//   D  IP DL1  CR  (response 2026-03-30, last adequate 2026-11-02: PFS 298 censored, DOR 217
//                   censored)
//   E  IP DL1  errors in the file: not evaluable, in the denominator, PFS censored at day 0
//   F  IV DL1  no treatment_start: outside the analysis set
// All treated on 2026-01-08.
#include "measure/stats/group_endpoints.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/stats/outcome_builder.h"

namespace nadir::stats {
namespace {

using namespace nadir::test;

std::vector<SubjectOutcome> SixSubjectTrial() {
  std::vector<SubjectOutcome> out;
  auto add = [&](const Subject& s, const SubjectResult& r) {
    out.push_back(OutcomeOf(s, r, Criteria::kRecist11));
  };
  add(MakeSubject("A", "IV", "DL1"),
      MakeResult("A", Response::kPR, "2026-03-30", "2026-07-06", "2026-07-06"));
  add(MakeSubject("B", "IV", "DL1"),
      MakeResult("B", Response::kSD, nullptr, nullptr, "2026-05-11"));
  add(MakeSubject("C", "IV", "DL2"),
      MakeResult("C", Response::kPD, nullptr, "2026-02-16", "2026-02-16"));
  add(MakeSubject("D", "IP", "DL1"),
      MakeResult("D", Response::kCR, "2026-03-30", nullptr, "2026-11-02"));
  SubjectResult e;
  e.subject = "E";
  e.errors.push_back("bad file");
  add(MakeSubject("E", "IP", "DL1"), e);
  add(MakeSubject("F", "IV", "DL1", nullptr),
      MakeResult("F", Response::kCR, "2026-03-30", nullptr, "2026-05-11"));
  return out;
}

const GroupEndpoints& Find(const std::vector<GroupEndpoints>& g, const std::string& key) {
  for (const auto& x : g)
    if (x.key == key) return x;
  throw std::runtime_error("no group " + key);
}

TEST(GroupEndpoints, GroupsInOrderWithCombinations) {
  const auto g = EndpointsByGroup(SixSubjectTrial(), {"arm", "dose_level"});
  std::vector<std::string> keys;
  for (const auto& x : g) keys.push_back(x.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"all", "arm=IP", "arm=IV", "dose_level=DL1",
                                            "dose_level=DL2", "arm=IP,dose_level=DL1",
                                            "arm=IV,dose_level=DL1", "arm=IV,dose_level=DL2"}));
  EXPECT_EQ(Find(g, "arm=IV").n, 3);  // F is not treated
  EXPECT_EQ(Find(g, "arm=IV,dose_level=DL1").n, 2);
}

// ORR 2/5 (A, D) and DCR 3/5 (A, B, D); the not-evaluable E stays in the denominator.
// Clopper-Pearson: 2/5 -> [0.0527, 0.8534], 3/5 -> [0.1466, 0.9473] (binomial sums solved by
// bisection, as in binomial_ci_test.cpp).
TEST(GroupEndpoints, ResponseRatesWithNotEvaluableInDenominator) {
  const auto all = Find(EndpointsByGroup(SixSubjectTrial(), {"arm"}), "all");
  EXPECT_EQ(all.n, 5);
  EXPECT_EQ(all.evaluable, 4);
  EXPECT_EQ(all.orr.k, 2);
  EXPECT_EQ(all.orr.n, 5);
  EXPECT_NEAR(all.orr.ci_low, 0.0527449505, 1e-9);
  EXPECT_NEAR(all.orr.ci_high, 0.8533672004, 1e-9);
  EXPECT_EQ(all.dcr.k, 3);
  EXPECT_NEAR(all.dcr.ci_low, 0.1466327996, 1e-9);
  EXPECT_EQ(all.best_counts.at(Response::kNE), 1);
  EXPECT_EQ(all.best_counts.at(Response::kCR), 1);
  const auto iv = Find(EndpointsByGroup(SixSubjectTrial(), {"arm"}), "arm=IV");
  EXPECT_EQ(iv.orr.k, 1);
  EXPECT_EQ(iv.dcr.k, 2);
  EXPECT_NEAR(iv.dcr.ci_low, 0.0942993241, 1e-9);
}

// PFS over A..E: 0+, 39, 123+, 179, 298+. S(39) = 3/4 (4 at risk), S(179) = 3/4 * 1/2 = 0.375
// (2 at risk); median 179 days. Greenwood sum 1/12 + 1/2; log-log 95 % interval at 6 months
// (182.6 days) [0.0110, 0.8080]. 12 months lies beyond the last follow-up (298 days): no
// estimate. At risk at 0, 3, 6 months (time >= t): 5 (the day-0 censoring included), 3 (>= 91.3
// days: 123+, 179, 298+), 1 (298+).
TEST(GroupEndpoints, ProgressionFreeSurvivalWorkedByHand) {
  const auto all = Find(EndpointsByGroup(SixSubjectTrial(), {}), "all");
  EXPECT_EQ(all.pfs.n, 5);
  EXPECT_EQ(all.pfs.events, 2);
  EXPECT_EQ(all.pfs.censored, 3);
  ASSERT_TRUE(all.pfs.median.median);
  EXPECT_EQ(*all.pfs.median.median, 179);
  ASSERT_EQ(all.pfs.landmarks.size(), 3u);
  ASSERT_TRUE(all.pfs.landmarks[0].estimate);
  EXPECT_DOUBLE_EQ(all.pfs.landmarks[0].estimate->survival, 0.375);
  EXPECT_NEAR(all.pfs.landmarks[0].estimate->ci_low, 0.0109711216, 1e-9);
  EXPECT_NEAR(all.pfs.landmarks[0].estimate->ci_high, 0.8080010725, 1e-9);
  EXPECT_FALSE(all.pfs.landmarks[1].estimate);
  ASSERT_GE(all.pfs.at_risk.size(), 3u);
  EXPECT_EQ(all.pfs.at_risk[0], 5);
  EXPECT_EQ(all.pfs.at_risk[1], 3);
  EXPECT_EQ(all.pfs.at_risk[2], 1);
}

// DOR over the responders A (98, event) and D (217, censored): S = 1/2 from day 98 to the end,
// so the median is 98 days (the curve ends on the flat part: km_median.h).
TEST(GroupEndpoints, DurationOfResponseOverRespondersOnly) {
  const auto all = Find(EndpointsByGroup(SixSubjectTrial(), {}), "all");
  EXPECT_EQ(all.dor.n, 2);
  EXPECT_EQ(all.dor.events, 1);
  EXPECT_EQ(*all.dor.median.median, 98);
}

// An arm with a single subject and no events: median not reached, S = 1 at every step.
TEST(GroupEndpoints, SingleSubjectGroupWithoutEvents) {
  const auto g = EndpointsByGroup(SixSubjectTrial(), {"arm", "dose_level"});
  const auto& dl2 = Find(g, "arm=IV,dose_level=DL2");
  EXPECT_EQ(dl2.n, 1);
  EXPECT_EQ(dl2.orr.k, 0);
  EXPECT_NEAR(dl2.orr.ci_high, 0.975, 1e-12);
  EXPECT_FALSE(dl2.os.median.median);  // nobody died
  EXPECT_EQ(dl2.os.events, 0);
}

// The tally that a report fills one subject at a time gives the same table as the list.
TEST(GroupEndpoints, TallyAddedOneAtATimeGivesTheSameTable) {
  const auto outcomes = SixSubjectTrial();
  EndpointTally tally({"arm", "dose_level"});
  for (const auto& o : outcomes) tally.Add(EndpointView(o));
  const auto counted = tally.Finish({});
  const auto listed = EndpointsByGroup(outcomes, {"arm", "dose_level"});
  ASSERT_EQ(counted.size(), listed.size());
  for (size_t i = 0; i < listed.size(); ++i) {
    EXPECT_EQ(counted[i].key, listed[i].key);
    EXPECT_EQ(counted[i].n, listed[i].n);
    EXPECT_EQ(counted[i].best_counts, listed[i].best_counts);
    EXPECT_EQ(counted[i].pfs.events, listed[i].pfs.events);
    EXPECT_EQ(counted[i].pfs.median.median, listed[i].pfs.median.median);
  }
}

// An outcome with a bad time is refused whole: no count of its group changes.
TEST(GroupEndpoints, TallyRefusesAnOutcomeWithABadTimeWhole) {
  const auto outcomes = SixSubjectTrial();
  GroupTally tally;
  tally.Add(EndpointView(outcomes[0]));
  EndpointOutcome bad = EndpointView(outcomes[1]);
  bad.dor = EventTime{{-3, true}};
  EXPECT_THROW(tally.Add(bad), std::invalid_argument);
  EXPECT_EQ(tally.n, 1);
  EXPECT_EQ(tally.pfs.n(), 1);
  EXPECT_EQ(tally.os.n(), 1);
}

}  // namespace
}  // namespace nadir::stats
