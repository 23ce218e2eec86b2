// What the warnings badge of a series says (no window needed).
#include "viewer/app/series_warnings.h"

#include <gtest/gtest.h>

namespace nadir::viewer {
namespace {

TEST(SeriesWarnings, NoWarningsNoBadge) {
  EXPECT_EQ(BadgeFor({}).text, "");
  EXPECT_TRUE(WarningLines({}).empty());
}

TEST(SeriesWarnings, CountsWarningsAndTellsRoutinePaddingApartAsANote) {
  const std::vector<dicom::Warning> ws = {
      dicom::PaddingReplaced{-2000, 5000, -1000},
      dicom::MissingSlices{4, 10.0, 5.0, 1},
      dicom::HuClamped{12, -40000, 2000},
  };
  const WarningBadge b = BadgeFor(ws);
  EXPECT_EQ(b.text, "2 warnings, 1 note");
  EXPECT_FALSE(b.routine_only);
  const std::vector<std::string> lines = WarningLines(ws);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("missing slices: ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind("hu clamped: 12 voxels", 0), 0u) << lines[1];
  EXPECT_EQ(lines[2].rfind("note, padding replaced: 5000 voxels", 0), 0u) << lines[2];
}

TEST(SeriesWarnings, OnlyNotesGiveAGreyBadge) {
  const WarningBadge b = BadgeFor({dicom::PaddingReplaced{-2000, 5000, -1000}});
  EXPECT_EQ(b.text, "1 note");
  EXPECT_TRUE(b.routine_only);
  EXPECT_EQ(BadgeFor({dicom::NonUniformSpacing{5, 4.9, 5.2}}).text, "1 warning");
}

}  // namespace
}  // namespace nadir::viewer
