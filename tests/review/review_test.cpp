// Central review over two readers: statuses, final read, adjudication and trial agreement.
#include "measure/review/review.h"

#include <gtest/gtest.h>

#include "tests/measure/subject_builder.h"

namespace nadir {
namespace {

using test::D;

SubjectResult Read(const std::string& subject, const std::string& reader, Response best,
                   std::optional<const char*> response = std::nullopt,
                   std::optional<const char*> progression = std::nullopt) {
  SubjectResult r;
  r.subject = subject;
  r.reader = reader;
  r.file = subject + "." + reader + ".json";
  r.recist11.emplace();
  r.recist11->best.best = best;
  if (response) r.recist11->best.response_date = D(*response);
  if (progression) r.recist11->best.progression_date = D(*progression);
  return r;
}

Adjudication Adjudicate(const std::string& subject, const std::string& chosen) {
  return Adjudication{subject,
                      "ADJ1",
                      chosen,
                      "R2 missed the new liver lesion",
                      "2026-06-02T14:31:00Z",
                      subject + ".adjudication.json"};
}

const SubjectReview& Find(const Review& review, const std::string& subject) {
  for (const auto& s : review.subjects)
    if (s.subject == subject) return s;
  throw std::runtime_error("no subject " + subject);
}

TEST(Review, OneReadIsPending) {
  const Review r = BuildReview({Read("S-01", "R1", Response::kSD)}, {}, {});
  ASSERT_EQ(r.subjects.size(), 1u);
  EXPECT_EQ(r.subjects[0].status, ReviewStatus::kPending);
  EXPECT_EQ(r.subjects[0].final_read, "");
  ASSERT_EQ(r.subjects[0].notes.size(), 1u);
  EXPECT_EQ(r.subjects[0].notes[0], "no read by R2 yet");
}

TEST(Review, AgreeingReadsStandAsAgreementWithTheFirstReadersFile) {
  const Review r = BuildReview({Read("S-01", "R2", Response::kPR, "2026-03-02"),
                                Read("S-01", "R1", Response::kPR, "2026-03-02")},
                               {}, {});
  const auto& s = Find(r, "S-01");
  EXPECT_EQ(s.status, ReviewStatus::kAgreed);
  EXPECT_EQ(s.final_read, "agreement");
  EXPECT_EQ(s.final_reader, "R1");
  EXPECT_EQ(s.final_file, "S-01.R1.json");
  ASSERT_EQ(s.reads.size(), 2u);
  EXPECT_EQ(s.reads[0].reader, "R1");  // in the review's reader order
}

TEST(Review, DiscordantReadsNeedAdjudicationUntilARecordNamesTheRead) {
  const std::vector<SubjectResult> reads = {Read("S-01", "R1", Response::kSD, {}, "2026-06-01"),
                                            Read("S-01", "R2", Response::kPD, {}, "2026-02-16")};
  const Review before = BuildReview(reads, {}, {});
  EXPECT_EQ(Find(before, "S-01").status, ReviewStatus::kNeedsAdjudication);
  EXPECT_EQ(Find(before, "S-01").discordances.size(), 2u);  // best response, progression date
  EXPECT_EQ(Find(before, "S-01").final_read, "");

  const Review after = BuildReview(reads, {Adjudicate("S-01", "R2")}, {});
  const auto& s = Find(after, "S-01");
  EXPECT_EQ(s.status, ReviewStatus::kAdjudicated);
  EXPECT_EQ(s.final_read, "R2");
  EXPECT_EQ(s.final_file, "S-01.R2.json");
  ASSERT_TRUE(s.adjudication);
  EXPECT_EQ(s.adjudication->adjudicator, "ADJ1");
}

TEST(Review, AdjudicationNamingAReaderWithoutAReadIsNotApplied) {
  const Review r = BuildReview(
      {Read("S-01", "R1", Response::kSD), Read("S-01", "R2", Response::kPD, {}, "2026-02-16")},
      {Adjudicate("S-01", "R3")}, {});
  const auto& s = Find(r, "S-01");
  EXPECT_EQ(s.status, ReviewStatus::kNeedsAdjudication);
  ASSERT_EQ(s.notes.size(), 1u);
  EXPECT_EQ(s.notes[0],
            "adjudication record S-01.adjudication.json chooses reader 'R3', who has no read of "
            "this subject");
}

TEST(Review, TwoAdjudicationRecordsForOneSubjectAreBothHeldBack) {
  const Review r = BuildReview(
      {Read("S-01", "R1", Response::kSD), Read("S-01", "R2", Response::kPD, {}, "2026-02-16")},
      {Adjudicate("S-01", "R1"), Adjudicate("S-01", "R2")}, {});
  EXPECT_EQ(Find(r, "S-01").status, ReviewStatus::kNeedsAdjudication);
  EXPECT_EQ(Find(r, "S-01").notes.size(), 1u);
}

TEST(Review, NothingIsDroppedSilently) {
  SubjectResult broken = Read("S-02", "R2", Response::kNE);
  broken.errors = {"timepoints[1].lesions[0].state: unknown state 'gone'"};
  broken.recist11.reset();
  const Review r =
      BuildReview({Read("S-01", "R1", Response::kSD), Read("S-01", "R3", Response::kSD),
                   Read("S-02", "R1", Response::kSD), broken},
                  {Adjudicate("S-99", "R1")}, {});
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0],
            "S-01.R3.json: subject S-01: reader 'R3' is not one of the review's readers (R1, R2)");
  EXPECT_EQ(r.problems[1],
            "S-99.adjudication.json: adjudication of subject 'S-99', which has no read in this "
            "review");
  const auto& s2 = Find(r, "S-02");
  EXPECT_EQ(s2.status, ReviewStatus::kPending);
  EXPECT_EQ(s2.notes[0],
            "R2's read (S-02.R2.json) has errors: timepoints[1].lesions[0].state: unknown state "
            "'gone'");
}

