// Opening a subject in the viewer: with a folder of several patients, `--assessment FILE` and
// `--sr DIR` (DICOM SR reports) each show that subject's baseline and latest follow-up with its
// calipers, not the first patient of the folder. A folder that holds no report fails clearly.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "dicom/phantom.h"
#include "dicom/sr/sr.h"
#include "formats/assessment_json.h"
#include "formats/review/reader_package.h"
#include "tests/annotate/screenshot_util.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/skip.h"
#include "viewer/core/png_io.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;
using test::CaliperPixelsInViewport;

std::string RunCommand(const std::string& cmd, int* status) {
  std::string out;
  FILE* pipe = ::popen((cmd + " 2>&1").c_str(), "r");
  std::array<char, 512> buf{};
  while (pipe && std::fgets(buf.data(), int(buf.size()), pipe)) out += buf.data();
  *status = pipe ? ::pclose(pipe) : -1;
  return out;
}

struct OpenSubject : ::testing::Test {
  const test::ScratchDir dir{"open"};
  dicom::PhantomWritten trial;
  void SetUp() override {
    NADIR_SKIP_IF_MISSING(test::MissingDisplay());
    dicom::PhantomOptions options;
    options.subjects = 2;
    trial = dicom::WritePhantomTrial(dir, options);
  }

  viewer::RgbaImage Shot(const std::string& args, const std::string& name) {
    const fs::path png = fs::path(NADIR_SCREENSHOT_DIR) / name;
    const std::string cmd = std::string(NADIR_VIEWER_EXE) + " '" + (dir / "dicom").string() + "' " +
                            args + " --layout 1x2 --size 1600x900 --screenshot '" + png.string() +
                            "'";
    int status = 0;
    const std::string out = RunCommand(cmd, &status);
    EXPECT_EQ(status, 0) << cmd << "\n" << out;
    return viewer::ReadPng(png.string());
  }
};

TEST_F(OpenSubject, AssessmentOfTheSecondPatientShowsThatPatient) {
  const fs::path file = trial.assessment_files.at(1);
  const auto img = Shot("--assessment '" + file.string() + "'", "open_assessment_ph002.png");
  ASSERT_EQ(img.width, 1600);
  EXPECT_GT(CaliperPixelsInViewport(img, 0), 30) << "no caliper on PH-002's baseline";
  EXPECT_GT(CaliperPixelsInViewport(img, 1), 30) << "no caliper on PH-002's follow-up";
}

TEST_F(OpenSubject, DicomSrReportsOpenWithTheirCalipers) {
  const LoadedAssessment truth = ReadAssessmentFile(trial.assessment_files.at(1).string());
  ASSERT_TRUE(truth.subject);
  dicom::sr::ExportOptions options;
  options.images = dir / "dicom";
  options.out = dir / "sr";
  fs::create_directories(options.out);
  const auto exported = dicom::sr::ExportAssessment(*truth.subject, "PH-002.json", options);
  ASSERT_EQ(exported.reports.size(), truth.subject->timepoints.size());
  const auto img = Shot("--sr '" + options.out.string() + "'", "open_sr_ph002.png");
  ASSERT_EQ(img.width, 1600);
  EXPECT_GT(CaliperPixelsInViewport(img, 0), 30) << "no caliper on the SR's baseline";
  EXPECT_GT(CaliperPixelsInViewport(img, 1), 30) << "no caliper on the SR's follow-up";
}

TEST_F(OpenSubject, ABlindedReadersPackageOpensInReaderModeAtItsFirstCase) {
  // A review folder: the images and both readers' reads; R1's package holds R1's only.
  const fs::path review = dir / "review";
  fs::create_directories(review);
  fs::copy(dir / "dicom", review / "dicom", fs::copy_options::recursive);
  for (const auto& file : trial.assessment_files)
    for (const char* reader : {"R1", "R2"}) {
      LoadedAssessment a = ReadAssessmentFile(file.string());
      a.document["reader"] = reader;
      std::string error;
      ASSERT_TRUE(
          WriteFileAtomically((review / (file.stem().string() + "." + reader + ".json")).string(),
                              a.document.dump(1), &error))
          << error;
    }
  const fs::path package = dir / "R1";
  ASSERT_TRUE(MakeReaderPackage(review.string(), "R1", package.string()).ok());
  const fs::path png = fs::path(NADIR_SCREENSHOT_DIR) / "reader_mode_package.png";
  int status = 0;
  const std::string out =
      RunCommand(std::string(NADIR_VIEWER_EXE) + " '" + package.string() +
                     "' --layout 1x2 --size 1600x900 --screenshot '" + png.string() + "'",
                 &status);
  ASSERT_EQ(status, 0) << out;
  const auto img = viewer::ReadPng(png.string());
  EXPECT_GT(CaliperPixelsInViewport(img, 0), 30) << "no caliper on the first case: " << png;
  // Showing is not editing: no case was rewritten or autosaved.
  for (const auto& f : fs::directory_iterator(package))
    EXPECT_NE(f.path().extension(), ".autosave") << f.path();
}

TEST_F(OpenSubject, AFolderWithoutReportsFailsNamingIt) {
  fs::create_directories(dir / "empty");
  int status = 0;
  const std::string out =
      RunCommand(std::string(NADIR_VIEWER_EXE) + " '" + (dir / "dicom").string() + "' --sr '" +
                     (dir / "empty").string() + "' --screenshot '" + (dir / "x.png").string() + "'",
                 &status);
  EXPECT_NE(status, 0) << out;
  EXPECT_NE(out.find((dir / "empty").string()), std::string::npos) << out;
}

}  // namespace
}  // namespace nadir::annotate
