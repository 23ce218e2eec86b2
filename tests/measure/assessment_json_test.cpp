// Reading and writing assessment files (docs/format/assessment-v1.md).
#include "formats/assessment_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "measure/assess.h"
#include "tests/support/scratch_dir.h"

namespace nadir::test {
namespace {

const char* kMinimal = R"({
  "format": "nadir-assessment/1", "subject": "X-1", "reader": "R2",
  "groups": {"arm": "IP", "dose_level": "DL3"}, "site_comment": "kept",
  "protocol": {"confirmation": false, "bor_window_days": 90, "dor_from": "control"},
  "timepoints": [
    {"date": "2026-02-16", "label": "Week 6", "scanner": "kept too", "lesions": [
      {"id": "T1", "kind": "target", "site": "liver", "long_axis_mm": 20.5, "qc": 1}]},
    {"date": "2026-01-05", "lesions": [
      {"id": "T1", "kind": "target", "site": "liver", "long_axis_mm": 30, "short_axis_mm": 20,
       "points": {"sop_uid": "1.2.3", "long": [[1,2,3],[4,5,6]]}}]}
  ]})";

bool Has(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& l : lines)
    if (l.find(text) != std::string::npos) return true;
  return false;
}

TEST(AssessmentJson, ReadsEveryField) {
  const auto a = ParseAssessment(kMinimal, "x.json");
  ASSERT_TRUE(a.errors.empty()) << a.errors.front();
  const Subject& s = *a.subject;
  EXPECT_EQ(s.id, "X-1");
  EXPECT_EQ(s.reader, "R2");
  EXPECT_EQ(s.groups.at("dose_level"), "DL3");
  EXPECT_FALSE(s.protocol.confirmation);
  EXPECT_EQ(s.protocol.bor_window_days, 90);
  EXPECT_EQ(s.protocol.dor_from, DurationFrom::kControl);
  ASSERT_EQ(s.timepoints.size(), 2u);
  // Sorted by date when read; the file listed Week 6 first, and the subject remembers it.
  EXPECT_EQ(FormatIsoDate(s.timepoints[0].date), "2026-01-05");
  EXPECT_EQ(s.timepoints[1].label, "Week 6");
  ASSERT_TRUE(s.listed_first);
  EXPECT_EQ(FormatIsoDate(*s.listed_first), "2026-02-16");
  const auto& l = s.timepoints[0].lesions[0];
  EXPECT_EQ(l.state, LesionState::kMeasured);  // default for a target with diameters
  ASSERT_TRUE(l.points && l.points->long_axis);
  EXPECT_EQ((*l.points->long_axis)[1][2], 6.0);
}

TEST(AssessmentJson, MalformedJsonNamesThePosition) {
  const auto a = ParseAssessment("{\"subject\": \"X\",, }", "bad.json");
  ASSERT_EQ(a.errors.size(), 1u);
  EXPECT_NE(a.errors[0].find("not valid JSON"), std::string::npos);
  EXPECT_NE(a.errors[0].find("line 1, column"), std::string::npos);
}

// The JSON library throws out_of_range (406), not parse_error, for a number no double holds;
// the fuzzer found 77777e777777775. It is an error naming the value, never an exception.
TEST(AssessmentJson, NumberTooLargeForADoubleIsAnErrorNamingTheValue) {
  for (const char* number : {"1e400", "-1e400", "77777e777777775"}) {
    const std::string text = std::string(R"({"subject": "X", "timepoints": [{"date": "2026-01-05",
      "lesions": [{"id": "T1", "kind": "target", "long_axis_mm": )") +
                             number + "}]}]}";
    const auto a = ParseAssessment(text, "big.json");
    EXPECT_FALSE(a.subject);
    ASSERT_EQ(a.errors.size(), 1u) << number;
    EXPECT_NE(a.errors[0].find("not valid JSON"), std::string::npos) << a.errors[0];
    EXPECT_NE(a.errors[0].find(number), std::string::npos) << a.errors[0];
  }
}

TEST(AssessmentJson, MistypedFieldNamesPathAndValue) {
  const auto a = ParseAssessment(R"({"subject": "X", "timepoints": [{"date": "2026-01-05",
      "lesions": [{"id": "T1", "kind": "target", "long_axis_mm": "12mm"}]}]})",
                                 "x.json");
  EXPECT_TRUE(
      Has(a.errors, "timepoints[0].lesions[0].long_axis_mm: expected a number, got \"12mm\""));
}

TEST(AssessmentJson, UnknownStateListsTheAllowedOnes) {
  const auto a = ParseAssessment(R"({"subject": "X", "timepoints": [{"date": "2026-01-05",
      "lesions": [{"id": "NT1", "kind": "nontarget", "state": "gone"}]}]})",
                                 "x.json");
  EXPECT_TRUE(Has(a.errors, "timepoints[0].lesions[0].state: unknown state 'gone'"));
}

