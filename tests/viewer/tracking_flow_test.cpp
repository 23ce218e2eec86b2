// "Next lesion" (N) through the viewer's controller without images: N selects the baseline's
// lesions in turn (targets first, wrapping round), says why no point was mapped when the
// viewports show no baseline / follow-up pair, and never records anything at the follow-up
// (whether a lesion is gone is the reader's to say). The registration and the proposal on real
// images are tested with xdotool (tests/annotate/interactive_next_lesion.sh). Needs a GL
// context for the reading room (skipped without a DISPLAY; ctest runs under xvfb-run).
#include <gtest/gtest.h>
#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "viewer/app/controller.h"
#include "viewer/gl/context.h"

namespace nadir::viewer {
namespace {

namespace fs = std::filesystem;

// T1 (target) and N1 (non-target) measured at baseline; the follow-up not read yet.
constexpr const char* kAssessment = R"({
  "format": "nadir-assessment/1", "subject": "S-1", "reader": "R1",
  "timepoints": [
    {"date": "2026-01-05", "label": "Baseline", "lesions": [
      {"id": "N1", "kind": "nontarget", "site": "lung", "state": "present",
       "points": {"sop_uid": "1.2.3.2", "long": [[0, 0, 10], [8, 0, 10]]}},
      {"id": "T1", "kind": "target", "site": "liver", "state": "measured",
       "long_axis_mm": 30.0, "short_axis_mm": 20.0,
       "points": {"sop_uid": "1.2.3.1", "long": [[-10, 0, 0], [20, 0, 0]],
                  "short": [[5, -10, 0], [5, 10, 0]]}}]},
    {"date": "2026-03-02", "label": "Week 8", "lesions": []}]
})";

class TrackingFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
    scratch_ = fs::temp_directory_path() / ("nadir-tracking-flow-" + std::to_string(getpid()));
    fs::remove_all(scratch_);
    fs::create_directories(scratch_);
    setenv("XDG_STATE_HOME", scratch_.c_str(), 1);
    setenv("XDG_CACHE_HOME", scratch_.c_str(), 1);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    context_ = std::make_unique<GlfwContext>(64, 64, "tracking flow test", false);
    viewer_ = std::make_unique<Viewer>(options_, context_->window(), Layout::k1x2, WindowLevel{});
    const fs::path file = scratch_ / "S-1.json";
    std::ofstream(file) << kAssessment;
    AnnotateUi& ui = viewer_->annotate;
    std::string error;
    ASSERT_TRUE(ui.session.Open(file.string(), &error)) << error;
    ui.session.Apply(annotate::SetTimepoint{1});
    ui.started = true;
  }
  void TearDown() override {
    viewer_.reset();
    context_.reset();
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    fs::remove_all(scratch_);
  }

  // One frame with key N pressed: the annotation keys' intents, applied by the controller.
  std::vector<Intent> PressN() {
    InputState input;
    input.keys.push_back({GLFW_KEY_N, 0});
    ImGui::NewFrame();
    std::vector<Intent> intents = AnnotateKeys(viewer_->annotate, ImGui::GetIO(), input);
    ImGui::EndFrame();
    EXPECT_TRUE(input.keys.empty());  // N is the annotation's: no viewport sees it
    Apply(*viewer_, intents);
    return intents;
  }

  fs::path scratch_;
  Options options_;
  std::unique_ptr<GlfwContext> context_;
  std::unique_ptr<Viewer> viewer_;
};

TEST_F(TrackingFlowTest, NGoesThroughTheBaselineLesionsTargetsFirst) {
  const std::vector<Intent> intents = PressN();
  ASSERT_EQ(intents.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<NextLesion>(intents[0]));
  EXPECT_EQ(viewer_->annotate.session.annotation().selected, "T1");
  PressN();
  EXPECT_EQ(viewer_->annotate.session.annotation().selected, "N1");
  PressN();
  EXPECT_EQ(viewer_->annotate.session.annotation().selected, "T1");  // round again
}

TEST_F(TrackingFlowTest, WithoutTheTwoStudiesShownNSaysWhyAndDecidesNothing) {
  PressN();
  const AnnotateUi& ui = viewer_->annotate;
  EXPECT_NE(ui.status.find("T1: viewport 1 does not show the baseline study"), std::string::npos)
      << ui.status;
  EXPECT_FALSE(viewer_->tracking.marker);
  EXPECT_FALSE(ui.auto_job);
  EXPECT_FALSE(ui.auto_proposal);
  EXPECT_TRUE(ui.session.subject().timepoints.at(1).lesions.empty());
  EXPECT_FALSE(ui.session.dirty());
  EXPECT_EQ(viewer_->tracking.tracker.status().state, LesionTracker::State::kIdle);
}

TEST_F(TrackingFlowTest, WithoutBaselineCalipersThereIsNoLesionToGoTo) {
  AnnotateUi& ui = viewer_->annotate;
  ui.session.New("S-2", *ParseIsoDate("2026-01-05"));
  ui.started = true;
  PressN();
  EXPECT_NE(ui.status.find("no lesion has calipers at baseline"), std::string::npos) << ui.status;
  EXPECT_TRUE(viewer_->tracking.lesion.empty());
}

}  // namespace
}  // namespace nadir::viewer
