#include "viewer/app/annotate_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "viewer/annotate/overlay.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

// Two plane normals name one orientation (a reformat keeps its orientation exactly).
constexpr double kParallelCosine = 0.999;

// The volume slice k a viewport shows when it shows a native slice of an axial stack.
std::optional<int> NativeSlice(const SeriesSlot& slot, const ViewportState& vp) {
  const SlicePlane& p = vp.plane;
  if (p.slice_axis != 2 || int(slot.sop_uids().size()) != p.slice_count) return std::nullopt;
  const int n = SliceIndex(p, vp.view);
  const int k = p.slice_sign > 0 ? n : p.slice_count - 1 - n;
  if (slot.sop_uids()[k].empty()) return std::nullopt;  // no UID read: treat as a reformat
  return k;
}

PatientPoint Pp(const Vec3& v) { return {v[0], v[1], v[2]}; }
Vec3 Pp3(const PatientPoint& p) { return {p[0], p[1], p[2]}; }

// The first measurement of a lesion record: its own, else its first measured fragment's.
const CaliperPoints* MeasurementOf(const LesionRecord& l) {
  if (l.points && (l.points->long_axis || l.points->short_axis)) return &*l.points;
  for (const Fragment& f : l.fragments)
    if (f.points && (f.points->long_axis || f.points->short_axis)) return &*f.points;
  return nullptr;
}

// Outline segments of `c` that lie on the slice viewport `v` shows (a reformat crosses them).
template <typename ToScreen>
void DrawOutline(ImDrawList* draw, const AutoContour& c, const ReadingRoom& room, int v,
                 const ToScreen& screen) {
  const SeriesSlot* slot = room.SeriesOf(v);
  if (!slot || slot->summary().series_uid != c.series_uid) return;
  const ViewportState& vp = room.state().viewports[v];
  // The outline across the box axis this view looks along; an oblique view shows none.
  int across = -1;
  for (int a = 0; a < 3; ++a)
    if (std::abs(Dot(c.box.Axis(a), vp.plane.normal)) > 0.999) across = a;
  if (across < 0) return;
  const double here = vp.view.position_mm, half = 0.5 * vp.plane.slice_step_mm;
  for (const auto& seg : c.segments[across]) {
    const Vec3 a = Pp3(seg[0]), b = Pp3(seg[1]);
    if (std::abs(Dot(a, vp.plane.normal) - here) > half ||
        std::abs(Dot(b, vp.plane.normal) - here) > half)
      continue;  // off this slice (or across it, in a reformat)
    draw->AddLine(screen(seg[0]), screen(seg[1]), Packed(kAutoOutline), 1.2f);
  }
}

// The outline of the last one-click lesion, on the slices of its series that show it, while
// the current timepoint's lesion still carries that click (an undo or a redraw hides it); and
// the Auto tool's proposal, outline and axes, until the reader keeps or discards it.
template <typename ToScreen>
void DrawAutoContour(ImDrawList* draw, const AnnotateUi& ui, const ReadingRoom& room, int v,
                     const ToScreen& screen) {
  if (ui.auto_proposal) {
    const AutoProposal& p = *ui.auto_proposal;
    DrawOutline(draw, p.contour, room, v, screen);
    const SeriesSlot* slot = room.SeriesOf(v);
    if (slot && slot->summary().series_uid == p.contour.series_uid)
      for (const auto& axis : {p.axes.long_axis, p.axes.short_axis})
        draw->AddLine(screen(axis[0]), screen(axis[1]), Packed(kAutoProposal), 2.0f);
  }
  if (!ui.auto_contour) return;
  const AutoContour& c = *ui.auto_contour;
  const Timepoint* tp = annotate::CurrentTimepoint(ui.session.annotation());
  const LesionRecord* l = tp ? tp->Find(ui.session.annotation().selected) : nullptr;
  if (!l || !l->method || !l->method->click || *l->method->click != c.click) return;
  DrawOutline(draw, c, room, v, screen);
}

}  // namespace

std::optional<annotate::ShownImage> ImageShown(const ReadingRoom& room, int v, std::string* why) {
  const SeriesSlot* slot = room.SeriesOf(v);
  if (!slot || !slot->HasGeometry() || v >= int(room.state().viewports.size())) return std::nullopt;
  const ViewportState& vp = room.state().viewports[v];
  annotate::ShownImage image;
  image.normal = Pp(vp.plane.normal);
  image.position_mm = vp.plane.PositionOfSlice(SliceIndex(vp.plane, vp.view));
  if (const auto k = NativeSlice(*slot, vp)) {
    image.sop_uid = slot->sop_uids()[*k];
    return image;
  }
  // A reformat: no image names it, so the series and the plane do (assessment-v1.md, nadir
  // notes "Calipers on reformatted views").
  if (slot->summary().series_uid.empty()) {
    if (why)
      *why =
          "this series has no Series Instance UID: a caliper on its reformat could "
          "not say where it was drawn";
    return std::nullopt;
  }
  image.series_uid = slot->summary().series_uid;
  image.plane = std::string(Name(vp.plane.orientation));
  image.half_slice_mm = 0.5 * vp.plane.slice_step_mm;
  return image;
}

std::optional<ImagePoint> PointAt(const ReadingRoom& room, const std::vector<ViewportRect>& rects,
                                  int v, double x, double y, std::string* why) {
  if (v < 0 || v >= int(rects.size())) return std::nullopt;
  const auto image = ImageShown(room, v, why);
  if (!image) return std::nullopt;
  const ViewportState& vp = room.state().viewports[v];
  const PixelMapping m = MapView(vp.plane, vp.view, rects[v]);
  Vec3 p = PixelToPatient(m, x - rects[v].x, y - rects[v].y);
  // Onto the centre of the slice shown (the view may sit between slice centres).
  p = p + vp.plane.normal * (image->position_mm - Dot(p, vp.plane.normal));
  return ImagePoint{Pp(p), *image, 1.0 / m.pixels_per_mm};
}

