// A query's keys re-checked on nadir's side (pacs/match.h): DCMTK's dcmqrscp ignores Clinical
// Trial Subject ID and answers with every subject's studies.
#include "pacs/match.h"

#include <gtest/gtest.h>

namespace nadir::pacs {
namespace {

StudyRecord Study(std::string uid, std::string patient, std::string subject, std::string date) {
  StudyRecord s;
  s.study_uid = std::move(uid);
  s.patient_id = std::move(patient);
  s.subject_id = std::move(subject);
  s.study_date = std::move(date);
  s.modalities = "CT\\SR";
  return s;
}

TEST(PacsMatch, WildcardsFollowPs34) {
  EXPECT_TRUE(WildcardMatch("PH-001", "PH-001"));
  EXPECT_FALSE(WildcardMatch("PH-001", "PH-0011"));
  EXPECT_FALSE(WildcardMatch("PH-001", "ph-001"));  // LO values match case-sensitively
  EXPECT_TRUE(WildcardMatch("PH-*", "PH-001"));
  EXPECT_TRUE(WildcardMatch("*", ""));
  EXPECT_TRUE(WildcardMatch("PH-00?", "PH-003"));
  EXPECT_FALSE(WildcardMatch("PH-00?", "PH-00"));
  EXPECT_TRUE(WildcardMatch("*-0*1", "PH-0001"));
  EXPECT_FALSE(WildcardMatch("*-0*2", "PH-0001"));
}

TEST(PacsMatch, AnotherSubjectsStudiesAreLeftOutAndSaidSo) {
  StudyQuery q;
  q.subject_id = "PH-001";
  std::vector<std::string> warnings;
  const auto kept = KeepMatching(
      q, {Study("1", "P1", "PH-001", "20260101"), Study("2", "P2", "PH-002", "20260101")},
      warnings);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].study_uid, "1");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("(0012,0040) is not 'PH-001'"), std::string::npos) << warnings[0];
}

TEST(PacsMatch, APeerThatReturnsNoValueForAQueriedKeyCannotHaveMatchedOnIt) {
  StudyQuery q;
  q.subject_id = "PH-999";
  std::vector<std::string> warnings;
  const auto kept = KeepMatching(q, {Study("1", "P1", "", "20260101")}, warnings);
  EXPECT_TRUE(kept.empty());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("returned no Clinical Trial Subject ID (0012,0040) for 1 studies"),
            std::string::npos)
      << warnings[0];
}

TEST(PacsMatch, KeysNotAskedForAndWildcardOnlyKeysKeepEverything) {
  StudyQuery q;
  q.patient_id = "*";
  std::vector<std::string> warnings;
  const auto kept =
      KeepMatching(q, {Study("1", "P1", "", ""), Study("2", "", "PH-2", "")}, warnings);
  EXPECT_EQ(kept.size(), 2u);
  EXPECT_TRUE(warnings.empty());
}

TEST(PacsMatch, ModalitiesInStudyMatchesAnyOfItsValues) {
  StudyQuery q;
  q.modality = "SR";
  std::vector<std::string> warnings;
  EXPECT_EQ(KeepMatching(q, {Study("1", "P1", "S", "20260101")}, warnings).size(), 1u);
  q.modality = "MR";
  EXPECT_TRUE(KeepMatching(q, {Study("1", "P1", "S", "20260101")}, warnings).empty());
}

TEST(PacsMatch, DateRangesIncludeBothEndsAndMayBeOpen) {
  const std::vector<StudyRecord> studies = {Study("a", "P", "S", "20260101"),
                                            Study("b", "P", "S", "20260301"),
                                            Study("c", "P", "S", "20260302")};
  StudyQuery q;
  q.date_from = "20260101";
  q.date_to = "20260301";
  std::vector<std::string> warnings;
  EXPECT_EQ(KeepMatching(q, studies, warnings).size(), 2u);
  q.date_from.clear();
  q.date_to = "20260101";
  EXPECT_EQ(KeepMatching(q, studies, warnings).size(), 1u);
  q.date_from = "20260302";
  q.date_to.clear();
  EXPECT_EQ(KeepMatching(q, studies, warnings).size(), 1u);
}

}  // namespace
}  // namespace nadir::pacs
