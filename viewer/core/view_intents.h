// View intents: what the user asked for in a viewport (from the mouse, the keyboard or a
// panel), as plain values. The input code and the panels produce intents; Apply() changes the
// reading state. Annotation intents are their sibling (viewer/annotate/annotate_intents.h).
// Kept apart from ImGui and GLFW so tests can drive a whole reading session without a window.
#pragma once

#include <optional>
#include <variant>
#include <vector>

#include "viewer/core/layout.h"

namespace nadir::viewer {

struct Scroll {
  int viewport;
  int slices;
};  // wheel, arrows, page keys
struct GoTo {
  int viewport;
  int slice;
};  // Home/End, --slice
struct Zoom {
  int viewport;
  double factor;
  double x, y;
};  // x, y: viewport pixels
struct Pan {
  int viewport;
  double dx, dy;
};  // pixels
struct WindowDrag {
  int viewport;
  double dx, dy;
};  // pixels of drag
struct SetWindow {
  int viewport;
  WindowLevel wl;
};  // preset
struct SetOrientation {
  int viewport;
  Orientation orientation;
};
struct SetSlab {
  int viewport;
  double slab_mm;
};
struct ResetView {
  int viewport;
};
struct SetLayout {
  Layout layout;
};
struct SetLinking {
  Linking link;
};
struct Activate {
  int viewport;
};

using ViewIntent = std::variant<Scroll, GoTo, Zoom, Pan, WindowDrag, SetWindow, SetOrientation,
                                SetSlab, ResetView, SetLayout, SetLinking, Activate>;

/// Applies one intent. `rects` are the viewports' rectangles (for zoom and pan). Linked
/// scrolling and linked window/level follow from here. Intents naming a viewport that does
/// not exist or shows nothing are ignored. SetOrientation needs the series' geometry, so it
/// only records the wish: the controller rebuilds the plane (see Reorient).
void Apply(ReadingState& s, const std::vector<ViewportRect>& rects, const ViewIntent& in);

/// Cine: plays the active viewport through its slices along the normal at `s.cine_fps`,
/// wrapping from the last slice to the first. `clock_s` carries the time not yet spent between
/// frames. Returns the move for `dt` seconds (none when cine is off or nothing is due).
std::optional<ViewIntent> CineStep(const ReadingState& s, double dt, double& clock_s);

/// Rebuilds a viewport's plane for another orientation, keeping its window and slab.
void Reorient(ViewportState& vp, const VolumeGeometry& g, Orientation o);

}  // namespace nadir::viewer
