// Internal to dicom/sr/: the images an SR refers to, found by SOP Instance UID, with the
// geometry that turns patient millimetres into SCOORD pixel coordinates and back.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "measure/lesion.h"

namespace nadir::dicom::sr {

/// One image plane: where pixel (0,0)'s centre lies and how rows and columns run (PS3.3
/// C.7.6.2.1.1). `spacing` is PixelSpacing as stored: [0] between rows, [1] between columns.
struct ImagePlane {
  std::string file, sop_uid;
  std::string patient_id, study_uid, study_date, series_uid;
  std::string frame_of_reference_uid;  // the patient space of SCOORD3D (PS3.3 C.7.4.1)
  std::array<double, 3> position{0, 0, 0};
  std::array<double, 6> orientation{1, 0, 0, 0, 1, 0};
  std::array<double, 2> spacing{1, 1};
};

/// SCOORD image coordinates (PS3.3 C.18.6.1.1): column then row, (0,0) the top left corner
/// of the top left pixel, so a pixel's centre is at (i + 0.5, j + 0.5).
struct PixelPoint {
  double column = 0, row = 0;
};

/// Patient LPS mm -> image coordinates; `off_plane_mm` gets the signed distance from the plane.
PixelPoint PatientToPixel(const ImagePlane& plane, const PatientPoint& p, double* off_plane_mm);
/// Image coordinates -> patient LPS mm (on the plane).
PatientPoint PixelToPatient(const ImagePlane& plane, const PixelPoint& px);

struct StudyImages {
  std::string patient_id, study_uid, date;  // date as YYYYMMDD
  std::vector<const ImagePlane*> images;
};

/// Every image plane of a folder, by SOP Instance UID, and the studies they belong to.
struct ImageIndex {
  std::map<std::string, ImagePlane> by_sop;
  std::vector<StudyImages> studies;

  const ImagePlane* Find(const std::string& sop_uid) const;
};

/// Scans `dir` with the dicom/ scanner. Throws DicomError when nothing there is an image.
ImageIndex IndexImages(const std::filesystem::path& dir);

}  // namespace nadir::dicom::sr
