#include "viewer/app/sources.h"

#include <algorithm>
#include <stdexcept>

#include "viewer/core/synthetic.h"

namespace nadir::viewer {

namespace {

// Delivers a volume the way the DICOM loader does: geometry first, then slices from the
// middle outwards, so the first image appears before the rest has arrived.
void Deliver(const Volume& v, LoadSink& sink) {
  Volume header;  // the sink gets the geometry without the voxels
  static_cast<VolumeGeometry&>(header) = v;
  header.sop_uids = v.sop_uids;
  sink.Begin(header);
  const int n = v.size[2];
  const std::size_t slice = std::size_t(v.size[0]) * v.size[1];
  int done = 0;
  const auto send = [&](int k) {
    if (sink.Cancelled()) throw std::runtime_error("loading cancelled");
    sink.CopySlice(k, &v.hu[std::size_t(k) * slice], ++done, n);
  };
  send(n / 2);
  for (int offset = 1; done < n; ++offset)
    for (int k : {n / 2 + offset, n / 2 - offset})
      if (k >= 0 && k < n) send(k);
}

}  // namespace

std::vector<std::unique_ptr<SeriesSlot>> SyntheticSeries(const std::array<int, 3>& size) {
  std::vector<std::unique_ptr<SeriesSlot>> out;
  for (bool reversed : {false, true}) {
    const SyntheticChest spec = SyntheticSpecFor(size, reversed);
    SeriesSummary s;
    s.patient_name = "SYNTHETIC^CHEST";
    s.patient_id = "SYN-001";
    s.study_date = reversed ? "2026-03-01" : "2026-01-05";
    s.study_description = reversed ? "Follow-up (synthetic)" : "Baseline (synthetic)";
    s.series_description = reversed ? "Chest, slices feet-first" : "Chest, slices head-first";
    s.modality = "CT";
    s.frame_of_reference = "2.25.1000";
    s.series_uid = reversed ? "2.25.1000.2" : "2.25.1000.1";
    s.series_number = 1;
    s.slices = size[2];
    s.thickness_mm = spec.spacing[2];
    s.rows = size[1];
    s.columns = size[0];
    out.push_back(std::make_unique<SeriesSlot>(
        s, [spec](LoadSink& sink) { Deliver(MakeSyntheticChest(spec), sink); }));
  }
  return out;
}

void SortForReading(std::vector<std::unique_ptr<SeriesSlot>>& series) {
  std::stable_sort(series.begin(), series.end(), [](const auto& a, const auto& b) {
    const auto& x = a->summary();
    const auto& y = b->summary();
    if (x.patient_id != y.patient_id) return x.patient_id < y.patient_id;
    if (x.study_date != y.study_date) return x.study_date < y.study_date;
    return x.series_number < y.series_number;
  });
}

std::array<int, 2> BaselineAndFollowUp(const std::vector<std::unique_ptr<SeriesSlot>>& series) {
  if (series.empty()) return {-1, -1};
  const std::string& patient = series[0]->summary().patient_id;
  const std::string& first_date = series[0]->summary().study_date;
  int follow_up = 0;
  for (int i = 1; i < int(series.size()); ++i) {
    const auto& s = series[i]->summary();
    if (s.patient_id != patient) break;
    // The latest study; within it the series with the most slices stands for the study.
    if (s.study_date != first_date && (series[follow_up]->summary().study_date != s.study_date ||
                                       s.slices > series[follow_up]->summary().slices))
      follow_up = i;
  }
  return {0, follow_up};
}

}  // namespace nadir::viewer
