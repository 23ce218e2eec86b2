#include "viewer/app/input.h"

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

void OnKey(GLFWwindow* window, int key, int, int action, int mods) {
  auto* input = static_cast<InputState*>(glfwGetWindowUserPointer(window));
  if (input && (action == GLFW_PRESS || action == GLFW_REPEAT)) input->keys.push_back({key, mods});
}

}  // namespace

void InstallKeyQueue(GLFWwindow* window, InputState& input) {
  glfwSetWindowUserPointer(window, &input);
  glfwSetKeyCallback(window, OnKey);
}

std::vector<ViewIntent> ViewportInput(const ImGuiIO& io, const ReadingState& s,
                                      const std::vector<ViewportRect>& rects, InputState& input,
                                      AppKeys& keys) {
  std::vector<ViewIntent> out;
  const double sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
  const double mx = io.MousePos.x * sx, my = io.MousePos.y * sy;
  const int hovered = ViewportUnder(rects, mx, my);

  if (!io.WantCaptureMouse) {
    if (hovered >= 0 && io.MouseWheel != 0) {
      const double x = mx - rects[hovered].x, y = my - rects[hovered].y;
      if (io.KeyCtrl)
        out.push_back(Zoom{hovered, std::pow(1.15, io.MouseWheel), x, y});
      else
        out.push_back(Scroll{hovered, io.MouseWheel > 0 ? -1 : 1});
    }
    for (int b = 0; b < 3; ++b)
      if (ImGui::IsMouseClicked(b) && hovered >= 0) {
        input.drag_viewport = hovered;
        input.drag_button = b;
        out.push_back(Activate{hovered});
      }
  }
  if (input.drag_viewport >= 0) {
    if (!io.MouseDown[input.drag_button]) {
      input.drag_viewport = input.drag_button = -1;
    } else if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) {
      const int v = input.drag_viewport;
      const double dx = io.MouseDelta.x * sx, dy = io.MouseDelta.y * sy;
      const ViewportRect& r = rects[v];
      // Dear ImGui's buttons: 0 left, 1 right, 2 middle. Right drag zooms, middle drag pans.
      if (input.drag_button == 1 || (input.drag_button == 0 && io.KeyShift && io.KeyCtrl))
        out.push_back(Zoom{v, std::pow(1.01, -dy), r.width / 2.0, r.height / 2.0});
      else if (input.drag_button == 2 || (input.drag_button == 0 && io.KeyShift))
        out.push_back(Pan{v, dx, dy});
      else if (input.drag_button == 0)
        out.push_back(WindowDrag{v, dx, dy});
    }
  }

  std::vector<KeyPress> pressed;
  pressed.swap(input.keys);
  if (io.WantCaptureKeyboard) return out;
  // Keys act on the viewport under the mouse, else on the one last clicked or scrolled.
  const int a = hovered >= 0 && !io.WantCaptureMouse ? hovered : s.active;
  for (const KeyPress& k : pressed) {
    const bool ctrl = k.mods & GLFW_MOD_CONTROL;
    switch (k.key) {
      case GLFW_KEY_UP:
        out.push_back(Scroll{a, -1});
        break;
      case GLFW_KEY_DOWN:
        out.push_back(Scroll{a, 1});
        break;
      case GLFW_KEY_PAGE_UP:
        out.push_back(Scroll{a, -10});
        break;
      case GLFW_KEY_PAGE_DOWN:
        out.push_back(Scroll{a, 10});
        break;
      case GLFW_KEY_HOME:
        out.push_back(GoTo{a, 0});
        break;
      case GLFW_KEY_END:
        out.push_back(GoTo{a, 1 << 30});
        break;
      case GLFW_KEY_A:
        out.push_back(SetOrientation{a, Orientation::kAxial});
        break;
      case GLFW_KEY_C:
        out.push_back(SetOrientation{a, Orientation::kCoronal});
        break;
      case GLFW_KEY_S:
        out.push_back(SetOrientation{a, Orientation::kSagittal});
        break;
      case GLFW_KEY_R:
        out.push_back(ResetView{a});
        break;
      case GLFW_KEY_M:
        if (a < int(s.viewports.size()))
          out.push_back(SetSlab{a, s.viewports[a].view.slab_mm > 0 ? 0.0 : kDefaultSlabMm});
        break;
      case GLFW_KEY_L:
        out.push_back(SetLinking{{!s.link.scroll, s.link.window}});
        break;
      case GLFW_KEY_F1:
      case GLFW_KEY_H:
        keys.toggle_help = true;
        break;
      case GLFW_KEY_SPACE:
        keys.toggle_cine = true;
        break;
      case GLFW_KEY_F12:
        keys.save_screenshot = true;
        break;
      case GLFW_KEY_ESCAPE:
        if (ctrl)
          keys.quit = true;
        else
          keys.close_help = true;
        break;
      default:
        if (k.key >= GLFW_KEY_1 && k.key < GLFW_KEY_1 + int(kWindowPresets.size()))
          out.push_back(SetWindow{a, kWindowPresets[k.key - GLFW_KEY_1].wl});
    }
  }
  return out;
}

}  // namespace nadir::viewer
