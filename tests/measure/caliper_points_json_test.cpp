// The nadir extensions of `points` (docs/format/assessment-v1.md, "Caliper end points"): end
// points of a split lesion's fragments, and measurements drawn on a reformatted plane (series,
// plane, normal instead of a SOP Instance UID). Read, validated with the field's path and
// value, and kept by a rewrite.
#include <gtest/gtest.h>

#include <string>

#include "formats/assessment_json.h"

namespace nadir::test {
namespace {

// A subject whose baseline T1 has `points` given as JSON text.
std::string WithPoints(const std::string& points) {
  return R"({"format": "nadir-assessment/1", "subject": "P-1", "timepoints": [
    {"date": "2026-01-05", "lesions": [{"id": "T1", "kind": "target", "long_axis_mm": 20,
      "points": )" +
         points + "}]}]}";
}

bool Has(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& l : lines)
    if (l.find(text) != std::string::npos) return true;
  return false;
}

std::string All(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

const char* kSplit = R"({"format": "nadir-assessment/1", "subject": "P-2", "timepoints": [
  {"date": "2026-01-05", "lesions": [{"id": "T1", "kind": "target", "long_axis_mm": 40}]},
  {"date": "2026-03-02", "lesions": [{"id": "T1", "kind": "target", "state": "measured",
    "fragments": [
      {"long_axis_mm": 12, "qc": "kept",
       "points": {"sop_uid": "1.2.9", "long": [[0,0,0],[12,0,0]]}},
      {"long_axis_mm": 8.5, "points": {"series_uid": "1.2.8", "plane": "coronal",
        "normal": [0, 1, 0], "long": [[30,4,10],[30,4,18.5]], "viewer_note": "kept too"}}]}]}]})";

TEST(CaliperPointsJson, FragmentPointsAreReadAndSurviveARewrite) {
  const auto a = ParseAssessment(kSplit, "split.json");
  ASSERT_TRUE(a.errors.empty()) << All(a.errors);
  const LesionRecord& t1 = *a.subject->timepoints[1].Find("T1");
  ASSERT_EQ(t1.fragments.size(), 2u);
  ASSERT_TRUE(t1.fragments[0].points);
  EXPECT_EQ(t1.fragments[0].points->sop_uid, "1.2.9");
  EXPECT_EQ((*t1.fragments[0].points->long_axis)[1], (PatientPoint{12, 0, 0}));
  const CaliperPoints& b = *t1.fragments[1].points;
  EXPECT_TRUE(b.Reformat());
  EXPECT_EQ(b.plane, "coronal");
  EXPECT_EQ(b.series_uid, "1.2.8");
  EXPECT_EQ(*b.normal, (PatientPoint{0, 1, 0}));

  const auto j = AssessmentToJson(*a.subject);
  const auto& frags = j["timepoints"][1]["lesions"][0]["fragments"];
  EXPECT_EQ(frags[0]["qc"], "kept");
  EXPECT_EQ(frags[1]["points"]["viewer_note"], "kept too");
  const auto back = ParseAssessment(j.dump(), "back.json");
  ASSERT_TRUE(back.errors.empty()) << All(back.errors);
  const LesionRecord& t1b = *back.subject->timepoints[1].Find("T1");
  EXPECT_EQ(t1b.fragments[1].points->long_axis, b.long_axis);
  EXPECT_EQ(t1b.fragments[1].points->normal, b.normal);
}

TEST(CaliperPointsJson, ADeletedFragmentTakesItsOwnUnknownFieldsAlong) {
  auto a = ParseAssessment(kSplit, "split.json");
  ASSERT_TRUE(a.errors.empty()) << All(a.errors);
  auto& frags = a.subject->timepoints[1].lesions[0].fragments;
  frags.erase(frags.begin());  // fragment a (with "qc") deleted in the viewer
  const auto j = AssessmentToJson(*a.subject);
  const auto& out = j["timepoints"][1]["lesions"][0]["fragments"];
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["long_axis_mm"], 8.5);
  EXPECT_FALSE(out[0].contains("qc"));
  EXPECT_EQ(out[0]["points"]["viewer_note"], "kept too");
}

