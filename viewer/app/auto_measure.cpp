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
                                                     const VolumeGeometry& box) {
  std::vector<std::array<PatientPoint, 2>> out;
  const auto& n = mask.size;
  auto in = [&](int i, int j, int k) {
    if (i < 0 || j < 0 || i >= n[0] || j >= n[1]) return false;
    return mask.voxels[(std::size_t(k) * n[1] + j) * n[0] + i] != 0;
  };
  // Voxel (i, j) spans i +- 0.5, j +- 0.5 in index space; an edge between a voxel of the lesion
  // and one outside it is part of the outline.
  auto at = [&](double i, double j, int k) {
    return box.ToPatient(mask.begin[0] + i, mask.begin[1] + j, mask.begin[2] + k);
  };
  for (int k = 0; k < n[2]; ++k)
    for (int j = 0; j < n[1]; ++j)
      for (int i = 0; i < n[0]; ++i) {
        if (!in(i, j, k)) continue;
        if (!in(i - 1, j, k)) out.push_back({at(i - 0.5, j - 0.5, k), at(i - 0.5, j + 0.5, k)});
        if (!in(i + 1, j, k)) out.push_back({at(i + 0.5, j - 0.5, k), at(i + 0.5, j + 0.5, k)});
        if (!in(i, j - 1, k)) out.push_back({at(i - 0.5, j - 0.5, k), at(i + 0.5, j - 0.5, k)});
        if (!in(i, j + 1, k)) out.push_back({at(i - 0.5, j + 0.5, k), at(i + 0.5, j + 0.5, k)});
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
  p.contour = AutoContour{done.series_uid, m.click, MaskOutline(m.mask, done.box)};
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