TEST(Review, MissingIRecistResultsAreNotedNotDropped) {
  ReviewOptions options;
  options.criteria = {Criteria::kRecist11, Criteria::kIRecist};
  const Review r = BuildReview(
      {Read("S-01", "R1", Response::kSD), Read("S-01", "R2", Response::kSD)}, {}, options);
  const auto& s = Find(r, "S-01");
  EXPECT_EQ(s.status, ReviewStatus::kAgreed);  // compared under RECIST 1.1
  ASSERT_EQ(s.notes.size(), 2u);               // one per read: no iRECIST outcome
  EXPECT_EQ(s.notes[0],
            "R1's read has no irecist outcome: no iRECIST results (not selected by its protocol)");
}

// Discordance per criteria: both readers call RECIST 1.1 PD on the same day, but under iRECIST
// R2's next scan confirms the progression (iCPD, dated from the iUPD, I4) and R1's does not
// (iUPD stays unconfirmed, I5).
TEST(Review, IRecistDiscordanceBesideRecist11Agreement) {
  const auto read = [](const char* reader, Response irecist_best, bool confirmed) {
    SubjectResult r = Read("S-01", reader, Response::kPD, {}, "2026-02-16");
    r.irecist.emplace();
    r.irecist->best.best = irecist_best;
    if (confirmed) r.irecist->best.progression_date = D("2026-02-16");
    return r;
  };
  ReviewOptions options;
  options.criteria = {Criteria::kRecist11, Criteria::kIRecist};
  const Review r = BuildReview(
      {read("R1", Response::kUPD, false), read("R2", Response::kCPD, true)}, {}, options);
  const auto& s = Find(r, "S-01");
  EXPECT_EQ(s.status, ReviewStatus::kNeedsAdjudication);
  ASSERT_EQ(s.discordances.size(), 2u);
  EXPECT_EQ(s.discordances[0].Describe("R1", "R2"),
            "irecist best overall response: R1 iUPD, R2 iCPD");
  EXPECT_EQ(s.discordances[1].Describe("R1", "R2"),
            "irecist progression date: R1 none, R2 2026-02-16");
  ASSERT_EQ(r.agreement.by_criteria.size(), 2u);
  EXPECT_EQ(r.agreement.by_criteria[0].best_response_agreeing, 1);  // RECIST 1.1: PD, PD
  EXPECT_EQ(r.agreement.by_criteria[1].best_response_agreeing, 0);
  EXPECT_EQ(r.agreement.by_criteria[1].categories, (std::vector<std::string>{"iUPD", "iCPD"}));
}

