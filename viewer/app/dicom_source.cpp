#include "viewer/app/dicom_source.h"

#include <chrono>
#include <cmath>
#include <exception>

#include "dicom/catalog.h"
#include "dicom/load.h"
#include "viewer/app/sources.h"

namespace nadir::viewer {

namespace {

// Distance between the first two slice centres along the normal; 0 for a single slice.
double SliceDistance(const dicom::SeriesInfo& s) {
  if (s.slices.size() < 2) return 0;
  const auto& o = s.orientation;
  const double n[3] = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5],
                       o[0] * o[4] - o[1] * o[3]};
  double d = 0;
  for (int a = 0; a < 3; ++a) d += (s.slices[1].position[a] - s.slices[0].position[a]) * n[a];
  return std::abs(d);
}

// DICOM DA "YYYYMMDD" -> "YYYY-MM-DD" (PS3.5 6.2); anything else is shown as it is.
std::string ReadableDate(const std::string& da) {
  if (da.size() != 8) return da;
  return da.substr(0, 4) + "-" + da.substr(4, 2) + "-" + da.substr(6, 2);
}

SeriesSummary Summarise(const dicom::SeriesInfo& s) {
  SeriesSummary m;
  m.patient_name = s.patient_name;
  m.patient_id = s.patient_id;
  m.study_date = ReadableDate(s.study_date);
  m.study_description = s.study_description;
  m.series_description = s.series_description.empty() ? "(no description)" : s.series_description;
  if (s.stack > 0) m.series_description += " [stack " + std::to_string(s.stack) + "]";
  m.modality = s.modality;
  m.frame_of_reference = s.frame_of_reference_uid;
  m.series_uid = s.series_uid;
  m.series_number = s.series_number;
  m.slices = s.SliceCount();
  m.thickness_mm = SliceDistance(s);
  m.rows = s.rows;
  m.columns = s.columns;
  return m;
}

}  // namespace

ScannedFolder ScanFolder(const std::string& path) {
  ScannedFolder out;
  const auto started = std::chrono::steady_clock::now();
  std::shared_ptr<const dicom::Catalog> catalog;
  try {
    catalog = std::make_shared<const dicom::Catalog>(dicom::Scan(path));
  } catch (const std::exception& e) {
    out.message = e.what();
    return out;
  }
  int patients = int(catalog->patients.size());
  for (const dicom::SeriesInfo* info : catalog->AllSeries()) {
    // The catalog stays alive as long as a slot may still load from it.
    SeriesSummary summary = Summarise(*info);
    summary.info = std::shared_ptr<const dicom::SeriesInfo>(catalog, info);
    out.series.push_back(std::make_unique<SeriesSlot>(
        std::move(summary),
        [catalog, info](LoadSink& sink) { sink.Warnings(dicom::LoadSeriesInto(*info, sink)); }));
  }
  SortForReading(out.series);
  out.scan_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  out.message = path + ": " + std::to_string(patients) + " patient(s), " +
                std::to_string(out.series.size()) + " series, " +
                std::to_string(catalog->skipped.size()) + " file(s) skipped";
  return out;
}

}  // namespace nadir::viewer
