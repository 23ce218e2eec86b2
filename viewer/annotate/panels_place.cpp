#include <imgui.h>

#include "viewer/annotate/panels.h"

namespace nadir::annotate {

bool BeginPanel(const char* title, const PanelPlace& place, bool* open, float floating_w,
                float floating_h) {
  if (place.width <= 0) {
    ImGui::SetNextWindowSize(ImVec2(floating_w, floating_h), ImGuiCond_FirstUseEver);
    return ImGui::Begin(title, open);
  }
  ImGui::SetNextWindowPos(ImVec2(place.x, place.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(place.width, place.height), ImGuiCond_Always);
  return ImGui::Begin(title, nullptr,
                      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                          ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus);
}

}  // namespace nadir::annotate
