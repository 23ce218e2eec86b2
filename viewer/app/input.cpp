#include "input.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cmath>

namespace nadir::viewer {

namespace {

int ViewportUnder(const std::vector<ViewportRect>& rects, double x, double y) {
  for (int i = 0; i < int(rects.size()); ++i)
    if (rects[i].Contains(x, y)) return i;
  return -1;
}

bool Pressed(int key) { return ImGui::IsKeyPressed(key, true); }

}  // namespace

std::vector<Intent> ViewportInput(const ImGuiIO& io, const ReadingState& s,
                                  const std::vector<ViewportRect>& rects, InputState& input,
                                  AppKeys& keys) {
  std::vector<Intent> out;
  const double sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
  const double mx = io.MousePos.x * sx, my = io.MousePos.y * sy;
  const int hovered = ViewportUnder(rects, mx, my);

  if (!io.WantCaptureMouse) {
    if (hovered >= 0 && io.MouseWheel != 0) {
      const double x = mx - rects[hovered].x, y = my - rects[hovered].y;
      if (io.KeyCtrl) out.push_back(intent::Zoom{hovered, std::pow(1.15, io.MouseWheel), x, y});
      else out.push_back(intent::Scroll{hovered, io.MouseWheel > 0 ? -1 : 1});
    }
    for (int b = 0; b < 3; ++b)
      if (ImGui::IsMouseClicked(b) && hovered >= 0) {
        input.drag_viewport = hovered;
        input.drag_button = b;
        out.push_back(intent::Activate{hovered});
      }
  }
  if (input.drag_viewport >= 0) {
    if (!io.MouseDown[input.drag_button]) {
      input.drag_viewport = input.drag_button = -1;
    } else if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) {
      const int v = input.drag_viewport;
      const double dx = io.MouseDelta.x * sx, dy = io.MouseDelta.y * sy;
      const ViewportRect& r = rects[v];
      if (input.drag_button == 2 || (input.drag_button == 0 && io.KeyShift && io.KeyCtrl))
        out.push_back(intent::Zoom{v, std::pow(1.01, -dy), r.width / 2.0, r.height / 2.0});
      else if (input.drag_button == 1 || (input.drag_button == 0 && io.KeyShift))
        out.push_back(intent::Pan{v, dx, dy});
      else if (input.drag_button == 0)
        out.push_back(intent::Window{v, dx, dy});
    }
  }

  if (io.WantCaptureKeyboard) return out;
  const int a = s.active;
  if (Pressed(GLFW_KEY_UP)) out.push_back(intent::Scroll{a, -1});
  if (Pressed(GLFW_KEY_DOWN)) out.push_back(intent::Scroll{a, 1});
  if (Pressed(GLFW_KEY_PAGE_UP)) out.push_back(intent::Scroll{a, -10});
  if (Pressed(GLFW_KEY_PAGE_DOWN)) out.push_back(intent::Scroll{a, 10});
  if (Pressed(GLFW_KEY_HOME)) out.push_back(intent::GoTo{a, 0});
  if (Pressed(GLFW_KEY_END)) out.push_back(intent::GoTo{a, 1 << 30});
  for (int p = 0; p < int(kWindowPresets.size()); ++p)
    if (Pressed(GLFW_KEY_1 + p)) out.push_back(intent::SetWindow{a, kWindowPresets[p].wl});
  if (Pressed(GLFW_KEY_A)) out.push_back(intent::SetOrientation{a, Orientation::kAxial});
  if (Pressed(GLFW_KEY_C)) out.push_back(intent::SetOrientation{a, Orientation::kCoronal});
  if (Pressed(GLFW_KEY_S)) out.push_back(intent::SetOrientation{a, Orientation::kSagittal});
  if (Pressed(GLFW_KEY_R)) out.push_back(intent::ResetView{a});
  if (Pressed(GLFW_KEY_M) && a < int(s.viewports.size()))
    out.push_back(intent::SetSlab{a, s.viewports[a].view.slab_mm > 0 ? 0.0 : kDefaultSlabMm});
  if (Pressed(GLFW_KEY_L)) out.push_back(intent::SetLinking{{!s.link.scroll, s.link.window}});
  if (Pressed(GLFW_KEY_F1) || Pressed(GLFW_KEY_H)) keys.toggle_help = true;
  if (Pressed(GLFW_KEY_SPACE)) keys.toggle_cine = true;
  if (Pressed(GLFW_KEY_ESCAPE) && io.KeyCtrl) keys.quit = true;
  return out;
}

}  // namespace nadir::viewer
