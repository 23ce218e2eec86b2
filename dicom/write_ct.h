// Writing a CT image series as real DICOM files (CT Image Storage, explicit VR little endian
// unless asked otherwise), one file per slice. Used by the phantom and by tests that need
// odd series (tilted, gapped, shuffled, unsigned, rescaled ...).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "geometry/volume.h"

namespace nadir::dicom {

struct CtSeriesHeader {
  std::string patient_id = "NADIR-0001", patient_name = "PHANTOM^NADIR";
  std::string patient_birth_date = "19600101", patient_sex = "O";
  std::string study_uid, study_date = "20260101", study_time = "090000";
  std::string study_description = "CT CHEST ABDOMEN PELVIS", accession_number = "";
  std::string study_id = "1";
  std::string series_uid, series_description = "AXIAL 5.0", frame_of_reference_uid;
  int series_number = 2;
  std::string manufacturer = "nadir phantom";
  double kvp = 120;
  double gantry_tilt_deg = 0;  // written to (0018,1120)
  // Stored values are (HU - intercept) / slope. Unsigned storage needs intercept <= -1024.
  double rescale_slope = 1.0, rescale_intercept = -1024.0;
  bool pixel_signed = false;  // PixelRepresentation: false = unsigned 16 bit (the CT norm)
  int bits_stored = 16;       // 12 for classic CT (stored values must fit)
  bool has_padding = false;
  long padding_value = 0;  // stored value written for voxels equal to padding_hu
  int padding_hu = -2000;  // voxels of this HU are written as padding_value
  double window_center = 40, window_width = 400;
  // Clinical Trial Subject and Study modules (PS3.3 C.7.1.3, C.7.2.3): written only when
  // clinical_trial_subject_id is set.
  std::string clinical_trial_sponsor = "nadir", clinical_trial_protocol_id = "NADIR-PHANTOM";
  std::string clinical_trial_site_id = "01";
  std::string clinical_trial_subject_id, clinical_trial_time_point_id;
  std::string uid_root;  // prefix for generated SOP UIDs; empty: DCMTK's site root
};

/// Per-slice placement. Leave `positions` empty for a regular stack along the volume's k axis.
struct CtSlicePlacement {
  std::vector<std::array<double, 3>> positions;  // ImagePositionPatient per slice
  std::vector<int> instance_numbers;             // default 1..n
};

/// Writes volume.size[2] files `<dir>/<prefix><nnnn>.dcm`, creating `dir`. Orientation from
/// volume.direction (columns i and j), PixelSpacing from spacing[1]\spacing[0],
/// SliceThickness and SpacingBetweenSlices from spacing[2]. Fills volume.sop_uids when empty
/// is not possible (const), so the UIDs used are returned, one per slice.
/// Throws DicomError on a write failure or HU that the chosen storage cannot hold.
std::vector<std::string> WriteCtSeries(const Volume& volume, const CtSeriesHeader& header,
                                       const std::filesystem::path& dir,
                                       const CtSlicePlacement& placement = {},
                                       const std::string& file_prefix = "IM");

/// A fresh UID under DCMTK's root (or `root` when given).
std::string NewUid(const std::string& root = {});

}  // namespace nadir::dicom
