// The WADO-RS part writer (pacs/detail/part_files.h): parts written on its own thread arrive
// whole under their SOP Instance UID, in order, whatever the size of the pieces; a part that
// is not DICOM is reported, not kept; a part never ended stays a .part file until removed.
#include "pacs/detail/part_files.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/scratch_dir.h"
#include "tests/support/text_file.h"

namespace nadir::pacs::detail {
namespace {

namespace fs = std::filesystem;

// A Part 10 file: preamble, DICM, (0002,0003) MediaStorageSOPInstanceUID, then `body` bytes.
std::string Part10(const std::string& uid, std::size_t body) {
  std::string value = uid;
  if (value.size() % 2) value.push_back('\0');
  std::string b(128, '\0');
  b += "DICM";
  b += std::string("\x02\x00\x03\x00UI", 6);
  b.push_back(char(value.size()));
  b.push_back('\0');
  b += value;
  for (std::size_t i = 0; i < body; ++i) b.push_back(char(i * 7));
  return b;
}

TEST(PartFiles, PartsArriveWholeUnderTheirUidInOrder) {
  test::ScratchDir dir("part_files");
  std::vector<std::string> parts;
  for (int i = 0; i < 20; ++i) parts.push_back(Part10("1.2.3." + std::to_string(i), 70000 + i));
  std::vector<PartFiles::Outcome> done;
  {
    PartFiles files(dir.path());
    for (const std::string& p : parts) {
      files.Begin();
      // Pieces of odd sizes, as a network delivers them.
      for (std::size_t at = 0; at < p.size(); at += 1237)
        files.Data(p.data() + at, std::min<std::size_t>(1237, p.size() - at));
      files.End();
      for (auto& o : files.TakeFinished()) done.push_back(std::move(o));
    }
    files.Finish();
    for (auto& o : files.TakeFinished()) done.push_back(std::move(o));
    EXPECT_EQ(files.error(), "");
  }
  ASSERT_EQ(done.size(), parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(done[i].error, "");
    EXPECT_EQ(done[i].sop, "1.2.3." + std::to_string(i));
    EXPECT_EQ(done[i].file, dir / ("1.2.3." + std::to_string(i) + ".dcm"));
    EXPECT_EQ(done[i].bytes, parts[i].size());
    EXPECT_EQ(test::ReadText(done[i].file), parts[i]) << i;
  }
}

TEST(PartFiles, APartThatIsNotDicomIsReportedAndNotKept) {
  test::ScratchDir dir("part_files_bad");
  PartFiles files(dir.path());
  files.Begin();
  files.Data("not dicom", 9);
  files.End();
  files.Finish();
  const auto done = files.TakeFinished();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_NE(done[0].error.find("part 1 is not a DICOM file"), std::string::npos) << done[0].error;
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(PartFiles, APartNeverEndedStaysAPartFile) {
  test::ScratchDir dir("part_files_cut");
  {
    PartFiles files(dir.path());
    const std::string p = Part10("1.2.3.9", 1000);
    files.Begin();
    files.Data(p.data(), 500);  // the reply is cut here
  }
  EXPECT_TRUE(fs::exists(dir / "wado-1.dcm.part"));  // the caller removes it (RemovePartFiles)
  EXPECT_FALSE(fs::exists(dir / "1.2.3.9.dcm"));
}

TEST(PartFiles, AFolderThatCannotBeWrittenIsAnErrorNamingThePart) {
  test::ScratchDir dir("part_files_missing");
  PartFiles files(dir / "no" / "such" / "folder");
  files.Begin();
  files.Data("x", 1);
  files.End();
  files.Finish();
  EXPECT_NE(files.error().find("cannot write"), std::string::npos);
  EXPECT_NE(files.error().find("wado-1.dcm.part"), std::string::npos) << files.error();
}

}  // namespace
}  // namespace nadir::pacs::detail
