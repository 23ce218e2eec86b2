// Image planes of the referenced images and SCOORD <-> patient-space conversion.
#include "image_index.h"

#include "../catalog.h"

namespace nadir::dicom::sr {

namespace {

using Vec = std::array<double, 3>;

Vec RowDir(const ImagePlane& p) { return {p.orientation[0], p.orientation[1], p.orientation[2]}; }
Vec ColDir(const ImagePlane& p) { return {p.orientation[3], p.orientation[4], p.orientation[5]}; }
double Dot(const Vec& a, const Vec& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
Vec Cross(const Vec& a, const Vec& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

}  // namespace

// The first direction cosine runs along a row (increasing column index), the second down a
// column (increasing row index); PixelSpacing[1] is the column spacing, [0] the row spacing.
PixelPoint PatientToPixel(const ImagePlane& plane, const PatientPoint& p, double* off_plane_mm) {
  const Vec d{p[0] - plane.position[0], p[1] - plane.position[1], p[2] - plane.position[2]};
  const Vec r = RowDir(plane), c = ColDir(plane);
  if (off_plane_mm) *off_plane_mm = Dot(d, Cross(r, c));
  return {Dot(d, r) / plane.spacing[1] + 0.5, Dot(d, c) / plane.spacing[0] + 0.5};
}

PatientPoint PixelToPatient(const ImagePlane& plane, const PixelPoint& px) {
  const Vec r = RowDir(plane), c = ColDir(plane);
  const double u = (px.column - 0.5) * plane.spacing[1], v = (px.row - 0.5) * plane.spacing[0];
  return {plane.position[0] + u * r[0] + v * c[0], plane.position[1] + u * r[1] + v * c[1],
          plane.position[2] + u * r[2] + v * c[2]};
}

const ImagePlane* ImageIndex::Find(const std::string& sop_uid) const {
  const auto it = by_sop.find(sop_uid);
  return it == by_sop.end() ? nullptr : &it->second;
}

ImageIndex IndexImages(const std::filesystem::path& dir) {
  const Catalog catalog = Scan(dir);
  ImageIndex index;
  for (const auto& patient : catalog.patients) {
    for (const auto& study : patient.studies) {
      for (const auto& series : study.series) {
        for (const auto& slice : series.slices) {
          if (slice.sop_uid.empty()) continue;
          ImagePlane plane;
          plane.file = slice.file;
          plane.sop_uid = slice.sop_uid;
          plane.patient_id = patient.patient_id;
          plane.study_uid = study.study_uid;
          plane.study_date = study.date;
          plane.series_uid = series.series_uid;
          plane.frame_of_reference_uid = series.frame_of_reference_uid;
          plane.position = slice.position;
          plane.orientation = series.orientation;
          plane.spacing = series.pixel_spacing;
          index.by_sop.emplace(plane.sop_uid, plane);
        }
      }
    }
  }
  for (const auto& patient : catalog.patients) {
    for (const auto& study : patient.studies) {
      StudyImages s{patient.patient_id, study.study_uid, study.date, {}};
      for (const auto& series : study.series)
        for (const auto& slice : series.slices)
          if (const ImagePlane* p = index.Find(slice.sop_uid)) s.images.push_back(p);
      index.studies.push_back(std::move(s));
    }
  }
  return index;
}

}  // namespace nadir::dicom::sr
