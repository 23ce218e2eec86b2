#include "viewer/app/columns.h"

#include <imgui.h>

namespace nadir::viewer {

namespace {

constexpr ImGuiWindowFlags kHandleFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
    ImGuiWindowFlags_NoBringToFrontOnFocus;

void Place(const ViewportRect& r) {
  ImGui::SetNextWindowPos(ImVec2(float(r.x), float(r.y)));
  ImGui::SetNextWindowSize(ImVec2(float(r.width), float(r.height)));
}

// A splitter: returns the mouse x while dragged (else < 0); a double-click toggles `open`.
float Splitter(const char* id, const ViewportRect& r, bool& open) {
  Place(r);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
  ImGui::Begin(id, nullptr, kHandleFlags);
  ImGui::InvisibleButton("##drag", ImVec2(float(r.width), float(r.height)));
  float x = -1;
  if (ImGui::IsItemHovered() || ImGui::IsItemActive())
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0))
    open = !open;
  else if (ImGui::IsItemActive() && ImGui::IsMouseDragging(0))
    x = ImGui::GetIO().MousePos.x;
  ImGui::End();
  ImGui::PopStyleVar(2);
  return x;
}

// The strip a folded column leaves, with an arrow that unfolds it.
void Strip(const char* id, const ViewportRect& r, const char* arrow, bool& open) {
  Place(r);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1, 4));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
  ImGui::Begin(id, nullptr, kHandleFlags);
  if (ImGui::SmallButton(arrow)) open = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the panels");
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace

std::vector<Intent> DrawColumnHandles(const ScreenSplit& current, const ScreenRegions& regions,
                                      bool right_panels, float width) {
  ScreenSplit split = current;
  const auto changed = [&] {
    const bool same =
        split.left_width == current.left_width && split.right_width == current.right_width &&
        split.left_open == current.left_open && split.right_open == current.right_open;
    return same ? std::vector<Intent>{} : std::vector<Intent>{SizeColumns{split}};
  };
  if (!regions.has_left) Strip("##left-strip", regions.studies, ">", split.left_open);
  const float left_x = Splitter("##left-splitter", regions.left_splitter, split.left_open);
  if (left_x >= 0) split.left_width = left_x, split.left_open = true;
  if (!right_panels) return changed();
  const ViewportRect strip{regions.lesions.x, regions.lesions.y, regions.lesions.width,
                           regions.lesions.height + regions.response.height};
  if (!regions.has_right) Strip("##right-strip", strip, "<", split.right_open);
  const float right_x = Splitter("##right-splitter", regions.right_splitter, split.right_open);
  if (right_x >= 0) split.right_width = width - right_x, split.right_open = true;
  return changed();
}

}  // namespace nadir::viewer
