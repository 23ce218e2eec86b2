// Window/level: the linear VOI LUT of DICOM PS3.3 C.11.2.1.2.1.
#include "viewer/core/window_level.h"

#include <gtest/gtest.h>

namespace nadir::viewer {
namespace {

TEST(WindowLevel, PresetsMatchTheReadingRoomValues) {
  EXPECT_EQ(PresetByName("soft-tissue")->width, 400);
  EXPECT_EQ(PresetByName("soft-tissue")->level, 40);
  EXPECT_EQ(PresetByName("lung")->width, 1500);
  EXPECT_EQ(PresetByName("lung")->level, -600);
  EXPECT_EQ(PresetByName("liver")->width, 150);
  EXPECT_EQ(PresetByName("bone")->level, 400);
  EXPECT_EQ(PresetByName("brain")->width, 80);
  EXPECT_EQ(PresetByName("mediastinum")->width, 350);
  EXPECT_FALSE(PresetByName("abdomen"));
}

TEST(WindowLevel, LinearFunctionOfPs33C112121) {
  const WindowLevel wl{400, 40};
  EXPECT_EQ(DisplayValue(40 - 0.5 - 199.5, wl), 0.0);  // bottom edge is black
  EXPECT_EQ(DisplayValue(40 - 0.5 + 199.5 + 0.01, wl), 1.0);
  EXPECT_NEAR(DisplayValue(39.5, wl), 0.5, 1e-12);
  EXPECT_EQ(DisplayByte(-1000, wl), 0);
  EXPECT_EQ(DisplayByte(1000, wl), 255);
  // 60 HU under soft tissue: ((60 - 39.5) / 399 + 0.5) * 255 = 140.6
  EXPECT_EQ(DisplayByte(60, wl), 141);
}

TEST(WindowLevel, DragRightWidensDragDownRaisesLevel) {
  const WindowLevel wl = Dragged({400, 40}, 10, -5);
  EXPECT_EQ(wl.width, 420);
  EXPECT_EQ(wl.level, 30);
  EXPECT_EQ(Dragged({10, 0}, -1000, 0).width, kMinWindowWidth);
}

}  // namespace
}  // namespace nadir::viewer
