// Blinding: a reader's package holds that reader's reads and the images, and nothing that
// names the other reader, the adjudication or the subject's arm and dose level.
#include "formats/review/reader_package.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/scratch_dir.h"
#include "tests/support/text_file.h"

namespace nadir {
namespace {

namespace fs = std::filesystem;
using test::ReadText;
using test::WriteText;

std::string Assessment(const std::string& subject, const std::string& reader) {
  return R"({"format": "nadir-assessment/1", "subject": ")" + subject + R"(", "reader": ")" +
         reader + R"(", "groups": {"arm": "Intravenous", "dose_level": "DoseLevel3"},
  "covariates": {"cd70_positive_pct": 88}, "last_known_alive": "2026-11-20",
  "timepoints": [{"date": "2026-01-05", "lesions": [
    {"id": "T1", "kind": "target", "site": "liver", "long_axis_mm": 32}]}]})";
}

TEST(ReaderPackage, HoldsOnlyTheReadersOwnReadsAndImagesAndLeaksNothing) {
  test::ScratchDir dir;
  const std::string review = dir / "review";
  WriteText(review + "/S-01.R1.json", Assessment("S-01", "Reader-One"));
  WriteText(review + "/S-01.R2.json", Assessment("S-01", "R2"));
  WriteText(review + "/nested/S-02.R2.json", Assessment("S-02", "R2"));
  WriteText(review + "/nested/S-02.R1.json", Assessment("S-02", "Reader-One"));
  WriteText(review + "/S-01.R1.audit.jsonl", R"({"user":"Reader-One"})"
                                             "\n");
  WriteText(review + "/S-01.adjudication.json",
            R"({"format": "nadir-adjudication/1", "subject": "S-01", "adjudicator": "ADJ1",
                "chosen_reader": "Reader-One", "reason": "x", "decided_at": "2026-06-02T14:31:00Z"})");
  WriteText(review + "/notes.txt", "Reader-One thinks Intravenous works");
  WriteText(review + "/odd.json", R"({"format": 7, "reader": "R2"})");  // not an assessment
  std::string dicom(128, '\0');
  dicom += "DICM";
  dicom += "pixels";
  WriteText(review + "/images/S-01/CT0001.dcm", dicom);

  const std::string out = dir / "package-R2";
  const PackageReport report = MakeReaderPackage(review, "R2", out);
  ASSERT_TRUE(report.ok()) << report.problems[0];
  EXPECT_EQ(report.assessments, (std::vector<std::string>{"S-01.R2.json", "nested/S-02.R2.json"}));
  EXPECT_EQ(report.images, 1);
  EXPECT_EQ(report.withheld, 6);  // two R1 reads, the log, the adjudication, notes, odd.json

  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(out))
    if (e.is_regular_file()) files.push_back(fs::relative(e.path(), out).string());
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{"S-01.R2.json", "images/S-01/CT0001.dcm",
                                             "nested/S-02.R2.json", "package.json"}));
  // Search every file of the package, names included, for what must not be there.
  for (const auto& f : files) {
    const std::string text = f + "\n" + ReadText((fs::path(out) / f).string());
    for (const char* leak : {"Reader-One", "R1", "Intravenous", "DoseLevel3", "groups",
                             "covariates", "cd70", "adjudicat", "2026-11-20", "ADJ1"})
      EXPECT_EQ(text.find(leak), std::string::npos) << leak << " found in " << f;
  }
  EXPECT_EQ(ReadText(out + "/images/S-01/CT0001.dcm"), dicom);
}

TEST(ReaderPackage, RefusesAnOutputInsideTheReviewOrAlreadyFull) {
  test::ScratchDir dir;
  WriteText(dir / "review/S-01.R2.json", Assessment("S-01", "R2"));
  WriteText(dir / "full/x.txt", "x");
  EXPECT_EQ(
      MakeReaderPackage(dir / "review", "R2", dir / "review/pkg").problems,
      std::vector<std::string>{(dir / "review/pkg").string() + ": the package must lie outside " +
                               (dir / "review").string()});
  EXPECT_EQ(
      MakeReaderPackage(dir / "review", "R2", dir / "full").problems,
      std::vector<std::string>{(dir / "full").string() + ": exists and is not an empty folder"});
  EXPECT_EQ(MakeReaderPackage(dir / "review", "R3", dir / "r3").problems,
            std::vector<std::string>{(dir / "review").string() + ": no assessment by reader 'R3'"});
}

}  // namespace
}  // namespace nadir
