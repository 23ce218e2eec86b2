// Series from a folder of DICOM studies (dicom/ scanner and loader). Scanning reads headers
// only; each series then loads on its own worker thread through dicom::LoadSeriesInto, each
// slice decoded into the slot's own buffer, middle first.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "viewer/app/series_slot.h"

namespace nadir::viewer {

struct ScannedFolder {
  std::vector<std::unique_ptr<SeriesSlot>> series;
  std::string message;  // what was found or why nothing was ("3 patients, 9 series, 0 skipped")
  double scan_ms = 0;   // time the header scan took
};

/// Scans `path` (call from a worker thread). Never throws: a missing folder or a folder without
/// images gives an empty list and the reason in `message`.
ScannedFolder ScanFolder(const std::string& path);

}  // namespace nadir::viewer