void ShowLesion(AnnotateUi& ui, ReadingRoom& room, const std::vector<ViewportRect>& rects,
                const std::string& id) {
  const auto& tps = ui.session.subject().timepoints;
  for (int v = 0; v < int(room.state().viewports.size()); ++v) {
    const SeriesSlot* slot = room.SeriesOf(v);
    if (!slot || !slot->HasGeometry()) continue;
    const auto t = TimepointOf(ui, room, v, false);
    const auto& uids = slot->sop_uids();
    for (int tt = t.value_or(-1); tt >= 0; --tt) {
      const LesionRecord* l = tps[tt].Find(id);
      const CaliperPoints* p = l ? MeasurementOf(*l) : nullptr;
      if (!p) continue;
      const ViewportState& vp = room.state().viewports[v];
      const auto& seg = p->long_axis ? p->long_axis : p->short_axis;
      Vec3 centre;
      for (int i = 0; i < 3; ++i) centre[i] = 0.5 * ((*seg)[0][i] + (*seg)[1][i]);
      if (!p->sop_uid.empty()) {
        const auto at = std::find(uids.begin(), uids.end(), p->sop_uid);
        if (at == uids.end()) continue;
        const int k = int(at - uids.begin());
        // Its native slice; a reformatted view goes to the plane through its centre.
        if (vp.plane.slice_axis == 2)
          room.Apply(rects, GoTo{v, vp.plane.slice_sign > 0 ? k : vp.plane.slice_count - 1 - k});
        else
          room.Apply(rects, GoTo{v, vp.plane.SliceOfPosition(Dot(centre, vp.plane.normal))});
        break;
      }
      if (!p->normal || p->series_uid != slot->summary().series_uid) continue;
      const Vec3 normal{(*p->normal)[0], (*p->normal)[1], (*p->normal)[2]};
      // A viewport of the series turns to the measurement's plane unless another already
      // shows that plane (the reader's other views stay as they are).
      if (std::abs(Dot(vp.plane.normal, normal)) < kParallelCosine) {
        bool elsewhere = false;
        for (int w = 0; w < int(room.state().viewports.size()); ++w)
          elsewhere |=
              w != v && room.SeriesOf(w) == slot &&
              std::abs(Dot(room.state().viewports[w].plane.normal, normal)) >= kParallelCosine;
        const auto o = ParseOrientation(p->plane);
        if (elsewhere || !o) break;
        room.Apply(rects, SetOrientation{v, *o});
      }
      const ViewportState& now = room.state().viewports[v];
      room.Apply(rects, GoTo{v, now.plane.SliceOfPosition(Dot(centre, now.plane.normal))});
      break;
    }
  }
}

void DrawCalipers(ImDrawList* draw, const AnnotateUi& ui, const ReadingRoom& room,
                  const std::vector<ViewportRect>& rects, float scale) {
  if (!ui.started) return;
  for (int v = 0; v < int(rects.size()) && v < int(room.state().viewports.size()); ++v) {
    const auto image = ImageShown(room, v);
    if (!image) continue;
    const ViewportState& vp = room.state().viewports[v];
    const PixelMapping m = MapView(vp.plane, vp.view, rects[v]);
    const ViewportRect& r = rects[v];
    auto screen = [&](const PatientPoint& p) {
      const auto px = PatientToPixel(m, {p[0], p[1], p[2]});
      return ImVec2(float((r.x + px[0]) / scale), float((r.y + px[1]) / scale));
    };
    draw->PushClipRect(ImVec2(r.x / scale, r.y / scale),
                       ImVec2((r.x + r.width) / scale, (r.y + r.height) / scale), true);
    for (const annotate::OverlayLine& line : annotate::CaliperOverlay(ui.session, *image)) {
      // A multi-frame object names every frame alike: keep the lines of this slice only.
      const double w =
          Dot({line.segment[0][0], line.segment[0][1], line.segment[0][2]}, vp.plane.normal) -
          image->position_mm;
      if (std::abs(w) > 0.5 * vp.plane.slice_step_mm) continue;
      const ImU32 colour = line.kind == LesionKind::kTarget      ? Packed(kTargetCaliper)
                           : line.kind == LesionKind::kNonTarget ? Packed(kNonTargetCaliper)
                                                                 : Packed(kNewLesionCaliper);
      const float width = line.selected ? 2.5f : 1.5f;
      const ImVec2 a = screen(line.segment[0]), b = screen(line.segment[1]);
      draw->AddLine(a, b, colour, width);
      draw->AddCircle(a, 3.5f, colour, 12, 1.5f);
      draw->AddCircle(b, 3.5f, colour, 12, 1.5f);
      if (!line.label.empty()) {
        // Fragments of one lesion lie close together: their labels stack instead of overlapping.
        const float stack = line.fragment > 0 ? float(line.fragment) * 18.0f : 0.0f;
        const ImVec2 at(std::max(a.x, b.x) + 6, std::min(a.y, b.y) - 18 + stack);
        const ImVec2 size = ImGui::CalcTextSize(line.label.c_str());
        draw->AddRectFilled(ImVec2(at.x - 2, at.y - 1),
                            ImVec2(at.x + size.x + 2, at.y + size.y + 1), Packed(kCaliperLabelBack),
                            3.0f);
        draw->AddText(at, colour, line.label.c_str());
      }
    }
    DrawAutoContour(draw, ui, room, v, screen);
    draw->PopClipRect();
  }
}

}  // namespace nadir::viewer
