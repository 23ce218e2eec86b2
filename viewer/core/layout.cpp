#include "viewer/core/layout.h"

#include <algorithm>

namespace nadir::viewer {

std::string_view Name(Layout l) {
  switch (l) {
    case Layout::k1x1:
      return "1x1";
    case Layout::k1x2:
      return "1x2";
    case Layout::k2x2:
      return "2x2";
    case Layout::k1x3:
      return "1x3";
  }
  return "1x1";
}

std::optional<Layout> ParseLayout(std::string_view name) {
  for (Layout l : {Layout::k1x1, Layout::k1x2, Layout::k2x2, Layout::k1x3})
    if (Name(l) == name) return l;
  return std::nullopt;
}

int ViewportCount(Layout l) {
  switch (l) {
    case Layout::k1x1:
      return 1;
    case Layout::k1x2:
      return 2;
    case Layout::k2x2:
      return 4;
    case Layout::k1x3:
      return 3;
  }
  return 1;
}

std::vector<ViewportRect> LayoutRects(Layout l, const ViewportRect& area, int gap) {
  int cols = 1, rows = 1;
  switch (l) {
    case Layout::k1x1:
      break;
    case Layout::k1x2:
      cols = 2;
      break;
    case Layout::k2x2:
      cols = 2, rows = 2;
      break;
    case Layout::k1x3:
      cols = 3;
      break;
  }
  std::vector<ViewportRect> rects;
  const int w = std::max((area.width - gap * (cols - 1)) / cols, 1);
  const int h = std::max((area.height - gap * (rows - 1)) / rows, 1);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      rects.push_back({area.x + c * (w + gap), area.y + r * (h + gap), w, h});
  return rects;
}

void Assign(ViewportState& vp, int series, const VolumeGeometry& g, Orientation o,
            const std::string& frame_of_reference, const WindowLevel& wl) {
  vp.series = series;
  vp.frame_of_reference = frame_of_reference;
  vp.plane = MakePlane(g, o);
  vp.view = InitialView(vp.plane, wl);
  vp.link_offset_mm = 0;
}

void RelinkOffsets(ReadingState& s, int leader) {
  if (leader < 0 || leader >= int(s.viewports.size())) return;
  const ViewportState& lead = s.viewports[leader];
  for (auto& vp : s.viewports) {
    const bool same_frame =
        !vp.frame_of_reference.empty() && vp.frame_of_reference == lead.frame_of_reference;
    vp.link_offset_mm = same_frame
                            ? lead.link_offset_mm
                            : vp.view.position_mm - lead.view.position_mm + lead.link_offset_mm;
  }
}

void PropagateScroll(ReadingState& s, int source) {
  if (!s.link.scroll || source < 0 || source >= int(s.viewports.size())) return;
  const ViewportState& src = s.viewports[source];
  if (src.series < 0) return;
  for (int i = 0; i < int(s.viewports.size()); ++i) {
    ViewportState& vp = s.viewports[i];
    if (i == source || vp.series < 0 || vp.plane.orientation != src.plane.orientation) continue;
    GoToPosition(vp.plane, vp.view, src.view.position_mm - src.link_offset_mm + vp.link_offset_mm);
  }
}

void PropagateWindow(ReadingState& s, int source) {
  if (!s.link.window || source < 0 || source >= int(s.viewports.size())) return;
  for (auto& vp : s.viewports) vp.view.wl = s.viewports[source].view.wl;
}

}  // namespace nadir::viewer
