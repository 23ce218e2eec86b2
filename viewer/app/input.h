// Mouse and keyboard over the viewports -> intents. Reading-room conventions:
//   wheel, Up/Down, PageUp/PageDown: scroll slices; Home/End: first/last slice
//   left drag: window/level; middle drag (or Shift + left): pan;
//   right drag or Ctrl + wheel: zoom (about the cursor)
//   1..6: presets; A/C/S: axial/coronal/sagittal; M: MIP slab; R: reset view;
//   Space: cine; L: link scrolling; F1 or H: help; F12: save the window as a PNG
// Honours ImGui's WantCaptureMouse / WantCaptureKeyboard: a click on a panel never reaches an
// image.
#pragma once

#include <vector>

#include "viewer/core/view_intents.h"

struct ImGuiIO;
struct GLFWwindow;

namespace nadir::viewer {

/// Key presses since the last frame, as GLFW reported them. Dear ImGui 1.86 only sees key
/// *state* once a frame, so a press and release inside one frame would be lost; the GLFW key
/// callback (chained by the ImGui backend) queues every press here instead.
struct KeyPress {
  int key;   // GLFW_KEY_*
  int mods;  // GLFW_MOD_*
};

struct InputState {
  int drag_viewport = -1;  // where the current drag started
  int drag_button = -1;
  std::vector<KeyPress> keys;  // filled by the key callback, emptied by ViewportInput
};

/// Installs the key callback queueing into `input` (call before ImGui_ImplGlfw_InitForOpenGL,
/// which chains to it).
void InstallKeyQueue(GLFWwindow* window, InputState& input);

/// Keyboard-only actions that are not viewport intents.
struct AppKeys {
  bool toggle_help = false;
  bool toggle_cine = false;
  bool quit = false;
  bool save_screenshot = false;  // F12: the window as it is, into a PNG
  bool close_help = false;       // Esc
};

std::vector<ViewIntent> ViewportInput(const ImGuiIO& io, const ReadingState& s,
                                      const std::vector<ViewportRect>& rects, InputState& input,
                                      AppKeys& keys);

/// MIP slab thickness that M toggles on (mm).
inline constexpr double kDefaultSlabMm = 10.0;

}  // namespace nadir::viewer
