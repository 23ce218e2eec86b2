// The reading room's layout: which viewports, what each shows, and how they are linked.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "viewer/core/view_state.h"

namespace nadir::viewer {

enum class Layout {
  k1x1,  // one viewport
  k1x2,  // two side by side: baseline | follow-up
  k2x2,  // four
  k1x3,  // axial | coronal | sagittal of one series (MPR)
};

std::string_view Name(Layout l);
std::optional<Layout> ParseLayout(std::string_view name);
int ViewportCount(Layout l);

/// Rectangles of the viewports of a layout inside an area (window pixels), `gap` apart.
std::vector<ViewportRect> LayoutRects(Layout l, const ViewportRect& area, int gap = 2);

/// One viewport: which series (index into the loaded series), its plane and view.
struct ViewportState {
  int series = -1;
  std::string frame_of_reference;  // FrameOfReferenceUID of the series, when known
  SlicePlane plane;
  ViewState view;
  // Linked scrolling: this viewport's position = the leader's position + offset (mm). Zero
  // within one frame of reference, where the same position is the same place in the patient.
  double link_offset_mm = 0;
};

struct Linking {
  bool scroll = true;  // slices follow each other by patient position
  bool window = true;  // window/level changes apply to every viewport
};

struct ReadingState {
  Layout layout = Layout::k1x2;
  std::vector<ViewportState> viewports;
  Linking link;
  int active = 0;  // the viewport the last interaction happened in
  bool show_help = false;
  bool cine = false;
  double cine_fps = 10;
};

/// Puts a series (its geometry) into a viewport with a given orientation, on the middle slice.
void Assign(ViewportState& vp, int series, const VolumeGeometry& g, Orientation o,
            const std::string& frame_of_reference, const WindowLevel& wl);

/// Recomputes link offsets against viewport `leader`: same frame of reference -> 0; otherwise
/// the current difference, so the slices keep their present correspondence.
void RelinkOffsets(ReadingState& s, int leader);

/// After viewport `source` scrolled: moves the others with the same orientation to the
/// corresponding patient position (when scroll linking is on).
void PropagateScroll(ReadingState& s, int source);

/// After viewport `source` changed window/level: copies it to the others (when linked).
void PropagateWindow(ReadingState& s, int source);

}  // namespace nadir::viewer
