// The `method` extension (docs/format/assessment-v1.md, "How a measurement was made"): how a
// lesion's diameters were obtained, read with errors naming the field and value, kept by a
// rewrite with its unknown fields, and never a cause of a different response.
#include <gtest/gtest.h>

#include <string>

#include "formats/assessment_json.h"
#include "measure/assess.h"

namespace nadir::test {
namespace {

std::string WithMethod(const std::string& method) {
  return R"({"format": "nadir-assessment/1", "subject": "P-1", "timepoints": [
    {"date": "2026-01-05", "lesions": [{"id": "T1", "kind": "target", "long_axis_mm": 31.4,
      "short_axis_mm": 22.9, "method": )" +
         method + "}]}]}";
}

std::string All(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

TEST(MeasurementMethodJson, SemiAutomaticIsReadAndSurvivesARewriteWithUnknownFields) {
  const auto a = ParseAssessment(WithMethod(R"({"kind": "semi-automatic",
      "click": [-60.2, 20.7, -99.5], "volume_ml": 8.92, "max_3d_diameter_mm": 31.9,
      "algorithm": "adaptive-threshold", "qc": "kept"})"),
                                 "m.json");
  ASSERT_TRUE(a.errors.empty()) << All(a.errors);
  const LesionRecord& t1 = *a.subject->timepoints[0].Find("T1");
  ASSERT_TRUE(t1.method);
  EXPECT_EQ(t1.method->kind, MeasurementMethod::Kind::kSemiAutomatic);
  EXPECT_EQ(*t1.method->click, (PatientPoint{-60.2, 20.7, -99.5}));
  EXPECT_DOUBLE_EQ(*t1.method->volume_ml, 8.92);
  EXPECT_DOUBLE_EQ(*t1.method->max_3d_diameter_mm, 31.9);
  EXPECT_EQ(t1.method->algorithm, "adaptive-threshold");

  Subject edited = *a.subject;
  edited.timepoints[0].lesions[0].method->kind = MeasurementMethod::Kind::kEdited;
  const auto j = AssessmentToJson(edited);
  const auto& m = j["timepoints"][0]["lesions"][0]["method"];
  EXPECT_EQ(m["kind"], "edited");
  EXPECT_EQ(m["qc"], "kept");
  const auto back = ParseAssessment(j.dump(), "back.json");
  ASSERT_TRUE(back.errors.empty()) << All(back.errors);
  EXPECT_EQ(back.subject->timepoints[0].Find("T1")->method->kind, MeasurementMethod::Kind::kEdited);
}

TEST(MeasurementMethodJson, AbsentMeansManualAndIsNotWritten) {
  const auto a = ParseAssessment(WithMethod(R"({"kind": "manual"})"), "m.json");
  ASSERT_TRUE(a.errors.empty()) << All(a.errors);
  Subject s = *a.subject;
  s.timepoints[0].lesions[0].method.reset();  // a manual redraw drops the old record
  const auto j = AssessmentToJson(s);
  EXPECT_FALSE(j["timepoints"][0]["lesions"][0].contains("method"));
}

TEST(MeasurementMethodJson, BadValuesAreErrorsNamingTheFieldAndValue) {
  const auto unknown = ParseAssessment(WithMethod(R"({"kind": "robot"})"), "m.json");
  ASSERT_EQ(unknown.errors.size(), 1u);
  EXPECT_NE(unknown.errors[0].find("timepoints[0].lesions[0].method.kind"), std::string::npos);
  EXPECT_NE(unknown.errors[0].find("'robot'"), std::string::npos);

  const auto no_click = ParseAssessment(WithMethod(R"({"kind": "semi-automatic"})"), "m.json");
  ASSERT_EQ(no_click.errors.size(), 1u) << All(no_click.errors);
  EXPECT_NE(no_click.errors[0].find("method.click"), std::string::npos);

  const auto bad_click =
      ParseAssessment(WithMethod(R"({"kind": "edited", "click": [1, "a", 3]})"), "m.json");
  ASSERT_FALSE(bad_click.errors.empty());
  EXPECT_NE(All(bad_click.errors).find("method.click"), std::string::npos);

  const auto negative = ParseAssessment(
      WithMethod(R"({"kind": "semi-automatic", "click": [0, 0, 0], "volume_ml": -1})"), "m.json");
  ASSERT_EQ(negative.errors.size(), 1u);
  EXPECT_NE(negative.errors[0].find("method.volume_ml"), std::string::npos);

  const auto not_object = ParseAssessment(WithMethod(R"("semi-automatic")"), "m.json");
  ASSERT_EQ(not_object.errors.size(), 1u);
  EXPECT_NE(not_object.errors[0].find("expected an object"), std::string::npos);
}

TEST(MeasurementMethodJson, TheMethodNeverChangesAResponse) {
  const auto manual = ParseAssessment(WithMethod(R"({"kind": "manual"})"), "a.json");
  const auto automatic = ParseAssessment(
      WithMethod(R"({"kind": "semi-automatic", "click": [0, 0, 0], "volume_ml": 3})"), "b.json");
  ASSERT_TRUE(manual.subject && automatic.subject);
  const SubjectResult a = AssessSubject(*manual.subject), b = AssessSubject(*automatic.subject);
  ASSERT_TRUE(a.baseline && b.baseline);
  EXPECT_EQ(a.baseline->sum_mm, b.baseline->sum_mm);
  EXPECT_EQ(a.errors, b.errors);
  EXPECT_EQ(a.warnings, b.warnings);
}

}  // namespace
}  // namespace nadir::test