TEST(AssessmentJson, BadDateAndMissingSubject) {
  const auto a =
      ParseAssessment(R"({"timepoints": [{"date": "2026-02-30", "lesions": []}]})", "x.json");
  EXPECT_TRUE(Has(a.errors, "subject: missing"));
  EXPECT_TRUE(Has(a.errors, "timepoints[0].date: expected a date YYYY-MM-DD, got \"2026-02-30\""));
}

TEST(AssessmentJson, NewLesionMustSayWhetherItIsEquivocal) {
  const auto a = ParseAssessment(R"({"subject": "X", "timepoints": [{"date": "2026-01-05",
      "lesions": [{"id": "N1", "kind": "new"}]}]})",
                                 "x.json");
  EXPECT_TRUE(Has(a.errors, "timepoints[0].lesions[0].state: missing"));
}

TEST(AssessmentJson, RewriteKeepsUnknownFields) {
  const auto a = ParseAssessment(kMinimal, "x.json");
  Subject s = *a.subject;
  s.timepoints[1].lesions[0].long_axis_mm = 19.0;  // an edit of Week 6
  const auto j = AssessmentToJson(s);              // the subject's extras hold the unknown fields
  EXPECT_EQ(j["site_comment"], "kept");
  // Written in date order: Week 6 second.
  EXPECT_EQ(j["timepoints"][1]["scanner"], "kept too");
  EXPECT_EQ(j["timepoints"][1]["lesions"][0]["qc"], 1);
  EXPECT_EQ(j["timepoints"][1]["lesions"][0]["long_axis_mm"], 19.0);
  // and it reads back to the same subject
  const auto again = ParseAssessment(j.dump(), "y.json");
  ASSERT_TRUE(again.errors.empty());
  EXPECT_EQ(again.subject->timepoints[0].lesions[0].points->sop_uid, "1.2.3");
  EXPECT_EQ(again.subject->protocol.bor_window_days, 90);
}

TEST(AssessmentJson, TrackingUidsLiveInTheSubjectsExtras) {
  const auto a = ParseAssessment(R"({"subject": "X-2", "timepoints": [
      {"date": "2026-01-05", "lesions": [{"id": "T1", "kind": "target", "long_axis_mm": 30,
                                          "tracking_uid": "2.25.7"}]},
      {"date": "2026-02-16", "lesions": [{"id": "T1", "kind": "target", "long_axis_mm": 25}]}]})",
                                 "t.json");
  ASSERT_TRUE(a.errors.empty()) << a.errors.front();
  EXPECT_EQ(a.subject->extras.tracking_uids.at("T1"), "2.25.7");
  // One lesion, one UID: written at every timepoint that records the lesion.
  const auto j = AssessmentToJson(*a.subject);
  EXPECT_EQ(j["timepoints"][0]["lesions"][0]["tracking_uid"], "2.25.7");
  EXPECT_EQ(j["timepoints"][1]["lesions"][0]["tracking_uid"], "2.25.7");
  // A subject built in memory has no document; its tracking UIDs are written all the same.
  Subject fresh = *a.subject;
  fresh.extras.document.clear();
  EXPECT_EQ(AssessmentToJson(fresh)["timepoints"][1]["lesions"][0]["tracking_uid"], "2.25.7");
}

// The reader sorts the timepoints, so the validator learns the order of the file from
// Subject::listed_first: a follow-up whose year was typed wrongly is still reported.
TEST(AssessmentJson, AFollowUpDatedBeforeTheBaselineListedFirstIsStillReported) {
  const auto a = ParseAssessment(R"({"subject": "X-3", "timepoints": [
      {"date": "2026-01-05", "lesions": [{"id": "T1", "kind": "target", "long_axis_mm": 30}]},
      {"date": "2025-02-16", "lesions": [{"id": "T1", "kind": "target", "long_axis_mm": 20}]}]})",
                                 "y.json");
  ASSERT_TRUE(a.errors.empty()) << a.errors.front();
  EXPECT_EQ(FormatIsoDate(a.subject->timepoints[0].date), "2025-02-16");
  EXPECT_TRUE(Has(AssessSubject(*a.subject).warnings,
                  "timepoint 2025-02-16 is dated before the baseline 2026-01-05 (listed first)"));
}

TEST(AssessmentJson, AtomicWriteReplacesTheFileWhole) {
  const test::ScratchDir dir;
  const std::string path = (dir / "a.json").string();
  std::string error;
  ASSERT_TRUE(WriteFileAtomically(path, "first", &error)) << error;
  ASSERT_TRUE(WriteFileAtomically(path, "second", &error)) << error;
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(text, "second");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);  // no temporaries left
  EXPECT_FALSE(WriteFileAtomically((dir / "no/such/dir/a.json").string(), "x", &error));
  EXPECT_NE(error.find("cannot create"), std::string::npos);
}

}  // namespace
}  // namespace nadir::test
