// Window size and layout remembered between runs.
#include "viewer/core/settings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/scratch_dir.h"

namespace nadir::viewer {
namespace {

TEST(Settings, SavedValuesComeBack) {
  const test::ScratchDir dir;
  const std::string path = (dir / "settings" / "viewer.ini").string();
  Settings s;
  s.window_width = 1280;
  s.window_height = 720;
  s.layout = Layout::k2x2;
  s.link_window = false;
  ASSERT_TRUE(SaveSettings(path, s));  // creates the folder
  const Settings back = LoadSettings(path);
  EXPECT_EQ(back.window_width, 1280);
  EXPECT_EQ(back.window_height, 720);
  EXPECT_EQ(back.layout, Layout::k2x2);
  EXPECT_TRUE(back.link_scroll);
  EXPECT_FALSE(back.link_window);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(Settings, MissingFileGivesDefaultsAndBadValuesAreReportedAndIgnored) {
  const test::ScratchDir dir;
  EXPECT_EQ(LoadSettings((dir / "no_such_settings.ini").string()).layout, Layout::k1x2);
  const std::string path = (dir / "bad_settings.ini").string();
  std::ofstream(path) << "window_width=abc\nlayout=5x5\nwindow_height=800\ncolour=blue\n";
  ::testing::internal::CaptureStderr();
  const Settings s = LoadSettings(path);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(s.window_width, 1600);
  EXPECT_EQ(s.window_height, 800);
  EXPECT_EQ(s.layout, Layout::k1x2);
  EXPECT_NE(err.find("layout='5x5'"), std::string::npos) << err;
  EXPECT_NE(err.find("colour='blue'"), std::string::npos) << err;
}

}  // namespace
}  // namespace nadir::viewer
