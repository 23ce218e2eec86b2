// AE tallies per subject and DLTs (issue 21 "Definitions"), worked by hand on a small trial.
#include "measure/stats/adverse_events.h"

#include <gtest/gtest.h>

#include "tests/support/dates.h"

namespace nadir::stats {
namespace {

using test::D;

AdverseEvent Ae(const char* subject, const char* term, const char* soc, int grade,
                const char* onset, bool serious = false, bool related = false, bool dlt = false) {
  AdverseEvent e;
  e.subject = subject;
  e.term = term;
  e.soc = soc;
  e.grade = grade;
  e.onset = D(onset);
  e.serious = serious;
  e.related = related;
  e.dlt = dlt;
  return e;
}

constexpr const char* kImmune = "Immune system disorders";
constexpr const char* kNervous = "Nervous system disorders";
constexpr const char* kBlood = "Blood and lymphatic system disorders";

// Four treated subjects, day 0 = 2026-01-10 for all:
//  S1: CRS grade 1 (day 2) and CRS grade 3 (day 5, serious, related): counts once for CRS,
//      once for CRS >= 3; worst grade 3.
//  S2: ICANS grade 2 (day 6, related) and neutropenia grade 4 (day 3): worst grade 4.
//  S3: anaemia grade 2 the day before infusion (not treatment emergent): no AE.
//  S4: no events. S9 (not in the group) has an AE that must not count.
TEST(SafetyTally, SubjectsCountOncePerRow) {
  const Date d0 = D("2026-01-10");
  const std::vector<TreatedSubject> subjects = {{"S1", d0}, {"S2", d0}, {"S3", d0}, {"S4", d0}};
  const std::vector<AdverseEvent> events = {
      Ae("S1", kCrsTerm, kImmune, 1, "2026-01-12"),
      Ae("S1", kCrsTerm, kImmune, 3, "2026-01-15", true, true),
      Ae("S2", kIcansTerm, kNervous, 2, "2026-01-16", false, true),
      Ae("S2", "Neutrophil count decreased", kBlood, 4, "2026-01-13"),
      Ae("S3", "Anaemia", kBlood, 2, "2026-01-09"),
      Ae("S9", "Anaemia", kBlood, 5, "2026-01-11"),
  };
  const SafetyTally t = TallySafety(subjects, events);
  EXPECT_EQ(t.treated, 4);
  EXPECT_EQ(t.any_ae.k, 2);
  EXPECT_EQ(t.any_ae.n, 4);
  EXPECT_EQ(t.grade_3_plus.k, 2);
  EXPECT_EQ(t.serious.k, 1);
  EXPECT_EQ(t.related.k, 2);
  EXPECT_EQ(t.crs.k, 1);
  EXPECT_EQ(t.crs_grade_3_plus.k, 1);
  EXPECT_EQ(t.icans.k, 1);
  EXPECT_EQ(t.icans_grade_3_plus.k, 0);
  EXPECT_EQ(t.worst_grade.at(0).k, 2);  // S3, S4
  EXPECT_EQ(t.worst_grade.at(3).k, 1);  // S1
  EXPECT_EQ(t.worst_grade.at(4).k, 1);  // S2
  EXPECT_EQ(t.worst_grade.at(5).k, 0);
  // Rows: Blood SOC (S2 only: S3's is before infusion), its term, Immune SOC, CRS, Nervous, ICANS.
  ASSERT_EQ(t.by_soc_and_term.size(), 6u);
  EXPECT_EQ(t.by_soc_and_term[0].soc, kBlood);
  EXPECT_EQ(t.by_soc_and_term[0].term, "");
  EXPECT_EQ(t.by_soc_and_term[0].any.k, 1);
  EXPECT_EQ(t.by_soc_and_term[0].grade_3_plus.k, 1);
  EXPECT_EQ(t.by_soc_and_term[3].term, kCrsTerm);
  EXPECT_EQ(t.by_soc_and_term[3].any.k, 1);  // two CRS events, one subject
  EXPECT_EQ(t.by_soc_and_term[3].grade_3_plus.k, 1);
  EXPECT_EQ(WorstGrade(events, "S1", d0, IsCrs), 3);
  EXPECT_EQ(WorstGrade(events, "S3", d0, nullptr), 0);
}

// DLT window: day 0 to day 28 inclusive; flagged events only.
TEST(Dlt, FlaggedWithOnsetDayZeroToTwentyEight) {
  const Date d0 = D("2026-01-10");
  EXPECT_TRUE(IsDoseLimiting(Ae("S", "x", "y", 3, "2026-01-10", false, true, true), d0));
  EXPECT_TRUE(IsDoseLimiting(Ae("S", "x", "y", 3, "2026-02-07", false, true, true), d0));   // 28
  EXPECT_FALSE(IsDoseLimiting(Ae("S", "x", "y", 3, "2026-02-08", false, true, true), d0));  // 29
  EXPECT_FALSE(IsDoseLimiting(Ae("S", "x", "y", 3, "2026-01-09", false, true, true), d0));
  EXPECT_FALSE(IsDoseLimiting(Ae("S", "x", "y", 4, "2026-01-12", false, true, false), d0));
}

}  // namespace
}  // namespace nadir::stats
