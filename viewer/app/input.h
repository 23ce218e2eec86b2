// Mouse and keyboard over the viewports -> intents. Reading-room conventions:
//   wheel, Up/Down, PageUp/PageDown: scroll slices; Home/End: first/last slice
//   left drag: window/level; middle drag (or Shift + left): pan;
//   right drag or Ctrl + wheel: zoom (about the cursor)
//   1..6: presets; A/C/S: axial/coronal/sagittal; M: MIP slab; R: reset view;
//   Space: cine; L: link scrolling; F1 or H: help
// Honours ImGui's WantCaptureMouse / WantCaptureKeyboard: a click on a panel never reaches an
// image.
#pragma once

#include <vector>

#include "core/intents.h"

struct ImGuiIO;

namespace nadir::viewer {

struct InputState {
  int drag_viewport = -1;  // where the current drag started
  int drag_button = -1;
};

/// Keyboard-only actions that are not viewport intents.
struct AppKeys {
  bool toggle_help = false;
  bool toggle_cine = false;
  bool quit = false;
};

std::vector<Intent> ViewportInput(const ImGuiIO& io, const ReadingState& s,
                                  const std::vector<ViewportRect>& rects, InputState& input,
                                  AppKeys& keys);

/// MIP slab thickness that M toggles on (mm).
inline constexpr double kDefaultSlabMm = 10.0;

}  // namespace nadir::viewer
