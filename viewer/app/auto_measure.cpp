#include "viewer/app/auto_measure.h"

#include <cstdio>
#include <utility>

namespace nadir::viewer {

namespace {

// Half the side of the box copied around the click: the segmentation's largest region of
// interest (analysis/thresholds.h, 80 mm) and a margin, so the copy never cuts a lesion short.
constexpr double kBoxHalfMm = 85;

std::string Fixed(double v, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

}  // namespace

bool StartAutoMeasure(std::optional<AutoJob>& job, const SeriesSlot& slot,
                      annotate::AutoRequest request, std::string* why) {
  if (job) {
    if (why) *why = "Auto: still measuring the last click";
    return false;
  }
  std::string reason;
  std::optional<Volume> box = slot.CopyBox(request.at, kBoxHalfMm, &reason);
  if (!box) {
    if (why) *why = "Auto: " + reason;
    return false;
  }
  analysis::MeasureOptions options;
  options.nodal = request.nodal;
  const analysis::Point3 click = request.at;
  job = AutoJob{
      std::move(request), slot.summary().series_uid, *box, {}, std::chrono::steady_clock::now()};
  job->result = std::async(std::launch::async, [box = std::move(*box), click, options] {
    return analysis::MeasureLesion(box, click, options);
  });
  return true;
}

std::vector<std::array<PatientPoint, 2>> MaskOutline(const analysis::LesionMask& mask,
                                                     const VolumeGeometry& box, int across) {
  std::vector<std::array<PatientPoint, 2>> out;
  const auto& n = mask.size;
  auto in = [&](std::array<int, 3> v) {
    for (int a = 0; a < 3; ++a)
      if (v[a] < 0 || v[a] >= n[a]) return false;
    return mask.voxels[(std::size_t(v[2]) * n[1] + v[1]) * n[0] + v[0]] != 0;
  };
  // The two in-plane index axes of slices across `across` (axial: i and j).
  const int u = across == 0 ? 1 : 0, w = across == 2 ? 1 : 2;
  // Voxel v spans +- 0.5 along u and w; an edge between a voxel of the lesion and one outside
  // it, in the slice through v's centre, is part of the outline.
  auto at = [&](const std::array<int, 3>& v, double du, double dw) {
    std::array<double, 3> p{double(v[0]), double(v[1]), double(v[2])};
    p[u] += du, p[w] += dw;
    return box.ToPatient(mask.begin[0] + p[0], mask.begin[1] + p[1], mask.begin[2] + p[2]);
  };
  for (int k = 0; k < n[2]; ++k)
    for (int j = 0; j < n[1]; ++j)
      for (int i = 0; i < n[0]; ++i) {
        const std::array<int, 3> v{i, j, k};
        if (!in(v)) continue;
        for (int side : {-1, 1}) {
          std::array<int, 3> nu = v, nw = v;
          nu[u] += side, nw[w] += side;
          if (!in(nu)) out.push_back({at(v, 0.5 * side, -0.5), at(v, 0.5 * side, 0.5)});
          if (!in(nw)) out.push_back({at(v, -0.5, 0.5 * side), at(v, 0.5, 0.5 * side)});
        }
      }
  return out;
}

std::string FinishAutoMeasure(std::optional<AutoJob>& job, std::optional<AutoProposal>& proposal) {
  if (!job || job->result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return "";
  AutoJob done = std::move(*job);
  job.reset();
  analysis::LesionMeasurement m;
  try {
    m = done.result.get();
  } catch (const std::exception& e) {
    return std::string("Auto: the measurement failed: ") + e.what();
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - done.started)
          .count();
  if (!m.found) return "Auto: no lesion here (" + m.reason + ")";
  AutoProposal p;
  p.axes.long_axis = m.long_axis_points;
  p.axes.short_axis = m.short_axis_points;
  p.axes.method.kind = MeasurementMethod::Kind::kSemiAutomatic;
  p.axes.method.click = m.click;
  p.axes.method.volume_ml = m.volume_ml;
  p.axes.method.max_3d_diameter_mm = m.max_3d_diameter_mm;
  p.axes.method.algorithm = m.method;
  p.contour = AutoContour{done.series_uid, m.click, {}, done.box};
  for (int a = 0; a < 3; ++a) p.contour.segments[a] = MaskOutline(m.mask, done.box, a);
  p.mask = std::move(m.mask);
  p.request = std::move(done.request);
  p.long_mm = m.long_axis_mm;
  p.short_mm = m.short_axis_mm;
  p.volume_ml = m.volume_ml;
  p.ms = ms;
  proposal = std::move(p);
  return "Auto proposes " + Fixed(m.long_axis_mm, 1) + " x " + Fixed(m.short_axis_mm, 1) + " mm, " +
         Fixed(m.volume_ml, 2) + " mL (found in " + Fixed(ms, 0) +
         " ms): Enter records it, Esc discards it";
}

std::string AutoRecordedText(const std::string& id, const AutoProposal& p) {
  return id + " " + Fixed(p.long_mm, 1) + " x " + Fixed(p.short_mm, 1) + " mm, " +
         Fixed(p.volume_ml, 2) + " mL from one click in " + Fixed(p.ms, 0) +
         " ms (drag an end point to edit, Ctrl+Z to reject)";
}

}  // namespace nadir::viewer