// The engine decides each read: R1 measures a 40 % shrinkage confirmed 6 weeks later (PR,
// RECIST 1.1 §4.3.1 and §4.6), R2 measures 20 % (SD). Discordant on best response and on the
// response date (R2 has none).
TEST(Review, ReadsFromTheEngineDisagreeOnPartialResponse) {
  const auto read = [](const char* reader, double follow_up_mm) {
    test::SubjectBuilder b("S-07");
    b.At("2026-01-05", {test::Target("T1", 50)})
        .At("2026-02-16", {test::Target("T1", follow_up_mm)})
        .At("2026-03-30", {test::Target("T1", follow_up_mm)});
    SubjectResult r = b.Assess();
    r.reader = reader;
    return r;
  };
  const Review r = BuildReview({read("R1", 30), read("R2", 40)}, {}, {});
  const auto& s = Find(r, "S-07");
  ASSERT_EQ(s.status, ReviewStatus::kNeedsAdjudication);
  ASSERT_EQ(s.discordances.size(), 2u);
  EXPECT_EQ(s.discordances[0].Describe("R1", "R2"), "recist11 best overall response: R1 PR, R2 SD");
  EXPECT_EQ(s.discordances[1].Describe("R1", "R2"),
            "recist11 response date: R1 2026-02-16, R2 none");
}

// Trial figures over five subjects: 3 agree, 2 discordant of which 1 adjudicated for R1, 1
// pending. Best responses (R1, R2): (PR, PR), (SD, SD), (PD, PD), (SD, PD), (PR, SD).
TEST(Review, TrialAgreementFigures) {
  DiscordanceRules rules;
  rules.date_tolerance_days = 7;
  ReviewOptions options;
  options.rules = rules;
  const Review r =
      BuildReview({Read("A", "R1", Response::kPR, "2026-03-02"),
                   Read("A", "R2", Response::kPR, "2026-03-02"), Read("B", "R1", Response::kSD),
                   Read("B", "R2", Response::kSD), Read("C", "R1", Response::kPD, {}, "2026-02-16"),
                   Read("C", "R2", Response::kPD, {}, "2026-02-20"),  // 4 days: within 7
                   Read("D", "R1", Response::kSD, {}, "2026-06-01"),
                   Read("D", "R2", Response::kPD, {}, "2026-04-13"),  // 49 days: outside
                   Read("E", "R1", Response::kPR, "2026-03-02"), Read("E", "R2", Response::kSD),
                   Read("F", "R1", Response::kSD)},
                  {Adjudicate("D", "R1")}, options);
  const TrialAgreement& t = r.agreement;
  EXPECT_EQ(t.subjects, 6);
  EXPECT_EQ(t.with_two_reads, 5);
  EXPECT_EQ(t.agreed, 3);
  EXPECT_EQ(t.needing_adjudication, 2);
  EXPECT_EQ(t.adjudicated, 1);
  EXPECT_EQ(t.adjudicator_chose.at("R1"), 1);
  EXPECT_EQ(t.adjudicator_chose.at("R2"), 0);
  ASSERT_EQ(t.by_criteria.size(), 1u);
  const CriteriaAgreement& c = t.by_criteria[0];
  EXPECT_EQ(c.compared, 5);
  EXPECT_EQ(c.best_response_agreeing, 3);
  EXPECT_EQ(c.categories, (std::vector<std::string>{"PR", "SD", "PD"}));
  EXPECT_EQ(c.table, (std::vector<std::vector<int>>{{1, 1, 0}, {0, 1, 1}, {0, 0, 1}}));
  // By hand: p_o = 3/5; margins R1 (2, 2, 1), R2 (1, 2, 2): p_e = (2 + 4 + 2) / 25 = 0.32;
  // kappa = (0.6 - 0.32) / 0.68 = 0.41176...
  ASSERT_TRUE(c.kappa);
  EXPECT_NEAR(c.kappa->kappa, 0.28 / 0.68, 1e-12);
  EXPECT_EQ(c.progression_compared, 2);          // C and D
  EXPECT_EQ(c.progression_within_tolerance, 1);  // C
}

}  // namespace
}  // namespace nadir
