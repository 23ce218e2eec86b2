// Internal to dicom/sr/: a TID 1500 content tree -> what nadir can use of it (pure C++).
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dicom/sr/image_index.h"
#include "dicom/sr/sr.h"
#include "dicom/sr/sr_tree.h"
#include "measure/lesion.h"

namespace nadir::dicom::sr {

/// One axis as measured: length in mm (converted when written in cm or m) and, when the
/// report has them, its two end points on an image (pixels) or in patient space (SCOORD3D).
struct ParsedAxis {
  double mm = 0;
  std::string sop_uid;
  std::optional<std::array<PixelPoint, 2>> pixels;
  std::optional<std::array<PatientPoint, 2>> patient;
  std::string frame_of_reference_uid;  // of `patient`
};

/// One TID 1501 measurement group.
struct ParsedGroup {
  std::string path;  // content item position, for messages
  std::string tracking_id, tracking_uid;
  std::optional<LesionKind> kind;
  std::optional<LesionState> state;
  std::string site;
  std::optional<bool> nodal;
  std::optional<ParsedAxis> long_axis, short_axis;
  std::optional<double> volume_ml;  // the segmented lesion's volume (TID 300 Volume)
  std::string merged_into;
  NewLesionCategory new_category = NewLesionCategory::kAutomatic;
  bool increased_since_last = false;
  std::vector<Fragment> fragments;
  std::string time_point;
  // TID 1502 rows 1, 2 and 5 (nadir writes the date as the subject's identifier).
  std::string subject_time_point_id, protocol_time_point_id;
  std::optional<int> time_point_order;
};

struct ParsedReport {
  std::string file, subject, study_uid, date;  // date as YYYY-MM-DD
  std::string reader, time_point;
  std::string subject_time_point_id, protocol_time_point_id;  // of the first group that has one
  std::optional<int> time_point_order;                        // likewise
  std::string made;  // ContentDate + ContentTime: which of several reports is the latest
  nlohmann::ordered_json subject_fields = nlohmann::ordered_json::object();  // subject_fields.h
  std::vector<ParsedGroup> groups;
  std::vector<StatedResponse> responses;  // at most one per criteria
  std::optional<bool> clinically_stable;
};

/// Interprets a TID 1500 report. Problems that lose a group or a value go to `errors`;
/// what is skipped or converted goes to `warnings`; each names the file, item and value.
/// Throws DicomError when the file is not a TID 1500 Measurement Report at all.
ParsedReport ParseReport(const SrFile& sr, std::vector<std::string>& errors,
                         std::vector<std::string>& warnings);

}  // namespace nadir::dicom::sr
