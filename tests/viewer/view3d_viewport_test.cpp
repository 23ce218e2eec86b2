// The 3D view in a viewport (viewer/app/view3d_viewport.h): the Auto tool measures the synthetic
// chest's lesion through the controller, its mask is kept, a viewport turned to 3D shows the
// lesion's surface in the target lesions' colour, the other viewport keeps its slices. The GL
// part needs an X display (ctest runs under xvfb-run); the input routing runs without one.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "viewer/app/controller.h"
#include "viewer/app/sources.h"
#include "viewer/core/png_io.h"
#include "viewer/core/synthetic.h"
#include "viewer/gl/context.h"
#include "viewer/gl/framebuffer.h"

namespace nadir::viewer {
namespace {

namespace fs = std::filesystem;

TEST(View3dInputTest, ADragTurnsAndTheWheelZoomsOnlyThe3dViewport) {
  View3dUi ui;
  ApplyToggleView3d(ui, ToggleView3d{1});
  ASSERT_TRUE(ui.On(1));
  EXPECT_FALSE(ui.On(0));
  std::vector<ViewIntent> views{WindowDrag{1, 10, -5}, WindowDrag{0, 10, -5}, Scroll{1, -2},
                                Pan{1, 3, 3}, Activate{1}};
  const std::vector<Intent> turns = RouteView3dInput(ui, views);
  // Viewport 0 keeps its window drag; viewport 1 keeps only its activation.
  ASSERT_EQ(views.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<WindowDrag>(views[0]));
  EXPECT_TRUE(std::holds_alternative<Activate>(views[1]));
  ASSERT_EQ(turns.size(), 2u);
  for (const Intent& in : turns) ApplyTurnView3d(ui, std::get<TurnView3d>(in));
  EXPECT_NEAR(ui.ports[1].azimuth_deg, -4.0, 1e-9);  // dragged right: turns toward the right
  EXPECT_NEAR(ui.ports[1].elevation_deg, -2.0, 1e-9);
  EXPECT_NEAR(ui.ports[1].zoom, 1.21, 1e-9);  // two wheel steps up
  ApplyTurnView3d(ui, TurnView3d{1, 0, 500, 1});
  EXPECT_LT(ui.ports[1].elevation_deg, 90);  // never over the pole
  ApplyToggleView3d(ui, ToggleView3d{1});
  EXPECT_FALSE(ui.On(1));
}

TEST(View3dInputTest, MeasuringALesionAgainReplacesItsMask) {
  View3dUi ui;
  analysis::LesionMask mask;
  mask.size = {1, 1, 1};
  mask.voxels = {1};
  KeepMask(ui, "T1", "1.2.3", mask, VolumeGeometry{});
  KeepMask(ui, "T1", "1.2.4", mask, VolumeGeometry{});  // the same lesion on another series
  mask.size = {2, 1, 1};
  mask.voxels = {1, 1};
  KeepMask(ui, "T1", "1.2.3", mask, VolumeGeometry{});
  ASSERT_EQ(ui.masks.size(), 2u);
  EXPECT_EQ(ui.masks[1].series_uid, "1.2.3");
  EXPECT_EQ(ui.masks[1].mask.size[0], 2);
  EXPECT_NE(ui.masks[0].version, ui.masks[1].version);
}

class View3dViewportTest : public ::testing::Test {
 protected:
  static constexpr int kWidth = 1280, kHeight = 720;

  void SetUp() override {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
    scratch_ = fs::temp_directory_path() / ("nadir-view3d-viewport-" + std::to_string(getpid()));
    fs::remove_all(scratch_);
    fs::create_directories(scratch_);
    setenv("XDG_STATE_HOME", scratch_.c_str(), 1);  // the session's autosave
    options_.synthetic = true;
    options_.synthetic_size = {160, 160, 60};
    context_ = std::make_unique<GlfwContext>(kWidth, kHeight, "3D viewport test", false);
    viewer_ = std::make_unique<Viewer>(options_, context_->window(), Layout::k1x2, WindowLevel{});
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(context_->window(), false);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    Viewer& v = *viewer_;
    v.room.SetSeries(SyntheticSeries(options_.synthetic_size));
    v.room.Open(0, 0, Orientation::kAxial);
    v.room.Open(0, 1, Orientation::kAxial);
    v.room.FinishLoading();
    StartAnnotation(v);
    fbo_ = std::make_unique<Framebuffer>(kWidth, kHeight);
    fbo_->Bind();
  }
  void TearDown() override {
    fbo_.reset();
    viewer_.reset();
    if (ImGui::GetCurrentContext()) {
      ImGui_ImplOpenGL3_Shutdown();
      ImGui_ImplGlfw_Shutdown();
      ImGui::DestroyContext();
    }
    context_.reset();
    fs::remove_all(scratch_);
  }

