#include "analysis/registration/track_dicom.h"

#include <cstdio>
#include <set>
#include <variant>

#include "dicom/error.h"
#include "dicom/load.h"

namespace nadir::registration {

const dicom::SeriesInfo* FindSeries(const dicom::Catalog& catalog, const std::string& study_uid,
                                    const std::vector<std::string>& sop_uids) {
  const std::set<std::string> wanted(sop_uids.begin(), sop_uids.end());
  const dicom::SeriesInfo* best = nullptr;
  if (!wanted.empty())
    for (const dicom::SeriesInfo* s : catalog.AllSeries())
      for (const auto& slice : s->slices)
        if (wanted.count(slice.sop_uid)) return s;
  for (const dicom::SeriesInfo* s : catalog.AllSeries()) {
    if (!study_uid.empty() && s->study_uid != study_uid) continue;
    if (!best || s->SliceCount() > best->SliceCount()) best = s;
  }
  if (!best && study_uid.empty() && wanted.empty()) return nullptr;
  return best;
}

LoadedScan LoadScan(const dicom::SeriesInfo& series) {
  LoadedScan scan;
  scan.patient_id = series.patient_id;
  scan.study_uid = series.study_uid;
  scan.series_uid = series.series_uid;
  scan.frame_of_reference_uid = series.frame_of_reference_uid;
  dicom::LoadedSeries loaded = dicom::LoadSeries(series);
  scan.volume = std::move(loaded.volume);
  for (const auto& w : loaded.warnings)
    if (const auto* gap = std::get_if<dicom::MissingSlices>(&w)) {
      char b[160];
      std::snprintf(b, sizeof b,
                    "%d slice(s) missing after slice %d (gap %.1f mm, spacing %.1f mm); "
                    "not registered",
                    gap->missing, gap->after_slice, gap->gap_mm, gap->nominal_mm);
      scan.refusals.push_back(b);
    }
  return scan;
}

LoadedScan LoadScanDir(const std::filesystem::path& dir) {
  const dicom::Catalog catalog = dicom::Scan(dir);
  const dicom::SeriesInfo* s = FindSeries(catalog, {}, {});
  if (!s) throw dicom::DicomError(dir.string(), "", "", "no image series to track in");
  return LoadScan(*s);
}

}  // namespace nadir::registration
