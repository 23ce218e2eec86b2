#include "viewer/core/view_intents.h"

#include "viewer/core/overloaded.h"

namespace nadir::viewer {

std::optional<ViewIntent> CineStep(const ReadingState& s, double dt, double& clock_s) {
  if (!s.cine || s.cine_fps <= 0 || s.active < 0 || s.active >= int(s.viewports.size()) ||
      s.viewports[s.active].series < 0) {
    clock_s = 0;
    return std::nullopt;
  }
  clock_s += dt;
  const int steps = int(clock_s * s.cine_fps);
  if (steps <= 0) return std::nullopt;
  clock_s -= steps / s.cine_fps;
  const ViewportState& vp = s.viewports[s.active];
  const int n = vp.plane.slice_count;
  // Ordinal along the normal, whichever way the volume's index runs.
  const int index = SliceIndex(vp.plane, vp.view);
  const int ordinal = vp.plane.slice_sign > 0 ? index : n - 1 - index;
  const int next = (ordinal + steps) % n;
  return GoTo{s.active, vp.plane.slice_sign > 0 ? next : n - 1 - next};
}

void Reorient(ViewportState& vp, const VolumeGeometry& g, Orientation o) {
  const WindowLevel wl = vp.view.wl;
  const double slab = vp.view.slab_mm;
  vp.plane = MakePlane(g, o);
  vp.view = InitialView(vp.plane, wl);
  vp.view.slab_mm = slab;
}

void Apply(ReadingState& s, const std::vector<ViewportRect>& rects, const ViewIntent& in) {
  const auto viewport = [&](int i) -> ViewportState* {
    if (i < 0 || i >= int(s.viewports.size()) || s.viewports[i].series < 0) return nullptr;
    return &s.viewports[i];
  };
  const auto rect = [&](int i) { return i < int(rects.size()) ? rects[i] : ViewportRect{}; };
  std::visit(Overloaded{
                 [&](const Scroll& a) {
                   if (auto* vp = viewport(a.viewport)) {
                     ScrollSlices(vp->plane, vp->view, a.slices);
                     s.active = a.viewport;
                     PropagateScroll(s, a.viewport);
                   }
                 },
                 [&](const GoTo& a) {
                   if (auto* vp = viewport(a.viewport)) {
                     GoToSlice(vp->plane, vp->view, a.slice);
                     s.active = a.viewport;
                     PropagateScroll(s, a.viewport);
                   }
                 },
                 [&](const Zoom& a) {
                   if (auto* vp = viewport(a.viewport))
                     ZoomAt(vp->plane, vp->view, rect(a.viewport), a.factor, a.x, a.y);
                 },
                 [&](const Pan& a) {
                   if (auto* vp = viewport(a.viewport))
                     PanByPixels(vp->plane, vp->view, rect(a.viewport), a.dx, a.dy);
                 },
                 [&](const WindowDrag& a) {
                   if (auto* vp = viewport(a.viewport)) {
                     vp->view.wl = Dragged(vp->view.wl, a.dx, a.dy);
                     PropagateWindow(s, a.viewport);
                   }
                 },
                 [&](const SetWindow& a) {
                   if (auto* vp = viewport(a.viewport)) {
                     vp->view.wl = a.wl;
                     PropagateWindow(s, a.viewport);
                   }
                 },
                 [&](const SetOrientation&) {},  // needs geometry: see Reorient
                 [&](const SetSlab& a) {
                   if (auto* vp = viewport(a.viewport)) vp->view.slab_mm = std::max(a.slab_mm, 0.0);
                 },
                 [&](const ResetView& a) {
                   if (auto* vp = viewport(a.viewport)) {
                     vp->view.zoom = 1;
                     vp->view.pan_u = vp->view.pan_v = 0;
                   }
                 },
                 [&](const SetLayout& a) { s.layout = a.layout; },
                 [&](const SetLinking& a) {
                   const bool relink = a.link.scroll && !s.link.scroll;
                   s.link = a.link;
                   if (relink) RelinkOffsets(s, s.active);
                 },
                 [&](const Activate& a) {
                   if (a.viewport >= 0 && a.viewport < int(s.viewports.size()))
                     s.active = a.viewport;
                 },
             },
             in);
}

}  // namespace nadir::viewer
