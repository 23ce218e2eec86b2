// Internal to dicom/: what the scan reads from one DICOM file's header, as plain values.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "dicom/catalog.h"

namespace nadir::dicom::detail {

struct ImageHeader {
  std::string file;
  std::string sop_class_uid, sop_uid;
  std::string patient_id, patient_name;
  std::string study_uid, study_date, study_description, accession_number;
  std::string series_uid, series_description, modality, frame_of_reference_uid;
  int series_number = 0;
  int acquisition_number = 0;
  std::string transfer_syntax_uid, transfer_syntax_name;
  int rows = 0, columns = 0, frames = 1;
  std::array<double, 2> pixel_spacing{1, 1};
  bool has_pixel_spacing = false;
  std::array<double, 6> orientation{1, 0, 0, 0, 1, 0};
  double gantry_tilt_deg = 0;
  double slice_thickness = 0;
  PixelFormat pixels;
  // One entry per frame: position, rescale, pixel offset (SliceRef::file/sop_uid filled).
  std::vector<SliceRef> frames_info;
};

/// Reads the header of one file (pixel data is not read). Returns the header of an image,
/// or throws DicomError naming the file and tag when it is not a usable image:
/// `is_image` false in the error's problem prefix "not an image" lets the scan list it.
ImageHeader ReadImageHeader(const std::string& file);

/// Size in bytes of one frame's stored pixels.
inline long long FrameBytes(const ImageHeader& h) {
  return (long long)h.rows * h.columns * h.pixels.samples_per_pixel * (h.pixels.bits_allocated / 8);
}

}  // namespace nadir::dicom::detail