TEST(CaliperPointsJson, BadFragmentPointsNameTheFragment) {
  std::string text = kSplit;
  text.replace(text.find("[[0,0,0],[12,0,0]]"), 18, "[[0,0],[12,0,0]]");
  const auto a = ParseAssessment(text, "split.json");
  EXPECT_TRUE(Has(a.errors,
                  "timepoints[1].lesions[0].fragments[0].points.long: expected two "
                  "points"))
      << All(a.errors);
}

TEST(CaliperPointsJson, AReformatNeedsSeriesAndAUnitNormal) {
  auto a =
      ParseAssessment(WithPoints(R"({"plane": "coronal", "long": [[0,0,0],[0,0,20]]})"), "r.json");
  EXPECT_TRUE(Has(a.errors, "timepoints[0].lesions[0].points.series_uid: missing"))
      << All(a.errors);
  EXPECT_TRUE(Has(a.errors, "timepoints[0].lesions[0].points.normal: missing")) << All(a.errors);

  a = ParseAssessment(WithPoints(R"({"series_uid": "1.2", "plane": "coronal",
      "normal": [0, 2, 0], "long": [[0,0,0],[0,0,20]]})"),
                      "r.json");
  EXPECT_TRUE(Has(a.errors, "points.normal: [0,2,0] is not a unit vector")) << All(a.errors);

  a = ParseAssessment(WithPoints(R"({"series_uid": "1.2", "plane": "oblique",
      "normal": [0, 1, 0], "long": [[0,0,0],[0,0,20]]})"),
                      "r.json");
  EXPECT_TRUE(Has(a.errors, "points.plane: unknown plane 'oblique'")) << All(a.errors);
}

TEST(CaliperPointsJson, AReformatsEndPointsLieOnItsPlane) {
  const auto a = ParseAssessment(WithPoints(R"({"series_uid": "1.2", "plane": "coronal",
      "normal": [0, 1, 0], "long": [[0,5,0],[0,5,20]], "short": [[-4,5,10],[4,6.5,10]]})"),
                                 "r.json");
  EXPECT_TRUE(Has(a.errors, "points.short: an end point lies 1.5 mm off the coronal plane"))
      << All(a.errors);
}

TEST(CaliperPointsJson, NativeImageOrReformatNeverBoth) {
  auto a = ParseAssessment(WithPoints(R"({"sop_uid": "1.2.3", "series_uid": "1.2",
      "plane": "axial", "normal": [0, 0, 1], "long": [[0,0,0],[20,0,0]]})"),
                           "r.json");
  EXPECT_TRUE(Has(a.errors, "points.plane: 'axial' given with sop_uid '1.2.3'")) << All(a.errors);
  a = ParseAssessment(WithPoints(R"({"sop_uid": "1.2.3", "normal": [0, 0, 1],
      "long": [[0,0,0],[20,0,0]]})"),
                      "r.json");
  EXPECT_TRUE(Has(a.errors, "points.normal: given without plane")) << All(a.errors);
}

TEST(CaliperPointsJson, OlderFilesWithOnlySopUidReadAsBefore) {
  const auto a =
      ParseAssessment(WithPoints(R"({"sop_uid": "1.2.3", "long": [[0,0,0],[20,0,0]]})"), "r.json");
  ASSERT_TRUE(a.errors.empty()) << All(a.errors);
  const CaliperPoints& p = *a.subject->timepoints[0].lesions[0].points;
  EXPECT_FALSE(p.Reformat());
  EXPECT_EQ(p.sop_uid, "1.2.3");
  const auto j = AssessmentToJson(*a.subject);
  const auto& pts = j["timepoints"][0]["lesions"][0]["points"];
  EXPECT_FALSE(pts.contains("plane"));
  EXPECT_FALSE(pts.contains("normal"));
  EXPECT_FALSE(pts.contains("series_uid"));
}

}  // namespace
}  // namespace nadir::test
