// Scans to track between, from DICOM folders: which series stands for a timepoint, loaded into
// a Volume, with what forbids registering it (missing slices) said up front.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/registration/track.h"
#include "dicom/catalog.h"

namespace nadir::registration {

struct LoadedScan {
  std::string patient_id, study_uid, series_uid, frame_of_reference_uid;
  Volume volume;
  std::vector<std::string> refusals;  // e.g. slices missing: the loader filled a gap

  Scan AsScan() const { return Scan{patient_id, series_uid, &volume, refusals}; }
};

/// The series of `catalog` to track in: the one holding any of `sop_uids` (the images a
/// reader measured on), else the largest series of study `study_uid`, else (both empty) the
/// largest series of all. Nullptr when nothing matches.
const dicom::SeriesInfo* FindSeries(const dicom::Catalog& catalog, const std::string& study_uid,
                                    const std::vector<std::string>& sop_uids);

/// Loads `series`; a gap the loader filled with blank slices becomes a refusal (tracking
/// across invented slices would propose invented places). Throws dicom::DicomError when the
/// series cannot be loaded at all.
LoadedScan LoadScan(const dicom::SeriesInfo& series);

/// Scans `dir` and loads its largest series. Throws dicom::DicomError when there is none.
LoadedScan LoadScanDir(const std::filesystem::path& dir);

}  // namespace nadir::registration
