// Scanning: a folder tree (or a DICOMDIR) -> patients -> studies -> series, each series one
// geometrically consistent stack of CT/MR/PT images, sorted along its slice normal.
// Reads headers only (pixel data is skipped), so it is quick; LoadSeries (dicom/load.h)
// then decodes the pixels of one series into a Volume.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "dicom/warnings.h"

namespace nadir::dicom {

/// One image plane of a series: a single-frame file, or one frame of a multi-frame file.
struct SliceRef {
  std::string file;
  int frame = 0;  // 0 for single-frame files
  std::string sop_uid;
  int instance_number = 0;
  std::array<double, 3> position{0, 0, 0};              // ImagePositionPatient (LPS, mm)
  double rescale_slope = 1.0, rescale_intercept = 0.0;  // (0028,1053) / (0028,1052)
  // Where the native (uncompressed, not deflated) pixel bytes of this frame start in the
  // file, or -1 when the pixels must go through the decoder (compressed, deflated, or an
  // unusual layout). Filled by the scan; lets LoadSeries read pixels with one pread.
  std::int64_t pixel_offset = -1;
};

/// Pixel format shared by all slices of a series (a mismatch splits the series).
struct PixelFormat {
  int bits_allocated = 16, bits_stored = 16, high_bit = 15;
  bool is_signed = true;    // (0028,0103) PixelRepresentation == 1
  bool big_endian = false;  // native data stored big endian (1.2.840.10008.1.2.2)
  bool has_padding = false;
  long padding_value = 0;  // (0028,0120) PixelPaddingValue
  int samples_per_pixel = 1;
};

struct SeriesInfo {
  std::string patient_id, patient_name;
  std::string study_uid, study_date, study_description, accession_number;
  std::string series_uid, series_description, modality, frame_of_reference_uid;
  int series_number = 0;
  std::string transfer_syntax_uid, transfer_syntax_name;
  // A series UID whose images do not form one stack (different orientation, size, pixel
  // format, acquisition) is split: each stack is its own SeriesInfo with stack >= 1 and
  // stack_reason saying why ("orientation differs", "rows/columns differ", ...).
  int stack = 0;
  std::string stack_reason;

  int rows = 0, columns = 0;
  std::array<double, 2> pixel_spacing{1, 1};            // (0028,0030): row spacing, column spacing
  std::array<double, 6> orientation{1, 0, 0, 0, 1, 0};  // (0020,0037)
  double gantry_tilt_deg = 0;                           // (0018,1120), 0 when absent
  PixelFormat pixels;
  std::vector<SliceRef> slices;  // sorted along the slice normal (ascending projection)
  // What the scan noticed about this stack (orientation jitter, ...); LoadSeries and
  // PlanVolume report these together with the geometry checks.
  std::vector<Warning> warnings;

  int SliceCount() const { return int(slices.size()); }
};

struct StudyInfo {
  std::string study_uid, date, description, accession_number;
  std::vector<SeriesInfo> series;
};

struct PatientInfo {
  std::string patient_id, patient_name;
  std::vector<StudyInfo> studies;
};

/// A file the scan looked at and did not use, and why (not DICOM, truncated, not an image,
/// missing a tag a slice needs ...). Non-image DICOM (SR, presentation states) is listed too.
struct SkippedFile {
  std::string file;
  std::string reason;
};

struct Catalog {
  std::vector<PatientInfo> patients;
  std::vector<SkippedFile> skipped;

  /// Every series of every study of every patient, in order.
  std::vector<const SeriesInfo*> AllSeries() const;
};

struct ScanOptions {
  bool recursive = true;
  int threads = 0;  // 0: hardware concurrency
  // Called now and then from the scanning thread with files done / files found.
  std::function<void(int done, int total)> progress;
};

/// Scans a file, a folder tree, or a DICOMDIR (a DICOMDIR file, or a folder holding one,
/// lists the files to read). Throws DicomError when `path` does not exist or holds no
/// readable DICOM image at all; unreadable files among good ones go to Catalog::skipped.
Catalog Scan(const std::filesystem::path& path, const ScanOptions& options = {});

}  // namespace nadir::dicom
