// The command line of nadir-viewer.
#include "viewer/core/options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "viewer/core/series_budget.h"

namespace nadir::viewer {
namespace {

ParseResult Parse(std::vector<std::string> args) {
  args.insert(args.begin(), "nadir-viewer");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  return ParseOptions(int(argv.size()), argv.data());
}

TEST(Options, ScreenshotFlags) {
  const auto r = Parse({"studies", "--screenshot", "out.png", "--layout", "1x3", "--slice", "12",
                        "--preset", "lung", "--size", "800x600"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->path, "studies");
  EXPECT_EQ(r.options->screenshot, "out.png");
  EXPECT_EQ(r.options->layout, Layout::k1x3);
  EXPECT_EQ(r.options->slice, 12);
  EXPECT_EQ(r.options->window->level, -600);
  EXPECT_EQ(r.options->width, 800);
}

TEST(Options, BadValuesAreRejectedWithExitCode2) {
  testing::internal::CaptureStderr();
  EXPECT_EQ(Parse({"--preset", "abdomen"}).exit_code, 2);
  EXPECT_EQ(Parse({"--layout", "9x9"}).exit_code, 2);
  EXPECT_EQ(Parse({"--window", "wide"}).exit_code, 2);
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("abdomen"), std::string::npos);
}

TEST(Options, ExplicitWindow) {
  const auto r = Parse({"--window", "80/35"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->window->width, 80);
  EXPECT_EQ(r.options->window->level, 35);
}

}  // namespace
}  // namespace nadir::viewer

namespace nadir::viewer {
namespace {

TEST(Options, AnAssessmentComesFromAFileOrFromDicomSrNotBoth) {
  const auto file = Parse({"studies", "--assessment", "PH-001.json"});
  ASSERT_TRUE(file.options);
  EXPECT_EQ(file.options->assessment, "PH-001.json");
  EXPECT_TRUE(file.options->sr.empty());
  const auto sr = Parse({"studies", "--sr", "reports"});
  ASSERT_TRUE(sr.options);
  EXPECT_EQ(sr.options->sr, "reports");
  EXPECT_EQ(Parse({"--sr", "reports", "--assessment", "a.json"}).exit_code, 2);
}

TEST(Options, UserNamesWhoSavesWhenTheAssessmentNamesNoReader) {
  const auto named = Parse({"studies", "--assessment", "a.json", "--user", "R2"});
  ASSERT_TRUE(named.options);
  EXPECT_EQ(named.options->user, "R2");
  const auto plain = Parse({"studies"});
  ASSERT_TRUE(plain.options);
  EXPECT_TRUE(plain.options->user.empty());  // the session falls back to the login name
}

TEST(Options, AutoAtAndView3dForAScreenshot) {
  const auto r =
      Parse({"--synthetic", "--screenshot", "3d.png", "--auto-at", "65,-10.5,30", "--view3d", "2"});
  ASSERT_TRUE(r.options);
  ASSERT_TRUE(r.options->auto_at);
  EXPECT_DOUBLE_EQ((*r.options->auto_at)[1], -10.5);
  EXPECT_EQ(r.options->view3d, 2);
  EXPECT_EQ(Parse({"--auto-at", "65,-10"}).exit_code, 2);
  EXPECT_EQ(Parse({"--auto-at", "65,-10,30,4"}).exit_code, 2);
  EXPECT_EQ(Parse({"--view3d", "4"}).exit_code, 2);
}

}  // namespace
}  // namespace nadir::viewer

namespace nadir::viewer {
namespace {

TEST(Options, MemoryBudgetDefaultsToAShareOfPhysicalMemory) {
  const auto none = Parse({"studies"});
  ASSERT_TRUE(none.options);
  EXPECT_EQ(none.options->memory_budget_mb, DefaultMemoryBudgetMb());
  EXPECT_GT(none.options->memory_budget_mb, 0u);
  const auto set = Parse({"studies", "--memory-budget-mb", "2048"});
  ASSERT_TRUE(set.options);
  EXPECT_EQ(set.options->memory_budget_mb, 2048u);
  const auto off = Parse({"studies", "--memory-budget-mb", "0"});
  ASSERT_TRUE(off.options);
  EXPECT_EQ(off.options->memory_budget_mb, 0u);  // no limit
  testing::internal::CaptureStderr();
  EXPECT_EQ(Parse({"--memory-budget-mb", "lots"}).exit_code, 2);
  EXPECT_EQ(Parse({"--memory-budget-mb", "-5"}).exit_code, 2);
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("memory-budget-mb"), std::string::npos) << err;
}

}  // namespace
}  // namespace nadir::viewer