  RgbaImage Draw() {
    Frame(*viewer_, kWidth, kHeight, true);
    glFinish();
    return fbo_->Read();
  }

  // A click of the Auto tool on the synthetic lesion's centre in viewport 0, its proposal
  // accepted (the controller's path: CaliperPress, the worker, AcceptAutoProposal).
  void MeasureTheLesion() {
    Draw();  // places the viewports (v.rects)
    using S = SyntheticChest;
    const Vec3 centre{S::kLesionCenter[0], S::kLesionCenter[1], S::kLesionCenter[2]};
    EXPECT_EQ(AutoMeasureAt(*viewer_, 0, centre), "");
  }

  // Pixels of viewport `i` in the target lesions' colour (yellow, shaded): red and green well
  // above blue. The slices are grey; the body is a pale translucent beige.
  int YellowPixels(const RgbaImage& image, int i) const {
    const ViewportRect& r = viewer_->rects[i];
    int n = 0;
    for (int y = r.y; y < r.y + r.height; ++y)
      for (int x = r.x; x < r.x + r.width; ++x) {
        const std::uint8_t* c = image.At(x, y);
        n += c[0] > 100 && c[0] > c[2] + 70 && c[1] > c[2] + 50;
      }
    return n;
  }

  fs::path scratch_;
  Options options_;
  std::unique_ptr<GlfwContext> context_;
  std::unique_ptr<Viewer> viewer_;
  std::unique_ptr<Framebuffer> fbo_;
};

TEST_F(View3dViewportTest, AViewportIn3dShowsTheAutoMeasuredLesionInItsColour) {
  MeasureTheLesion();
  Viewer& v = *viewer_;
  ASSERT_EQ(v.view3d.masks.size(), 1u);
  EXPECT_EQ(v.view3d.masks[0].lesion_id, "T1");
  const RgbaImage slices = Draw();

  Apply(v, Intent{ToggleView3d{1}});
  Draw();  // ImGui fits its windows on the first frame: keep the second, as screenshots do
  const RgbaImage picture = Draw();
  const std::string png = (fs::temp_directory_path() / "nadir-view3d-viewport-test.png").string();
  WritePng(png, picture);
  const View3dPort& port = v.view3d.ports.at(1);
  ASSERT_TRUE(port.reason.empty()) << port.reason;
  EXPECT_EQ(port.lesions, 1);
  std::printf("3D viewport %dx%d: CT copy %.0f ms, scene %.0f ms, render %.0f ms (%s)\n",
              v.rects[1].width, v.rects[1].height, port.copy_ms, port.scene_ms, port.render_ms,
              png.c_str());
  // The lesion, 37 mm across in a field of view of 320 mm, covers some hundreds of pixels.
  const int with_lesion = YellowPixels(picture, 1);
  EXPECT_GT(with_lesion, 250) << png;
  // Viewport 0 keeps its slices, as they were.
  int changed = 0;
  const ViewportRect& r0 = v.rects[0];
  for (int y = r0.y; y < r0.y + r0.height; ++y)
    for (int x = r0.x; x < r0.x + r0.width; ++x)
      changed += std::memcmp(slices.At(x, y), picture.At(x, y), 4) != 0;
  EXPECT_LT(changed, r0.width * r0.height / 100) << png;

  // An unchanged frame renders nothing again; a turn and a zoom render once more.
  const std::string shown = port.shown_key;
  Draw();
  EXPECT_EQ(port.shown_key, shown);
  Apply(v, Intent{TurnView3d{1, 90, 0, 2}});
  const RgbaImage turned = Draw();
  EXPECT_NE(port.shown_key, shown);
  EXPECT_GT(YellowPixels(turned, 1), 2 * with_lesion);  // twice the zoom: four times the area
  std::printf("turned and zoomed: render %.0f ms\n", port.render_ms);

  // Undoing the measurement drops the lesion from the scene: no yellow left, so what was
  // yellow was the lesion's surface (the 3D image hides the calipers of the slice beneath).
  Apply(v, Intent{annotate::AnnotateIntent{annotate::Undo{}}});
  const RgbaImage undone = Draw();
  EXPECT_EQ(port.lesions, 0);
  EXPECT_LT(YellowPixels(undone, 1), 20);
  EXPECT_EQ(port.copy_ms, 0);  // the body was kept: the lesions only were rebuilt
  std::printf("lesions only: %.1f ms, render %.0f ms\n", port.scene_ms, port.render_ms);
}

}  // namespace
}  // namespace nadir::viewer
