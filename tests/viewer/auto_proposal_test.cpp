// The Auto tool's proposal through the viewer's controller: the axes found are shown and nothing
// is recorded until the reader presses Enter (recorded as a semi-automatic measurement, one undo
// step) or Esc (discarded). Keys run through Dear ImGui headless; the controller needs a GL
// context for the reading room's renderer (skipped without a DISPLAY; ctest runs under xvfb-run).
#include <gtest/gtest.h>
#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "viewer/app/controller.h"
#include "viewer/gl/context.h"

namespace nadir::viewer {
namespace {

namespace fs = std::filesystem;

class AutoProposalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
    // The session autosaves every edit: into a scratch folder, never the user's.
    scratch_ = fs::temp_directory_path() / ("nadir-auto-proposal-" + std::to_string(getpid()));
    fs::remove_all(scratch_);
    fs::create_directories(scratch_);
    setenv("XDG_STATE_HOME", scratch_.c_str(), 1);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // a font atlas is all NewFrame needs
    context_ = std::make_unique<GlfwContext>(64, 64, "auto proposal test", false);
    viewer_ = std::make_unique<Viewer>(options_, context_->window(), Layout::k1x1, WindowLevel{});
    AnnotateUi& ui = viewer_->annotate;
    ui.session.New("S-1", *ParseIsoDate("2026-01-05"));
    ui.session.Apply(annotate::SetTool{annotate::Tool::kAuto});
    ui.started = true;
  }
  void TearDown() override {
    viewer_.reset();
    context_.reset();
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    fs::remove_all(scratch_);
  }

  // What the Auto tool's worker hands back for a click at (5, 0, 0): 30 x 12.25 mm.
  AutoProposal Found() const {
    AutoProposal p;
    p.request.at = {5, 0, 0};
    p.request.image.sop_uid = "1.2.3.4.5";
    p.request.timepoint = 0;
    p.axes.long_axis = {PatientPoint{-10, 0, 0}, PatientPoint{20, 0, 0}};
    p.axes.short_axis = {PatientPoint{5, -6, 0}, PatientPoint{5, 6.25, 0}};
    p.axes.method.kind = MeasurementMethod::Kind::kSemiAutomatic;
    p.axes.method.click = PatientPoint{5, 0, 0};
    p.axes.method.volume_ml = 4.2;
    p.contour.series_uid = "1.2.3";
    p.contour.click = {5, 0, 0};
    p.long_mm = 30, p.short_mm = 12.25, p.volume_ml = 4.2, p.ms = 80;
    return p;
  }

  // One frame of keys: the annotation keys' intents, applied by the controller. `taken`: the
  // annotation keys keep the key from the viewports (Esc without a proposal also closes help).
  std::vector<Intent> PressKey(int key, bool taken = true) {
    InputState input;
    input.keys.push_back({key, 0});
    ImGui::NewFrame();
    std::vector<Intent> intents = AnnotateKeys(viewer_->annotate, ImGui::GetIO(), input);
    ImGui::EndFrame();
    EXPECT_EQ(input.keys.empty(), taken);
    Apply(*viewer_, intents);
    return intents;
  }

  const std::vector<LesionRecord>& Lesions() const {
    return viewer_->annotate.session.subject().timepoints.at(0).lesions;
  }

  fs::path scratch_;
  Options options_;
  std::unique_ptr<GlfwContext> context_;
  std::unique_ptr<Viewer> viewer_;
};

template <class T>
bool Holds(const std::vector<Intent>& in) {
  return in.size() == 1 && std::holds_alternative<T>(in[0]);
}

TEST_F(AutoProposalTest, AProposalRecordsNothingUntilEnterRecordsIt) {
  viewer_->annotate.auto_proposal = Found();
  EXPECT_TRUE(Lesions().empty());
  EXPECT_FALSE(viewer_->annotate.session.dirty());

  EXPECT_TRUE(Holds<AcceptAutoProposal>(PressKey(GLFW_KEY_ENTER)));
  ASSERT_EQ(Lesions().size(), 1u);
  const LesionRecord& t1 = Lesions()[0];
  EXPECT_EQ(t1.id, "T1");
  EXPECT_DOUBLE_EQ(*t1.long_axis_mm, 30.0);
  ASSERT_TRUE(t1.method);
  EXPECT_EQ(t1.method->kind, MeasurementMethod::Kind::kSemiAutomatic);
  EXPECT_FALSE(viewer_->annotate.auto_proposal);
  ASSERT_TRUE(viewer_->annotate.auto_contour);  // the recorded lesion keeps its outline
  EXPECT_NE(viewer_->annotate.status.find("T1 30.0 x 12.2 mm, 4.20 mL from one click"),
            std::string::npos)
      << viewer_->annotate.status;

  // One edit: one undo takes the measurement back.
  Apply(*viewer_, Intent{annotate::Undo{}});
  EXPECT_TRUE(Lesions().empty());
}

TEST_F(AutoProposalTest, EscapeDiscardsTheProposalAndKeepsTheAutoTool) {
  viewer_->annotate.auto_proposal = Found();
  EXPECT_TRUE(Holds<DiscardAutoProposal>(PressKey(GLFW_KEY_ESCAPE)));
  EXPECT_TRUE(Lesions().empty());
  EXPECT_FALSE(viewer_->annotate.auto_proposal);
  EXPECT_FALSE(viewer_->annotate.session.dirty());
  EXPECT_EQ(viewer_->annotate.session.tool(), annotate::Tool::kAuto);
  // Enter with nothing proposed records nothing and is left alone.
  InputState input;
  input.keys.push_back({GLFW_KEY_ENTER, 0});
  ImGui::NewFrame();
  EXPECT_TRUE(AnnotateKeys(viewer_->annotate, ImGui::GetIO(), input).empty());
  ImGui::EndFrame();
  EXPECT_EQ(input.keys.size(), 1u);
}

TEST_F(AutoProposalTest, EscapeWithoutAProposalStillReturnsToNavigate) {
  EXPECT_TRUE(Holds<annotate::AnnotateIntent>(PressKey(GLFW_KEY_ESCAPE, false)));
  EXPECT_EQ(viewer_->annotate.session.tool(), annotate::Tool::kNavigate);
}

TEST_F(AutoProposalTest, AProposalForAnotherTimepointIsNotRecorded) {
  AutoProposal p = Found();
  p.request.timepoint = 1;  // the reader moved on while the worker measured
  viewer_->annotate.auto_proposal = p;
  PressKey(GLFW_KEY_KP_ENTER);
  EXPECT_TRUE(Lesions().empty());
  EXPECT_NE(viewer_->annotate.status.find("another timepoint"), std::string::npos)
      << viewer_->annotate.status;
}

}  // namespace
}  // namespace nadir::viewer
