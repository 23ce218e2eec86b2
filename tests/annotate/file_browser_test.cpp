// The viewer's file dialog without a window: what it lists, and what each mode lets the reader
// choose (an assessment to open, a name to save as, a folder of SR reports).
#include "viewer/annotate/file_browser.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;
using Mode = FileBrowser::Mode;

void Touch(const fs::path& p) { std::ofstream(p) << "{}"; }

struct FileDialogFolder : ::testing::Test {
  const test::ScratchDir dir{"browser"};
  void SetUp() override {
    fs::create_directories(dir / "week16");
    fs::create_directories(dir / ".hidden");
    Touch(dir / "b.json");
    Touch(dir / "A.JSON");
    Touch(dir / "notes.txt");
    Touch(dir / ".x.json");
  }
};

std::vector<std::string> Names(const FileBrowser& b) {
  std::vector<std::string> out;
  for (const auto& e : b.entries()) out.push_back(e.folder ? e.name + "/" : e.name);
  return out;
}

TEST_F(FileDialogFolder, ListsFoldersFirstThenAllowedFilesAndHidesDotEntries) {
  FileBrowser b(Mode::kOpenFile, "Open", {".json"});
  b.Show(dir);
  EXPECT_EQ(Names(b), (std::vector<std::string>{"week16/", "A.JSON", "b.json"}));
  FileBrowser any(Mode::kOpenFile, "Open");
  any.Show(dir);
  EXPECT_EQ(Names(any), (std::vector<std::string>{"week16/", "A.JSON", "b.json", "notes.txt"}));
  FileBrowser folders(Mode::kChooseFolder, "SR");
  folders.Show(dir);
  EXPECT_EQ(Names(folders), (std::vector<std::string>{"week16/"}));
}

TEST_F(FileDialogFolder, OpenChoosesAnExistingFileWithTheExtensionOnly) {
  FileBrowser b(Mode::kOpenFile, "Open", {".json"});
  b.Show(dir);
  b.Click({"b.json", false});
  ASSERT_TRUE(b.Choose());
  EXPECT_EQ(*b.Choose(), dir / "b.json");

  b.name() = "missing.json";
  EXPECT_FALSE(b.Choose());
  EXPECT_NE(b.error().find("no such file"), std::string::npos) << b.error();
  EXPECT_NE(b.error().find("missing.json"), std::string::npos) << b.error();

  b.name() = "notes.txt";
  EXPECT_FALSE(b.Choose());
  EXPECT_NE(b.error().find("not a .json file"), std::string::npos) << b.error();

  // Typing a folder's name (or an absolute path to one) enters it; nothing is chosen.
  b.name() = "week16";
  EXPECT_FALSE(b.Choose());
  EXPECT_EQ(b.folder(), dir / "week16");
  EXPECT_TRUE(b.error().empty());
}

TEST_F(FileDialogFolder, ClickingEntersFoldersAndUpLeaves) {
  FileBrowser b(Mode::kOpenFile, "Open", {".json"});
  b.Show(dir / "b.json");  // a file path shows its folder with its name typed
  EXPECT_EQ(b.folder(), dir);
  EXPECT_EQ(b.name(), "b.json");
  b.Click({"week16", true});
  EXPECT_EQ(b.folder(), dir / "week16");
  EXPECT_TRUE(b.entries().empty());
  b.Up();
  EXPECT_EQ(b.folder(), dir);
}

TEST_F(FileDialogFolder, SaveAddsTheExtensionAndNeedsAnExistingFolder) {
  FileBrowser b(Mode::kSaveFile, "Save", {".json"});
  b.Show(dir / "PH-001.json");
  EXPECT_EQ(b.name(), "PH-001.json");
  b.name() = "PH-002";
  ASSERT_TRUE(b.Choose());
  EXPECT_EQ(*b.Choose(), dir / "PH-002.json");
  b.name() = "b.json";  // overwriting an existing file is allowed (the save is atomic)
  EXPECT_EQ(b.Choose(), dir / "b.json");
  b.name() = "nowhere/x.json";
  EXPECT_FALSE(b.Choose());
  EXPECT_NE(b.error().find("no such folder"), std::string::npos) << b.error();
  b.name() = "";
  EXPECT_FALSE(b.Choose());
  EXPECT_FALSE(b.error().empty());
}

TEST_F(FileDialogFolder, ChooseFolderTakesTheShownFolderOrATypedSubfolder) {
  FileBrowser b(Mode::kChooseFolder, "SR");
  b.Show(dir);
  EXPECT_EQ(b.Choose(), dir);
  b.name() = "week16";
  EXPECT_EQ(b.Choose(), dir / "week16");
  b.name() = "b.json";
  EXPECT_FALSE(b.Choose());
  EXPECT_NE(b.error().find("is not a folder"), std::string::npos) << b.error();
}

TEST_F(FileDialogFolder, AFolderThatCannotBeListedSaysSo) {
  FileBrowser b(Mode::kOpenFile, "Open", {".json"});
  b.Show(dir / "b.json" / "deeper");  // not a folder: its parent is not one either
  EXPECT_TRUE(b.entries().empty());
  EXPECT_NE(b.error().find("cannot list"), std::string::npos) << b.error();
}

}  // namespace
}  // namespace nadir::annotate
