// The demo's review folder (sample_data/review) read end to end, and the reads that
// `nadir recompute` takes from it.
#include <gtest/gtest.h>

#include "formats/review/final_reads.h"
#include "formats/review/review_folder.h"

namespace nadir {
namespace {

const std::string kReview = std::string(NADIR_SAMPLE_DATA) + "/review";

const SubjectReview& Find(const Review& review, const std::string& subject) {
  for (const auto& s : review.subjects)
    if (s.subject == subject) return s;
  throw std::runtime_error("no subject " + subject);
}

Review SampleReview(ReviewOptions options = {}) {
  const ReviewFolder folder = LoadReviewFolder({kReview}, 2);
  EXPECT_TRUE(folder.problems.empty());
  EXPECT_EQ(folder.reads.size(), 13u);
  EXPECT_EQ(folder.adjudications.size(), 1u);
  std::vector<SubjectResult> reads;
  for (const auto& a : folder.reads) reads.push_back(a.result);
  return BuildReview(reads, folder.adjudications, options);
}

TEST(SampleReview, ShowsAgreementDiscordanceAdjudicationAndPending) {
  const Review r = SampleReview();
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.subjects.size(), 7u);
  EXPECT_EQ(Find(r, "CD70-IV-103").status, ReviewStatus::kAgreed);   // R2 0.5 mm smaller
  EXPECT_EQ(Find(r, "CD70-IV-107").status, ReviewStatus::kPending);  // no R2 read yet

  // R2 measures the nodal target at 10 mm short axis: not normal, so no CR (RECIST 1.1
  // §4.3.1); the adjudicator keeps R1's CR.
  const auto& s104 = Find(r, "CD70-IV-104");
  EXPECT_EQ(s104.status, ReviewStatus::kAdjudicated);
  EXPECT_EQ(s104.final_read, "R1");
  ASSERT_EQ(s104.discordances.size(), 1u);
  EXPECT_EQ(s104.discordances[0].Describe("R1", "R2"),
            "recist11 best overall response: R1 CR, R2 PR");

  // R2 sees an unequivocal new liver lesion at week 12: progression 42 days before R1's.
  const auto& s202 = Find(r, "CD70-IP-202");
  EXPECT_EQ(s202.status, ReviewStatus::kNeedsAdjudication);
  ASSERT_EQ(s202.discordances.size(), 2u);
  EXPECT_EQ(s202.discordances[1].Describe("R1", "R2"),
            "recist11 progression date: R1 2026-06-08, R2 2026-04-27 (42 days apart)");

  const TrialAgreement& t = r.agreement;
  EXPECT_EQ(t.with_two_reads, 6);
  EXPECT_EQ(t.agreed, 4);
  EXPECT_EQ(t.needing_adjudication, 2);
  EXPECT_EQ(t.adjudicated, 1);
  ASSERT_TRUE(t.by_criteria[0].kappa);
  // Best responses R1/R2: CR/PR, PR/PR x2, SD/SD x2, SD/PD. p_o = 4/6; margins R1 (1, 2, 3, 0),
  // R2 (0, 3, 2, 1) over CR, PR, SD, PD: p_e = (0 + 6 + 6 + 0) / 36 = 1/3; kappa = 0.5.
  EXPECT_NEAR(t.by_criteria[0].kappa->kappa, 0.5, 1e-12);
}

// Under iRECIST as well: R2's new lesion at week 12 is iUPD; at week 18 the target sum reaches
// RECIST 1.1 PD (60 mm against the 50 mm nadir), a category not progressing at the iUPD, which
// confirms it (iCPD dated from the iUPD, Seymour 2017 I4). R1's targets alone are iUPD at week
// 18 with no later scan to confirm it, so R1's best stays iSD.
TEST(SampleReview, IRecistDiscordanceOfTheSameSubject) {
  ReviewOptions options;
  options.criteria = {Criteria::kRecist11, Criteria::kIRecist};
  const Review r = SampleReview(options);
  const auto& s202 = Find(r, "CD70-IP-202");
  ASSERT_EQ(s202.discordances.size(), 4u);
  EXPECT_EQ(s202.discordances[2].Describe("R1", "R2"),
            "irecist best overall response: R1 iSD, R2 iCPD");
  EXPECT_EQ(s202.discordances[3].Describe("R1", "R2"),
            "irecist progression date: R1 none, R2 2026-04-27");
  ASSERT_EQ(r.agreement.by_criteria.size(), 2u);
  EXPECT_EQ(r.agreement.by_criteria[1].compared, 6);
  EXPECT_EQ(r.agreement.by_criteria[1].best_response_agreeing, 4);
}

TEST(SampleReview, RecomputeTakesFinalReadsOrOneReader) {
  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles({kReview}, problems);
  const ReadSelection final_reads = SelectReads(AssessFiles(files, 2), "");
  EXPECT_TRUE(final_reads.review);
  std::map<std::string, const SubjectResult*> by_subject;
  for (const auto& f : final_reads.files)
    if (!f.skipped) by_subject[f.result.subject] = &f.result;
  ASSERT_EQ(by_subject.size(), 7u);
  EXPECT_EQ(by_subject["CD70-IV-104"]->reader, "R1");  // adjudicated
  ASSERT_TRUE(by_subject["CD70-IV-104"]->recist11);
  EXPECT_EQ(by_subject["CD70-IV-104"]->recist11->best.best, Response::kCR);
  ASSERT_EQ(by_subject["CD70-IP-202"]->errors.size(), 1u);  // awaiting adjudication
  EXPECT_EQ(by_subject["CD70-IP-202"]->errors[0].rfind(
                "central review: no final read yet (needs adjudication; ", 0),
            0u);
  EXPECT_FALSE(by_subject["CD70-IP-202"]->recist11);

  const ReadSelection r2 = SelectReads(AssessFiles(files, 2), "R2");
  EXPECT_FALSE(r2.review);
  int reads = 0;
  for (const auto& f : r2.files)
    if (!f.skipped) {
      ++reads;
      EXPECT_EQ(f.result.reader, "R2");
    }
  EXPECT_EQ(reads, 6);
  EXPECT_EQ(r2.notes, std::vector<std::string>{"7 reads by readers other than R2 left out "
                                               "(--reader R2)"});
}

AssessedFile ReadOf(const std::string& subject, const std::string& reader) {
  AssessedFile a;
  a.result.subject = subject;
  a.result.reader = reader;
  return a;
}

// The streaming commands' first look (recompute, report): a review folder once both review
// readers have read one subject; one reader twice, other readers, or each reader a different
// subject are not one.
TEST(ReviewDetector, BothReviewReadersOfOneSubjectMakeAReviewFolder) {
  ReviewDetector d;
  d.Add(ReadOf("S1", "R1"));
  d.Add(ReadOf("S1", "R1"));
  d.Add(ReadOf("S2", "R2"));
  d.Add(ReadOf("S1", "SITE"));
  AssessedFile skipped = ReadOf("S2", "R1");
  skipped.skipped = true;
  d.Add(skipped);
  EXPECT_FALSE(d.review);
  for (int i = 0; i < 5000; ++i) d.Add(ReadOf("T" + std::to_string(i), i % 2 ? "R1" : "R2"));
  EXPECT_FALSE(d.review);
  d.Add(ReadOf("S2", "R1"));
  EXPECT_TRUE(d.review);
}

}  // namespace
}  // namespace nadir
