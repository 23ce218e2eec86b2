// The annotation panels run headless: a Dear ImGui context with no window and no renderer
// draws frames of them for sessions in every state. Without input they ask for nothing.
#include "viewer/annotate/panels.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::annotate {
namespace {

using test::D;
using test::DrawLine;

class HeadlessImGui : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1600, 900);
    io.IniFilename = nullptr;
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  std::vector<AnnotateIntent> Frame(const AnnotationSession& s) {
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    auto a = DrawLesionPanel(s, lesions);
    auto b = DrawResponsePanel(s, response);
    ImGui::Render();
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }
  LesionPanelState lesions;
  ResponsePanelState response;
};

TEST_F(HeadlessImGui, PanelsDrawEveryStateAndAskForNothingWithoutInput) {
  const test::ScratchDir scratch("panels");
  AnnotationSession s(scratch.string());
  s.New("P-1", D("2026-01-05"));
  EXPECT_TRUE(Frame(s).empty());  // no lesion yet: the engine's error is shown
  s.Apply(AddLesion{LesionKind::kTarget});
  EXPECT_TRUE(Frame(s).empty());  // a target without a diameter
  s.Apply(SetTool{Tool::kBidirectional});
  s.Apply(SelectLesion{""});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {40, 0, 0}, "b"));
  s.Apply(DeleteLesion{"T1"});
  s.Apply(AddLesion{LesionKind::kNonTarget});
  s.AddTimepoint(D("2026-03-02"), "Week 8", "");
  s.Apply(SetTimepoint{1});
  EXPECT_TRUE(Frame(s).empty());  // a follow-up with lesions not yet assessed
  s.Apply(SelectLesion{"T2"});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {20, 0, 0}, "f"));
  s.Apply(SetState{"NT1", LesionState::kPresent});
  response.irecist = true;
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(Frame(s).empty());
  ASSERT_TRUE(s.Results().errors.empty());
  EXPECT_EQ(s.Results().recist11->timepoints.at(0).overall, Response::kPR);
}

// The lesion editor's iRECIST fields and fragment list, and the editor of a lesion not yet
// assessed at a follow-up: drawn in every state, they ask for nothing without input.
TEST_F(HeadlessImGui, IRecistFieldsAndFragmentsDrawAndAskForNothingWithoutInput) {
  const test::ScratchDir scratch("panels-split");
  AnnotationSession s(scratch.string());
  s.New("P-2", D("2026-01-05"));
  s.Apply(SetTool{Tool::kLine});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {40, 0, 0}, "b"));
  s.Apply(AddLesion{LesionKind::kNonTarget});
  s.AddTimepoint(D("2026-03-02"), "Week 8", "");
  s.Apply(SetTimepoint{1});
  s.Apply(SelectLesion{"T1"});  // not yet assessed here: its editor still shows
  EXPECT_TRUE(Frame(s).empty());
  s.Apply(SplitLesion{"T1"});
  EXPECT_TRUE(Frame(s).empty());  // two fragments, none measured, one armed
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {12, 0, 0}, "f"));
  EXPECT_TRUE(Frame(s).empty());
  s.Apply(AddLesion{LesionKind::kNew});
  s.Apply(SetNewCategory{"N1", NewLesionCategory::kTarget});
  s.Apply(SetIncreased{"N1", true});
  EXPECT_TRUE(Frame(s).empty());
  s.Apply(SelectLesion{"NT1"});
  s.Apply(SetIncreased{"NT1", true});
  EXPECT_TRUE(Frame(s).empty());
  EXPECT_EQ(s.subject().timepoints[1].Find("T1")->fragments.size(), 2u);
}

}  // namespace
}  // namespace nadir::annotate
