// Reader mode's case list (viewer/annotate/package_cases): a blinded package made by
// `nadir review package` lists the reader's own cases with how far each read is; whatever would
// break blinding or lose a case is named, never skipped silently.
#include "viewer/annotate/package_cases.h"

#include <gtest/gtest.h>

#include <fstream>

#include "formats/assessment_json.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;

// An assessment by `reader`: a baseline with T1, and a follow-up that records T1 or not.
std::string Assessment(const std::string& subject, const std::string& reader, bool follow_up_done) {
  const std::string t1 = R"({"id": "T1", "kind": "target", "site": "liver", "state": "measured",
                             "long_axis_mm": 20.0})";
  return R"({"format": "nadir-assessment/1", "subject": ")" + subject + R"(", "reader": ")" +
         reader + R"(", "groups": {"arm": "IV"}, "timepoints": [
           {"date": "2026-01-05", "lesions": [)" +
         t1 + R"(]},
           {"date": "2026-03-02", "lesions": [)" +
         (follow_up_done ? t1 : "") + "]}]}";
}

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

struct Package : ::testing::Test {
  const test::ScratchDir root{"package"};
  fs::path review = root / "review", package = root / "R1";
  void SetUp() override {
    Write(review / "S-01.R1.json", Assessment("S-01", "R1", true));
    Write(review / "S-02.R1.json", Assessment("S-02", "R1", false));
    Write(review / "S-01.R2.json", Assessment("S-01", "R2", true));
    ASSERT_TRUE(MakeReaderPackage(review.string(), "R1", package.string()).ok());
  }
  PackageCases List() {
    const auto manifest = ReadPackageManifest(package.string());
    EXPECT_TRUE(manifest);
    return manifest ? ListPackageCases(*manifest) : PackageCases{};
  }
};

TEST_F(Package, ListsTheReadersOwnCasesWithHowFarEachIs) {
  const PackageCases cases = List();
  EXPECT_EQ(cases.reader, "R1");
  EXPECT_TRUE(cases.problems.empty()) << cases.problems.front();
  ASSERT_EQ(cases.cases.size(), 2u) << "R2's read is not in R1's package";
  EXPECT_EQ(cases.cases[0].subject, "S-01");
  EXPECT_EQ(cases.cases[0].not_assessed, 0);
  EXPECT_EQ(CaseStatus(cases.cases[0]), "all lesions recorded");
  EXPECT_EQ(cases.cases[1].subject, "S-02");
  EXPECT_EQ(cases.cases[1].not_assessed, 1);
  EXPECT_EQ(CaseStatus(cases.cases[1]), "to do: 1 lesion record missing");
  EXPECT_EQ(cases.cases[1].timepoints, 2);
}

TEST_F(Package, AnAutosaveWaitingBesideACaseIsShown) {
  Write(package / "S-02.R1.json.autosave", Assessment("S-02", "R1", true));
  const PackageCases cases = List();
  ASSERT_EQ(cases.cases.size(), 2u);
  EXPECT_TRUE(cases.cases[1].has_autosave);
  EXPECT_NE(CaseStatus(cases.cases[1]).find("unsaved edits"), std::string::npos);
}

TEST_F(Package, AnotherReadersFileIsRefusedNamingWhose) {
  Write(package / "S-02.R1.json", Assessment("S-02", "R2", false));
  const PackageCases cases = List();
  ASSERT_EQ(cases.cases.size(), 2u);
  EXPECT_TRUE(cases.cases[0].problem.empty());
  EXPECT_NE(cases.cases[1].problem.find("reader: 'R2', not this package's 'R1'"), std::string::npos)
      << cases.cases[1].problem;
  EXPECT_EQ(CaseStatus(cases.cases[1]).rfind("cannot open: ", 0), 0u);
}

TEST_F(Package, MissingAndUnlistedFilesAreNamed) {
  fs::remove(package / "S-01.R1.json");
  Write(package / "extra" / "S-09.R1.json", Assessment("S-09", "R1", true));
  const PackageCases cases = List();
  ASSERT_EQ(cases.cases.size(), 2u) << "a listed case that is gone stays in the list";
  EXPECT_NE(cases.cases[0].problem.find("S-01.R1.json"), std::string::npos)
      << cases.cases[0].problem;
  ASSERT_EQ(cases.problems.size(), 1u);
  EXPECT_NE(cases.problems[0].find("S-09.R1.json: not listed in package.json"), std::string::npos)
      << cases.problems[0];
}

TEST_F(Package, ABadManifestNamesTheFieldAndValue) {
  Write(package / "package.json",
        R"({"format": "nadir-package/9", "assessments": ["../review/S-01.R2.json", 7]})");
  const auto manifest = ReadPackageManifest(package.string());
  ASSERT_TRUE(manifest);
  std::string all;
  for (const auto& p : manifest->problems) all += p + "\n";
  EXPECT_NE(all.find("format: 'nadir-package/9', expected 'nadir-package/1'"), std::string::npos)
      << all;
  EXPECT_NE(all.find("reader: missing"), std::string::npos) << all;
  EXPECT_NE(all.find("'../review/S-01.R2.json' is not a path inside the package"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("'7' is not a path inside the package"), std::string::npos) << all;
  EXPECT_TRUE(manifest->assessments.empty());
  Write(package / "package.json", "not json");
  ASSERT_TRUE(ReadPackageManifest(package.string()));
  EXPECT_FALSE(ReadPackageManifest(package.string())->problems.empty());
  EXPECT_FALSE(ReadPackageManifest(review.string())) << "no package.json: not a package";
}

}  // namespace
}  // namespace nadir::annotate
