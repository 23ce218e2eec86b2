// Per-subject endpoint data: which subjects count for ORR and DCR, and how PFS, OS and DOR are
// dated and censored (shared/RECIST.md "Trial endpoints"). Day counts worked by hand from the
// calendar (2026 is not a leap year): 2026-01-08 -> 2026-07-06 is 23 + 28 + 31 + 30 + 31 + 30
// + 6 = 179 days.
#include "measure/stats/subject_outcome.h"

#include <gtest/gtest.h>

#include "measure/assess.h"
#include "tests/stats/outcome_builder.h"

namespace nadir::stats {
namespace {

using namespace nadir::test;

// A confirmed PR on 2026-03-30 that progresses on 2026-07-06, alive on 2026-09-01.
TEST(SubjectOutcome, ResponderWithProgression) {
  Subject s = MakeSubject("S1", "IV", "DL1");
  s.last_known_alive = D("2026-09-01");
  s.covariates["cd70_positive_pct"] = 72;
  const auto r = MakeResult("S1", Response::kPR, "2026-03-30", "2026-07-06", "2026-07-06", -42.4);
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kRecist11);
  EXPECT_TRUE(o.treated);
  EXPECT_TRUE(o.evaluable);
  EXPECT_TRUE(o.response);
  EXPECT_TRUE(o.control);
  EXPECT_EQ(*o.best_change_pct, -42.4);
  EXPECT_EQ(o.pfs.obs.time, 179);
  EXPECT_TRUE(o.pfs.obs.event);
  EXPECT_EQ(o.pfs.event_kind, "progression");
  ASSERT_TRUE(o.dor);
  EXPECT_EQ(o.dor->obs.time, 98);  // 2026-03-30 -> 2026-07-06: 1 + 30 + 31 + 30 + 6
  EXPECT_TRUE(o.dor->obs.event);
  EXPECT_EQ(o.os.obs.time, 236);  // to 2026-09-01, censored (last known alive)
  EXPECT_FALSE(o.os.obs.event);
  EXPECT_EQ(o.os.censor_reason, "last known alive");
  EXPECT_EQ(o.covariates.at("cd70_positive_pct"), 72);
}

// SD without progression: PFS censored at the last adequate assessment (2026-05-11, day 123);
// no DOR (not a responder); counts for DCR, not ORR.
TEST(SubjectOutcome, StableDiseaseCensoredAtLastAdequateAssessment) {
  const Subject s = MakeSubject("S2", "IP", "DL2");
  const auto r = MakeResult("S2", Response::kSD, nullptr, nullptr, "2026-05-11");
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kRecist11);
  EXPECT_FALSE(o.response);
  EXPECT_TRUE(o.control);
  EXPECT_EQ(o.pfs.obs.time, 123);
  EXPECT_FALSE(o.pfs.obs.event);
  EXPECT_EQ(o.pfs.censor_reason, "last adequate assessment");
  EXPECT_FALSE(o.dor);
  // No last_known_alive: OS censored at the latest date seen (the last adequate assessment).
  EXPECT_EQ(o.os.obs.time, 123);
  EXPECT_EQ(o.os.censor_reason, "last assessment");
}

// Death (2026-04-20, day 102) before any progression is a PFS event and an OS event.
TEST(SubjectOutcome, DeathWithoutProgressionIsAPfsEvent) {
  Subject s = MakeSubject("S3", "IV", "DL1");
  s.death_date = D("2026-04-20");
  const auto r = MakeResult("S3", Response::kSD, nullptr, nullptr, "2026-02-16");
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kRecist11);
  EXPECT_EQ(o.pfs.obs.time, 102);
  EXPECT_TRUE(o.pfs.obs.event);
  EXPECT_EQ(o.pfs.event_kind, "death");
  EXPECT_EQ(o.os.obs.time, 102);
  EXPECT_TRUE(o.os.obs.event);
}

// Progression and death on the same day: one PFS event, labelled progression.
TEST(SubjectOutcome, ProgressionAndDeathSameDay) {
  Subject s = MakeSubject("S4", "IV", "DL1");
  s.death_date = D("2026-07-06");
  const auto r = MakeResult("S4", Response::kPD, nullptr, "2026-07-06", "2026-07-06");
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kRecist11);
  EXPECT_EQ(o.pfs.obs.time, 179);
  EXPECT_EQ(o.pfs.event_kind, "progression");
}

// A subject whose assessment has errors stays in the analysis set as not evaluable: no
// response, PFS censored at day 0 (no adequate assessment).
TEST(SubjectOutcome, SubjectWithErrorsIsNotEvaluableButCounted) {
  const Subject s = MakeSubject("S5", "IP", "DL1");
  SubjectResult r;
  r.subject = "S5";
  r.errors.push_back("timepoints[1].date: '2026-02-30' is not a date");
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kRecist11);
  EXPECT_TRUE(o.treated);
  EXPECT_FALSE(o.evaluable);
  EXPECT_FALSE(o.best);
  EXPECT_EQ(o.pfs.obs.time, 0);
  EXPECT_FALSE(o.pfs.obs.event);
  EXPECT_EQ(o.pfs.censor_reason, "no adequate assessment");
  EXPECT_FALSE(o.notes.empty());
}

