#include "viewer/app/overlays.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "viewer/app/series_warnings.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

constexpr ImU32 kText = Packed(kOverlayText);
constexpr ImU32 kLabel = Packed(kOverlayLabel);
constexpr ImU32 kShadow = Packed(kOverlayShadow);
constexpr ImU32 kActive = Packed(kViewportActive);
constexpr ImU32 kIdle = Packed(kViewportIdle);

void Text(ImDrawList* d, ImVec2 at, ImU32 color, const std::string& s) {
  d->AddText(ImVec2(at.x + 1, at.y + 1), kShadow, s.c_str());
  d->AddText(at, color, s.c_str());
}

ImVec2 Size(const std::string& s) { return ImGui::CalcTextSize(s.c_str()); }

std::string Format(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[128];
  std::snprintf(buf, sizeof buf, fmt, a, b, c);
  return buf;
}

// Name of the slice position axis of a view: the patient axis its normal runs along.
const char* PositionAxis(const SlicePlane& p) {
  switch (p.orientation) {
    case Orientation::kAxial:
      return "Z";
    case Orientation::kCoronal:
      return "Y";
    case Orientation::kSagittal:
      return "X";
  }
  return "";
}

}  // namespace

void DrawViewportOverlay(ImDrawList* d, const OverlayInput& in) {
  const ViewportRect& r = in.rect;
  const ImVec2 lo(float(r.x), float(r.y)), hi(float(r.x + r.width), float(r.y + r.height));
  d->PushClipRect(lo, hi, true);
  d->AddRect(lo, hi, in.active ? kActive : kIdle, 0, 0, in.active ? 2.0f : 1.0f);
  const float line = ImGui::GetTextLineHeight();
  const float pad = 6;
  if (!in.series || !in.viewport) {
    Text(d, ImVec2(lo.x + pad, lo.y + pad), kText, "empty: choose a series in the study browser");
    d->PopClipRect();
    return;
  }
  const SeriesSummary& s = in.series->summary();
  if (!in.series->HasGeometry()) {
    const std::string msg = in.series->state() == SeriesSlot::State::kFailed
                                ? "cannot load: " + in.series->error()
                                : "loading " + s.series_description + " ...";
    Text(d, ImVec2(lo.x + pad, lo.y + pad), kText, msg);
    d->PopClipRect();
    return;
  }
  const ViewportState& vp = *in.viewport;
  const SlicePlane& plane = vp.plane;

  // Top left: who and what.
  float y = lo.y + pad;
  for (const std::string& t :
       {s.patient_name + "  " + s.patient_id, s.study_date + "  " + s.study_description,
        s.series_description + "  (" + s.modality + ")"}) {
    Text(d, ImVec2(lo.x + pad, y), kText, t);
    y += line;
  }
  DrawViewportWarningsBadge(  // beside the series name (viewer/app/series_warnings.h)
      d, ImVec2(lo.x + pad + Size(s.series_description + "  (" + s.modality + ")").x, y - line),
      *in.series);
  // Top right: window and slab.
  const PixelMapping m = MapView(plane, vp.view, r);
  const std::string window = Format("W %.0f  L %.0f", vp.view.wl.width, vp.view.wl.level);
  Text(d, ImVec2(hi.x - pad - Size(window).x, lo.y + pad), kText, window);
  if (vp.view.slab_mm > 0) {
    const std::string mip = Format("MIP %.1f mm", vp.view.slab_mm);
    Text(d, ImVec2(hi.x - pad - Size(mip).x, lo.y + pad + line), kText, mip);
  }

  // Orientation letters at the middle of each edge.
  const EdgeLabels labels = EdgeLabelsOf(plane);
  const float cx = 0.5f * (lo.x + hi.x), cy = 0.5f * (lo.y + hi.y);
  Text(d, ImVec2(lo.x + pad, cy - line / 2), kLabel, labels.left);
  Text(d, ImVec2(hi.x - pad - Size(labels.right).x, cy - line / 2), kLabel, labels.right);
  Text(d, ImVec2(cx - Size(labels.top).x / 2, lo.y + pad + 3 * line), kLabel, labels.top);
  Text(d, ImVec2(cx - Size(labels.bottom).x / 2, hi.y - pad - line), kLabel, labels.bottom);

  // Bottom left, upwards: image number and position in mm, HU under the cursor, loading.
  const int slice = SliceIndex(plane, vp.view);
  y = hi.y - pad - line;
  Text(d, ImVec2(lo.x + pad, y), kText,
       Format("Im %.0f/%.0f  ", slice + 1, plane.slice_count) + PositionAxis(plane) +
           Format(" %.1f mm", vp.view.position_mm));
  if (in.probe) {
    const auto& p = *in.probe;
    y -= line;
    Text(d, ImVec2(lo.x + pad, y), kText,
         (p.loaded ? Format("HU %.0f", p.hu) : std::string("HU (loading)")) +
             Format("  (%.1f, %.1f, %.1f)", p.patient[0], p.patient[1], p.patient[2]));
  }
  if (in.series->state() == SeriesSlot::State::kLoading) {
    y -= line;
    Text(d, ImVec2(lo.x + pad, y), kText,
         Format("loading %.0f/%.0f", in.series->SlicesUploaded(), plane.slice_count));
  }

  // Bottom right: zoom, and the scale bar with its length under it.
  const std::string zoom = Format("zoom %.2f  %.2f px/mm", vp.view.zoom, m.pixels_per_mm);
  Text(d, ImVec2(hi.x - pad - Size(zoom).x, hi.y - pad - 3.0f * line), kText, zoom);
  const double bar_mm = ScaleBarMm(m.pixels_per_mm, 0.22 * r.width);
  if (bar_mm > 0) {
    const float w = float(bar_mm * m.pixels_per_mm);
    const float by = hi.y - pad - 1.3f * line;
    const float x1 = hi.x - pad - 4, x0 = x1 - w;
    d->AddLine(ImVec2(x0, by), ImVec2(x1, by), kText, 2);
    d->AddLine(ImVec2(x0, by - 5), ImVec2(x0, by + 5), kText, 2);
    d->AddLine(ImVec2(x1, by - 5), ImVec2(x1, by + 5), kText, 2);
    const std::string label = Format(bar_mm >= 10 ? "%.0f mm" : "%.1f mm", bar_mm);
    Text(d, ImVec2(0.5f * (x0 + x1) - Size(label).x / 2, by + 3), kText, label);
  }
  d->PopClipRect();
}

}  // namespace nadir::viewer
