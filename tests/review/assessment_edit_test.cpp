// Audited edits (`nadir edit`): a saved change always has its audit entry; bad edits save
// nothing and say why.
#include "formats/review/assessment_edit.h"

#include <gtest/gtest.h>

#include "formats/assessment_json.h"
#include "formats/review/audit_log.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/text_file.h"

namespace nadir {
namespace {

using test::ReadText;
using test::WriteText;

constexpr const char* kAssessment = R"({"format": "nadir-assessment/1", "subject": "S-01",
  "reader": "R2", "groups": {"arm": "IV"}, "site_note": "kept",
  "timepoints": [
    {"date": "2026-01-05", "lesions": [{"id": "T1", "kind": "target", "site": "liver",
                                        "long_axis_mm": 32}]},
    {"date": "2026-02-16", "lesions": [{"id": "T1", "kind": "target", "site": "liver",
                                        "long_axis_mm": 21}]}]})";

EditRequest Request(const std::string& file, std::vector<FieldSetting> settings) {
  return EditRequest{file, "2026-02-16", "T1", std::move(settings), "R2", "re-measured"};
}

TEST(AssessmentEdit, SavesTheChangeAndLogsIt) {
  test::ScratchDir dir;
  const std::string file = dir / "S-01.R2.json";
  WriteText(file, kAssessment);
  std::vector<std::string> errors;
  EXPECT_EQ(EditAssessment(Request(file, {{"long_axis_mm", "19.5"}}), errors), 1);
  EXPECT_TRUE(errors.empty()) << errors[0];

  const LoadedAssessment saved = ParseAssessment(ReadText(file), file);
  ASSERT_TRUE(saved.subject);
  EXPECT_EQ(saved.subject->timepoints[1].lesions[0].long_axis_mm, 19.5);
  EXPECT_EQ(saved.document["site_note"], "kept");  // unknown fields survive
  const AuditCheck log = CheckAuditLog(ReadText(AuditLogPathFor(file)));
  ASSERT_TRUE(log.ok()) << log.problem;
  ASSERT_EQ(log.parsed.size(), 1u);
  EXPECT_EQ(log.parsed[0].user, "R2");
  EXPECT_EQ(log.parsed[0].subject, "S-01");
  EXPECT_EQ(log.parsed[0].change.timepoint, "2026-02-16");
  EXPECT_EQ(log.parsed[0].change.lesion, "T1");
  EXPECT_EQ(log.parsed[0].change.field, "long_axis_mm");
  EXPECT_EQ(log.parsed[0].change.old_value, FieldValue(21.0));
  EXPECT_EQ(log.parsed[0].change.new_value, FieldValue(19.5));
  EXPECT_EQ(log.parsed[0].reason, "re-measured");
  EXPECT_EQ(CheckAuditAgainstAssessment(log, saved.document), "");
}

TEST(AssessmentEdit, BadEditsSaveNothingAndSayWhy) {
  test::ScratchDir dir;
  const std::string file = dir / "S-01.R2.json";
  WriteText(file, kAssessment);
  const auto fails = [&](EditRequest r) {
    std::vector<std::string> errors;
    EXPECT_EQ(EditAssessment(r, errors), -1);
    return errors.empty() ? std::string() : errors[0];
  };
  EXPECT_EQ(fails(Request(file, {{"state", "gone"}})),
            file +
                ": not saved: timepoints[1].lesions[0].state: unknown state 'gone' (expected "
                "one of measured, too_small, absent, not_evaluated, merged, present, "
                "unequivocal_progression, equivocal, unequivocal)");
  EditRequest no_lesion = Request(file, {{"long_axis_mm", "19"}});
  no_lesion.lesion = "T7";
  EXPECT_EQ(fails(no_lesion), file + ": no lesion 'T7' at timepoint 2026-02-16");
  EXPECT_EQ(fails(Request(file, {{"long_axis_mm", "21"}})),
            file +
                ": timepoints[1].lesions[0]: nothing changed (the values are already set, or "
                "the fields are not assessment fields nadir records)");
  EditRequest anonymous = Request(file, {{"long_axis_mm", "19"}});
  anonymous.user.clear();
  EXPECT_EQ(fails(anonymous), file + ": --user: who makes the change is required");
  EXPECT_EQ(ReadText(file), kAssessment);  // untouched
  EXPECT_FALSE(std::filesystem::exists(AuditLogPathFor(file)));
}

TEST(AssessmentEdit, FieldSettings) {
  FieldSetting s;
  std::string error;
  EXPECT_TRUE(ParseFieldSetting("label=Week 6", s, &error));
  EXPECT_EQ(s.field, "label");
  EXPECT_EQ(s.value, "Week 6");
  EXPECT_FALSE(ParseFieldSetting("=3", s, &error));
  EXPECT_FALSE(ParseFieldSetting("long_axis_mm", s, &error));
  EXPECT_EQ(error, "--set: expected FIELD=VALUE, got 'long_axis_mm'");
}

}  // namespace
}  // namespace nadir