// Without treatment_start the subject is not in the analysis set (RECIST.md: every treated
// subject, i.e. an assessment file with treatment_start); day 0 falls back to the baseline.
TEST(SubjectOutcome, UntreatedSubjectIsOutsideTheAnalysisSet) {
  const Subject s = MakeSubject("S6", "IV", "DL1", nullptr);
  const auto r = MakeResult("S6", Response::kPR, "2026-03-30", nullptr, "2026-05-11");
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kRecist11);
  EXPECT_FALSE(o.treated);
  EXPECT_EQ(o.pfs.obs.time, 126);  // 2026-01-05 -> 2026-05-11
}

// dor_from "control": duration from the first SD (2026-02-16) for a subject with SD, to
// progression on 2026-05-11: 84 days (12 + 31 + 30 + 11).
TEST(SubjectOutcome, DurationOfControlUnderDorFromControl) {
  Subject s = MakeSubject("S7", "IV", "DL3");
  s.protocol.dor_from = DurationFrom::kControl;
  auto r = MakeResult("S7", Response::kSD, nullptr, "2026-05-11", "2026-05-11");
  r.recist11->best.control_date = D("2026-02-16");
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kRecist11);
  ASSERT_TRUE(o.dor);
  EXPECT_EQ(o.dor->obs.time, 84);
  EXPECT_TRUE(o.dor->obs.event);
}

// Under iRECIST the outcome reads the engine's iRECIST block: a confirmed iCPD dated back to
// the iUPD that opened it (I4, 2026-04-27: day 109) is the PFS event; a subject whose protocol
// did not run iRECIST has no iRECIST response. Codes are the iRECIST ones (I8).
TEST(SubjectOutcome, IRecistReadsItsOwnBlock) {
  const Subject s = MakeSubject("S8", "IV", "DL1");
  auto r = MakeResult("S8", Response::kPD, nullptr, "2026-04-27", "2026-04-27");
  EXPECT_FALSE(OutcomeOf(s, r, Criteria::kIRecist).best);
  CriteriaResult ir;
  ir.best.best = Response::kCPD;
  ir.best.progression_date = D("2026-04-27");
  ir.best.last_adequate_assessment = D("2026-06-08");
  r.irecist = ir;
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kIRecist);
  ASSERT_TRUE(o.best);
  EXPECT_EQ(*o.best, Response::kCPD);
  EXPECT_FALSE(o.control);
  EXPECT_EQ(o.pfs.obs.time, 109);
  EXPECT_TRUE(o.pfs.obs.event);
  EXPECT_EQ(ResponseCode(Response::kPR, Criteria::kIRecist), "iPR");
  EXPECT_EQ(ResponseCode(Response::kCPD, Criteria::kIRecist), "iCPD");
  EXPECT_EQ(ResponseCode(Response::kUPD, Criteria::kIRecist), "iUPD");
  EXPECT_EQ(ResponseCode(Response::kNonCRNonPD, Criteria::kIRecist), "NON-iCR/NON-iUPD");
  EXPECT_EQ(ResponseCode(Response::kNonCRNonPD, Criteria::kRecist11), "NON-CR/NON-PD");
}

// An iUPD unconfirmed at the last assessment (iBOR iUPD): PFS is censored at the last adequate
// assessment (2026-05-11, day 123), and the listing notes why.
TEST(SubjectOutcome, UnconfirmedIupdIsCensored) {
  const Subject s = MakeSubject("S9", "IP", "DL2");
  auto r = MakeResult("S9", Response::kPD, nullptr, "2026-05-11", "2026-05-11");
  CriteriaResult ir;
  ir.best.best = Response::kUPD;
  ir.best.unconfirmed_progression_date = D("2026-05-11");
  ir.best.last_adequate_assessment = D("2026-05-11");
  r.irecist = ir;
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kIRecist);
  EXPECT_FALSE(o.pfs.obs.event);
  EXPECT_EQ(o.pfs.obs.time, 123);
  EXPECT_EQ(o.unconfirmed_progression_date, D("2026-05-11"));
  EXPECT_FALSE(o.notes.empty());
}

// I5 through the engine: an iUPD (2026-02-16) followed by a scan that cannot be evaluated
// (2026-03-30, a target not measured) is NE there, not iUPD, so PFS without an event is
// censored at the last adequate assessment, the iUPD scan (day 39 from 2026-01-08), not at the
// NE scan.
TEST(SubjectOutcome, IRecistPfsCensoredAtLastAdequateAssessmentNotAtAnNEScan) {
  Subject s = MakeSubject("S10", "IV", "DL1");
  auto target = [](const char* id, std::optional<double> mm) {
    LesionRecord l;
    l.id = id;
    l.site = "liver";
    l.long_axis_mm = mm;
    l.state = mm ? LesionState::kMeasured : LesionState::kNotEvaluated;
    return l;
  };
  s.timepoints[0].lesions = {target("T1", 40), target("T2", 20)};
  s.timepoints.push_back(
      Timepoint{D("2026-02-16"), "Week 6", "", {target("T1", 55), target("T2", 22)}, std::nullopt});
  s.timepoints.push_back(Timepoint{D("2026-03-30"),
                                   "Week 12",
                                   "",
                                   {target("T1", 50), target("T2", std::nullopt)},
                                   std::nullopt});
  const SubjectResult r = AssessSubject(s);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  const SubjectOutcome o = OutcomeOf(s, r, Criteria::kIRecist);
  EXPECT_FALSE(o.pfs.obs.event);
  EXPECT_EQ(o.pfs.end, D("2026-02-16"));
  EXPECT_EQ(o.pfs.obs.time, 39);
  EXPECT_EQ(o.unconfirmed_progression_date, D("2026-02-16"));
}

}  // namespace
}  // namespace nadir::stats
