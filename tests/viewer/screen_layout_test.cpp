// The reading room's screen: panels beside the images at every window size and layout
// (screen_layout.h). A radiologist must see every pixel of the scan being measured.
#include "viewer/core/screen_layout.h"

#include <gtest/gtest.h>

#include "viewer/core/layout.h"

namespace nadir::viewer {
namespace {

struct Size {
  int w, h;
};
const Size kSizes[] = {{1280, 720},  {1366, 768},  {1600, 900},
                       {1920, 1080}, {2560, 1440}, {3840, 2160}};
const Layout kLayouts[] = {Layout::k1x1, Layout::k1x2, Layout::k2x2, Layout::k1x3};

bool Inside(const ViewportRect& r, int w, int h) {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= w && r.y + r.height <= h;
}

TEST(ScreenLayout, NoPanelCoversAViewportAtAnySizeLayoutOrFold) {
  for (const Size& size : kSizes)
    for (const Layout layout : kLayouts)
      for (int fold = 0; fold < 4; ++fold)
        for (const bool right : {false, true})
          for (const bool cases : {false, true}) {
            ScreenSplit split;
            split.left_open = !(fold & 1);
            split.right_open = !(fold & 2);
            const ScreenRegions r = ComputeScreen(size.w, size.h, 22, split, right, cases);
            const auto viewports = LayoutRects(layout, r.images);
            for (const PanelRect& p : r.Panels()) {
              EXPECT_TRUE(Inside(p.rect, size.w, size.h)) << p.name << " at " << size.w;
              for (const ViewportRect& v : viewports)
                EXPECT_FALSE(Overlaps(p.rect, v))
                    << p.name << " covers a viewport at " << size.w << "x" << size.h << " "
                    << Name(layout) << " fold " << fold;
            }
            for (const ViewportRect& v : viewports) EXPECT_TRUE(Inside(v, size.w, size.h));
            // The images stay the largest thing on the screen.
            EXPECT_GE(r.images.width, size.w / 2 - 2 * kSplitterWidth) << size.w;
          }
}

TEST(ScreenLayout, DefaultColumnsShowStudiesLesionsAndResponse) {
  const ScreenRegions r = ComputeScreen(1920, 1080, 22, {}, true, false);
  ASSERT_EQ(r.Panels().size(), 3u);
  EXPECT_EQ(r.Panels()[0].name, "studies");
  EXPECT_EQ(r.studies.x, 0);
  EXPECT_EQ(r.lesions.x + r.lesions.width, 1920);  // the right column ends at the window's edge
  EXPECT_EQ(r.lesions.y + r.lesions.height, r.response.y);
  EXPECT_EQ(r.images.y, 22);  // below the menu bar
  EXPECT_EQ(r.images.height, 1080 - 22);
}

TEST(ScreenLayout, FoldedColumnsGiveTheirWidthToTheImages) {
  ScreenSplit open, folded;
  folded.left_open = folded.right_open = false;
  const ScreenRegions a = ComputeScreen(1600, 900, 20, open, true, false);
  const ScreenRegions b = ComputeScreen(1600, 900, 20, folded, true, false);
  EXPECT_GT(b.images.width, a.images.width);
  EXPECT_TRUE(b.Panels().empty());
  EXPECT_EQ(b.studies.width, kCollapsedStrip);
}

TEST(ScreenLayout, DraggedWidthsAreClampedSoTheImagesKeepHalf) {
  ScreenSplit split;
  split.left_width = 5000;
  split.right_width = 5000;
  const ScreenRegions r = ComputeScreen(1280, 720, 20, split, true, false);
  EXPECT_GE(r.images.width, 640 - 2 * kSplitterWidth);
  split.left_width = 10;  // too narrow to read: held at the minimum
  EXPECT_GE(ComputeScreen(1920, 1080, 20, split, false, false).studies.width, 200);
}

TEST(ScreenLayout, ReaderCasesTakeTheFootOfTheLeftColumn) {
  const ScreenRegions r = ComputeScreen(1920, 1080, 20, {}, true, true);
  ASSERT_TRUE(r.has_cases);
  EXPECT_EQ(r.studies.y + r.studies.height, r.reader_cases.y);
  EXPECT_EQ(r.reader_cases.y + r.reader_cases.height, 1080);
  EXPECT_FALSE(Overlaps(r.studies, r.reader_cases));
}

TEST(ScreenLayout, JsonNamesEveryRectangle) {
  const std::string json = LayoutJson({{10, 20, 30, 40}}, {PanelRect{"studies", {0, 20, 10, 40}}});
  EXPECT_EQ(json,
            "{\"viewports\": [{\"x\": 10, \"y\": 20, \"w\": 30, \"h\": 40}], \"panels\": "
            "[{\"name\": \"studies\", \"x\": 0, \"y\": 20, \"w\": 10, \"h\": 40}]}\n");
}

}  // namespace
}  // namespace nadir::viewer
