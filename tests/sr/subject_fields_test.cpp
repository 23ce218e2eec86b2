// The assessment's subject-level fields travel in nadir's reports (private TEXT items of the
// report's Qualitative Evaluations): all of them, the latest report's when reports disagree,
// and a value that is not what nadir writes is an error naming the item and the value.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include "tests/sr/sr_fixture.h"

namespace nadir::dicom::sr {
namespace {

using namespace nadir::test;  // the fixture (tests/sr/sr_fixture.h)

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// PH-001's ground truth with every subject-level field of the format set, and two it does not know.
LoadedAssessment RichTruth() {
  Json doc = ReadTruth(GetPhantom().Truth("PH-001")).document;
  doc["groups"] = {{"arm", "IV"}, {"dose_level", "DL2"}};
  doc["covariates"] = {{"cd70_positive_pct", 72}, {"age_years", 61.5}};
  doc["treatment_start"] = "2026-02-25";
  doc["death_date"] = "2026-11-02";
  doc["last_known_alive"] = "2026-11-01";
  doc["protocol"] = {{"criteria", {"RECIST1.1"}}, {"confirmation", false}, {"sd_min_days", 56},
                     {"too_small_mm", 4.5},       {"bor_window_days", 90}, {"dor_from", "control"}};
  doc["site_name"] = "Hôpital Saint-Louis";
  doc["enrolment"] = {{"cohort", 2}, {"flags", {"a", "b"}}};
  LoadedAssessment a = ParseAssessment(doc.dump(), "rich.json");
  EXPECT_TRUE(a.subject && a.errors.empty()) << Join(a.errors);
  return a;
}

std::vector<fs::path> Export(const LoadedAssessment& a, const std::string& dir) {
  ExportOptions options;
  options.images = GetPhantom().Images("PH-001");
  options.out = Scratch().Fresh(dir);
  std::vector<fs::path> files;
  for (const auto& r : ExportAssessment(*a.subject, "rich.json", options).reports)
    files.push_back(r.file);
  return files;
}

TEST(SrSubjectFields, EverySubjectLevelFieldTravelsAndTheReportsStayValid) {
  const LoadedAssessment truth = RichTruth();
  const auto files = Export(truth, "subj_all");
  ASSERT_EQ(files.size(), 3u);
  for (const auto& f : files) EXPECT_EQ(DciodvfyErrors(f), "") << f;
  const ImportResult r =
      ImportReports(files.front().parent_path(), ImportOptions{GetPhantom().Images("PH-001")});
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  EXPECT_TRUE(r.warnings.empty()) << Join(r.warnings);
  ExpectSameSubjectLevel(*truth.subject, *r.subject);
  ExpectSameDocumentSubjectLevel(truth.document, AssessmentToJson(*r.subject));
  EXPECT_EQ(AssessmentToJson(*r.subject)["site_name"], "Hôpital Saint-Louis");
}

void SetContentDate(const fs::path& f, const char* date) {
  EditDataset(f, f, [&](DcmItem& ds) {
    ds.putAndInsertString(DCM_ContentDate, date);
    ds.putAndInsertString(DCM_ContentTime, "120000");
  });
}

TEST(SrSubjectFields, ReportsThatDisagreeAreAWarningAndTheLatestReportsFieldsAreKept) {
  const LoadedAssessment truth = ReadTruth(GetPhantom().Truth("PH-001"));
  const auto old_files = ExportTruth("PH-001", "subj_old");
  LoadedAssessment changed = RichTruth();
  const auto new_files = Export(changed, "subj_new");
  const fs::path dir = Scratch().Fresh("subj_mixed");
  // The baseline's report re-exported (made later) with the changed fields; the others old.
  fs::copy_file(new_files[0], dir / "a.dcm");
  fs::copy_file(old_files[1], dir / "b.dcm");
  fs::copy_file(old_files[2], dir / "c.dcm");
  SetContentDate(dir / "a.dcm", "20261201");
  SetContentDate(dir / "b.dcm", "20261101");
  SetContentDate(dir / "c.dcm", "20261101");
  ImportResult r = ImportReports(dir);
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(Contains(r.warnings, (dir / "b.dcm").string() + ": subject-level 'groups'"))
      << Join(r.warnings);
  EXPECT_TRUE(Contains(r.warnings, "differ from the latest report " + (dir / "a.dcm").string() +
                                       "; the latest report's are kept"))
      << Join(r.warnings);
  ExpectSameSubjectLevel(*changed.subject, *r.subject);

  // Made the same day, the report of the latest study is the latest.
  SetContentDate(dir / "a.dcm", "20261101");
  r = ImportReports(dir);
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_EQ(r.subject->groups, truth.subject->groups);
  EXPECT_TRUE(Contains(r.warnings, (dir / "a.dcm").string() + ": subject-level"))
      << Join(r.warnings);
}

TEST(SrSubjectFields, FieldThatIsNotWhatNadirWritesIsAnErrorNamingItemAndValue) {
  const auto files = Export(RichTruth(), "subj_bad_src");
  const fs::path out = Scratch().Fresh("subj_bad") / "sr.dcm";
  EditDataset(files[1], out, [](DcmItem& ds) {
    DcmItem* groups = FindContentItem(ds, "SUBJECT-GROUPS");
    ASSERT_NE(groups, nullptr);
    groups->putAndInsertString(DCM_TextValue, "arm=IV");
    DcmItem* death = FindContentItem(ds, "DEATH-DATE");
    ASSERT_NE(death, nullptr);
    death->putAndInsertString(DCM_TextValue, "2 Nov 2026");
  });
  const ImportResult r = ImportReportFiles({out});
  ASSERT_TRUE(r.subject) << Join(r.errors);
  EXPECT_TRUE(Contains(r.errors, out.string() + ": content item 1.5.")) << Join(r.errors);
  EXPECT_TRUE(Contains(r.errors,
                       "(SUBJECT-GROUPS, 99NADIR, \"Subject groups (JSON)\") = 'arm=IV' is not a "
                       "JSON object; groups not imported"))
      << Join(r.errors);
  EXPECT_TRUE(Contains(r.errors, "'2 Nov 2026' is not a date YYYY-MM-DD; death_date not imported"))
      << Join(r.errors);
  EXPECT_TRUE(r.subject->groups.empty());
  EXPECT_FALSE(r.subject->death_date);
  EXPECT_EQ(r.subject->protocol.sd_min_days, 56);  // the other fields still come back
}

}  // namespace
}  // namespace nadir::dicom::sr
