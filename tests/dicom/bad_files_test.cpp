// Bad and foreign files: each gets a clear reason naming the file and tag; nothing crashes.
#include <gtest/gtest.h>

#include <fstream>

#include "dicom/error.h"
#include "dicom/load.h"
#include "dicom/write_ct.h"
#include "tests/dicom/test_util.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/skip.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;

std::string ReasonFor(const Catalog& c, const fs::path& file) {
  for (const auto& s : c.skipped)
    if (s.file == file.string()) return s.reason;
  return "(not skipped)";
}

void WriteBytes(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

class BadFiles : public ::testing::Test {
 protected:
  void SetUp() override { WriteCtSeries(test::MakeTestVolume(32, 24, 6), {}, dir_.path()); }
  test::ScratchDir dir_{
      "bad_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())};
};

TEST_F(BadFiles, TextFileIsSkippedAsNotDicomAndTheSeriesStillLoads) {
  WriteBytes(dir_ / "README.txt", std::string(400, 'x'));
  const Catalog c = Scan(dir_.path());
  EXPECT_NE(ReasonFor(c, dir_ / "README.txt").find("not"), std::string::npos);
  ASSERT_EQ(c.AllSeries().size(), 1u);
  EXPECT_EQ(LoadSeries(*c.AllSeries()[0]).volume.size[2], 6);
}

TEST_F(BadFiles, EmptyAndTinyFilesAreSkipped) {
  WriteBytes(dir_ / "empty", "");
  WriteBytes(dir_ / "tiny", "DICM");
  const Catalog c = Scan(dir_.path());
  EXPECT_NE(ReasonFor(c, dir_ / "empty").find("too short"), std::string::npos);
  EXPECT_NE(ReasonFor(c, dir_ / "tiny").find("too short"), std::string::npos);
}

TEST_F(BadFiles, PreambleWithGarbageAfterDicmIsSkipped) {
  std::string b(128, '\0');
  b += "DICM";
  for (int i = 0; i < 3000; ++i) b.push_back(char((i * 7919) & 0xff));
  WriteBytes(dir_ / "garbage.dcm", b);
  const Catalog c = Scan(dir_.path());
  EXPECT_NE(ReasonFor(c, dir_ / "garbage.dcm"), "(not skipped)");
  EXPECT_EQ(c.AllSeries().size(), 1u);
}

TEST_F(BadFiles, TruncatedPixelDataNamesTheFileAndPixelData) {
  const fs::path f = dir_ / "IM0003.dcm";
  fs::resize_file(f, fs::file_size(f) - 500);
  const Catalog c = Scan(dir_.path());
  const std::string reason = ReasonFor(c, f);
  EXPECT_NE(reason.find(f.string()), std::string::npos) << reason;
  EXPECT_NE(reason.find("(7FE0,0010)"), std::string::npos) << reason;
}

TEST_F(BadFiles, FileTruncatedInsideTheHeaderIsSkipped) {
  const fs::path f = dir_ / "IM0004.dcm";
  fs::resize_file(f, 300);
  const Catalog c = Scan(dir_.path());
  EXPECT_NE(ReasonFor(c, f), "(not skipped)");
  // The rest still forms a series (with a gap where slice 4 was).
  const LoadedSeries l = LoadSeries(*c.AllSeries().at(0));
  EXPECT_EQ(CountOf<MissingSlices>(l.warnings), 1);
}

TEST_F(BadFiles, FileTruncatedAfterTheScanIsSkippedAtLoadNamingFileAndTag) {
  const Catalog c = Scan(dir_.path());
  const fs::path f = dir_ / "IM0002.dcm";
  fs::resize_file(f, fs::file_size(f) - 100);
  // The other files still load; the bad one is a gap and a warning naming file and tag.
  const LoadedSeries l = LoadSeries(*c.AllSeries().at(0));
  ASSERT_EQ(CountOf<FileSkipped>(l.warnings), 1);
  for (const auto& w : l.warnings)
    if (const auto* s = std::get_if<FileSkipped>(&w)) {
      EXPECT_EQ(s->file, f.string());
      EXPECT_NE(s->reason.find("(7FE0,0010) PixelData"), std::string::npos) << s->reason;
    }
  EXPECT_EQ(l.volume.size[2], 6);
}

TEST_F(BadFiles, SeriesWhoseEveryFileFailsAtLoadIsAnErrorNamingAFile) {
  const Catalog c = Scan(dir_.path());
  for (const auto& e : fs::directory_iterator(dir_.path()))
    fs::resize_file(e.path(), fs::file_size(e.path()) - 100);
  try {
    LoadSeries(*c.AllSeries().at(0));
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.file(), (dir_ / "IM0001.dcm").string());
    EXPECT_EQ(e.tag(), "(7FE0,0010) PixelData");
  }
}

TEST_F(BadFiles, MissingPixelSpacingIsSkippedNamingTheTag) {
  NADIR_SKIP_IF_MISSING(test::MissingTool("dcmodify", NADIR_DCMODIFY));
  const fs::path f = dir_ / "IM0001.dcm";
  ASSERT_EQ(test::Run(std::string(NADIR_DCMODIFY) + " -nb -ea \"(0028,0030)\" " + f.string()), 0);
  const Catalog c = Scan(dir_.path());
  EXPECT_NE(ReasonFor(c, f).find("(0028,0030) PixelSpacing"), std::string::npos) << ReasonFor(c, f);
}

TEST_F(BadFiles, AbsurdRowsIsSkippedWithTheValue) {
  NADIR_SKIP_IF_MISSING(test::MissingTool("dcmodify", NADIR_DCMODIFY));
  const fs::path f = dir_ / "IM0001.dcm";
  ASSERT_EQ(test::Run(std::string(NADIR_DCMODIFY) + " -nb -m \"(0028,0010)=0\" " + f.string()), 0);
  const std::string reason = ReasonFor(Scan(dir_.path()), f);
  EXPECT_NE(reason.find("(0028,0010) Rows = '0'"), std::string::npos) << reason;
}

TEST_F(BadFiles, PixelDataShorterThanRowsTimesColumnsIsSkipped) {
  NADIR_SKIP_IF_MISSING(test::MissingTool("dcmodify", NADIR_DCMODIFY));
  const fs::path f = dir_ / "IM0001.dcm";
  ASSERT_EQ(test::Run(std::string(NADIR_DCMODIFY) + " -nb -m \"(0028,0010)=4000\" " + f.string()),
            0);
  const std::string reason = ReasonFor(Scan(dir_.path()), f);
  EXPECT_NE(reason.find("pixel data too short"), std::string::npos) << reason;
}

TEST_F(BadFiles, HeaderClaimingTerabytesIsSkippedWithTheNumbers) {
  // Within each tag's own limit, but 16384 x 16384 x 20000 frames would be 10 TB of HU.
  NADIR_SKIP_IF_MISSING(test::MissingTool("dcmodify", NADIR_DCMODIFY));
  const fs::path f = dir_ / "IM0001.dcm";
  ASSERT_EQ(test::Run(std::string(NADIR_DCMODIFY) +
                      " -nb -m \"(0028,0010)=16384\" -m \"(0028,0011)=16384\" -i "
                      "\"(0028,0008)=20000\" " +
                      f.string()),
            0);
  const std::string reason = ReasonFor(Scan(dir_.path()), f);
  EXPECT_NE(reason.find("16384 rows x 16384 columns x 20000 frames = 10737418240000 bytes of HU, "
                        "more than the 2147483648 bytes one image may claim"),
            std::string::npos)
      << reason;
}

TEST_F(BadFiles, SeriesOverTheBudgetIsRefusedBeforeAllocation) {
  const Catalog catalog = Scan(dir_.path());
  ASSERT_EQ(catalog.patients.size(), 1u);
  const SeriesInfo& series = catalog.patients[0].studies[0].series[0];
  LoadOptions options;
  options.max_series_bytes = 9000;  // 32 x 24 x 6 voxels need 9216 bytes
  try {
    LoadSeries(series, options);
    FAIL() << "loaded over the budget";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.value(), "32 columns x 24 rows x 6 slices");
    EXPECT_NE(e.problem().find("would need 9216 bytes of HU, more than the budget of 9000 bytes"),
              std::string::npos)
        << e.what();
  }
  options.max_series_bytes = 9216;
  EXPECT_EQ(LoadSeries(series, options).volume.hu.size(), 32u * 24u * 6u);
}

TEST(BadPaths, MissingPathIsAnErrorNamingIt) {
  try {
    Scan("/nonexistent/nadir/path");
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.file(), "/nonexistent/nadir/path");
  }
}

TEST(BadPaths, FolderWithoutImagesIsAnError) {
  test::ScratchDir dir("no_images");
  WriteBytes(dir / "a.txt", "hello");
  EXPECT_THROW(Scan(dir.path()), DicomError);
}

}  // namespace
}  // namespace nadir::dicom
