// Mouse and keyboard -> intents, with Dear ImGui running headless (no window, no GL): a click
// on a panel never reaches an image (WantCaptureMouse), a drag on an image is window/level,
// keys act on the viewport under the mouse.
#include <gtest/gtest.h>
#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "viewer/app/input.h"

namespace nadir::viewer {
namespace {

class HeadlessInput : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.DeltaTime = 1.0f / 60;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // a font atlas is all NewFrame needs
    VolumeGeometry g;
    g.size = {64, 64, 40};
    state_.viewports.resize(2);
    for (int i = 0; i < 2; ++i) Assign(state_.viewports[i], i, g, Orientation::kAxial, "1", {});
    rects_ = LayoutRects(Layout::k1x2, {380, 20, 1220, 880});
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // One UI frame: a panel at the left (like the study browser), then the viewport input.
  std::vector<ViewIntent> Frame(ImVec2 mouse, bool left_down, int button = 0) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[button] = left_down;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 20));
    ImGui::SetNextWindowSize(ImVec2(380, 880));
    ImGui::Begin("Studies");
    ImGui::Text("a panel");
    ImGui::End();
    AppKeys keys;
    auto intents = ViewportInput(io, state_, rects_, input_, keys);
    ImGui::EndFrame();
    return intents;
  }

  ReadingState state_;
  std::vector<ViewportRect> rects_;
  InputState input_;
};

template <class T>
int Count(const std::vector<ViewIntent>& in) {
  int n = 0;
  for (const auto& i : in) n += std::holds_alternative<T>(i);
  return n;
}

TEST_F(HeadlessInput, ClickAndDragStartedOnAPanelNeverReachAnImage) {
  Frame({100, 300}, false);
  const auto press = Frame({100, 300}, true);
  EXPECT_TRUE(ImGui::GetIO().WantCaptureMouse);
  EXPECT_EQ(press.size(), 0u);
  // Dragging from the panel into a viewport is still the panel's drag.
  const auto drag = Frame({700, 400}, true);
  EXPECT_EQ(Count<WindowDrag>(drag), 0);
  EXPECT_EQ(Count<Activate>(drag), 0);
}

TEST_F(HeadlessInput, LeftDragOnAnImageIsWindowLevelOfThatViewport) {
  Frame({1300, 400}, false);
  const auto press = Frame({1300, 400}, true);
  ASSERT_EQ(Count<Activate>(press), 1);
  EXPECT_EQ(std::get<Activate>(press[0]).viewport, 1);
  const auto drag = Frame({1310, 405}, true);
  ASSERT_EQ(Count<WindowDrag>(drag), 1);
  const auto& w = std::get<WindowDrag>(drag[0]);
  EXPECT_EQ(w.viewport, 1);
  EXPECT_EQ(w.dx, 10);
  EXPECT_EQ(w.dy, 5);
  EXPECT_EQ(Count<WindowDrag>(Frame({1320, 405}, false)), 0);  // released
}

TEST_F(HeadlessInput, RightDragZoomsAndMiddleDragPans) {
  // As the help window and viewer/README.md say (Dear ImGui: button 1 right, 2 middle).
  Frame({1300, 400}, false, 1);
  Frame({1300, 400}, true, 1);
  const auto right = Frame({1300, 420}, true, 1);
  ASSERT_EQ(Count<Zoom>(right), 1);
  EXPECT_LT(std::get<Zoom>(right.back()).factor, 1.0);  // dragged down: out
  Frame({1300, 420}, false, 1);
  Frame({1300, 400}, false, 2);
  Frame({1300, 400}, true, 2);
  const auto middle = Frame({1310, 405}, true, 2);
  ASSERT_EQ(Count<Pan>(middle), 1);
  EXPECT_EQ(std::get<Pan>(middle.back()).dx, 10);
}

TEST_F(HeadlessInput, QueuedKeysActOnTheHoveredViewport) {
  Frame({1300, 400}, false);
  input_.keys = {{GLFW_KEY_2, 0}, {GLFW_KEY_DOWN, 0}, {GLFW_KEY_C, 0}};
  const auto in = Frame({1300, 400}, false);
  ASSERT_EQ(in.size(), 3u);
  const auto& preset = std::get<SetWindow>(in[0]);
  EXPECT_EQ(preset.viewport, 1);
  EXPECT_EQ(preset.wl.level, -600);  // key 2: lung
  EXPECT_EQ(std::get<Scroll>(in[1]).slices, 1);
  EXPECT_EQ(std::get<SetOrientation>(in[2]).orientation, Orientation::kCoronal);
  EXPECT_TRUE(input_.keys.empty());
}

}  // namespace
}  // namespace nadir::viewer
