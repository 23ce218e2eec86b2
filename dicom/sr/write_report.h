// Internal to dicom/sr/: one timepoint of an assessment -> one TID 1500 SR file (Comprehensive 3D
// SR).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dicom/sr/image_index.h"
#include "dicom/sr/sr.h"
#include "dicom/sr/subject_fields.h"
#include "measure/results.h"
#include "measure/subject.h"

namespace nadir::dicom::sr {

struct ReportInput {
  const Subject* subject = nullptr;
  const Timepoint* timepoint = nullptr;
  const StudyImages* study = nullptr;
  const ImageIndex* images = nullptr;
  std::map<std::string, std::string> tracking_uids;    // lesion id -> Tracking UID
  std::optional<TimepointResponse> recist11, irecist;  // follow-ups only
  int time_point_order = 0;  // 1 for the baseline, then in date order (TID 1502 row 5)
  std::vector<SubjectFieldItem> subject_fields;  // the same in every report of the subject
  std::string assessment_file;                   // names the source in messages
};

/// Writes the report atomically to `path` and describes it. Throws DicomError naming the
/// assessment file, timepoint, lesion and value when it cannot be written honestly.
ExportedReport WriteReport(const ReportInput& in, const ExportOptions& options,
                           const std::filesystem::path& path);

/// Off-plane distance above which a caliper end point is not on its image (mm). The viewer
/// places points on the image plane; 0.1 mm allows for DS rounding of the position.
inline constexpr double kOffPlaneToleranceMm = 0.1;

}  // namespace nadir::dicom::sr
