// Image planes of the referenced images and SCOORD <-> patient-space conversion.
#include "dicom/sr/image_index.h"

#include "dicom/catalog.h"
#include "geometry/volume_geometry.h"

namespace nadir::dicom::sr {

namespace {

using Vec = Vec3;

Vec RowDir(const ImagePlane& p) { return {p.orientation[0], p.orientation[1], p.orientation[2]}; }
Vec ColDir(const ImagePlane& p) { return {p.orientation[3], p.orientation[4], p.orientation[5]}; }

// The plane as a one-slice volume: i along the row, j down the column (PS3.3 C.7.6.2.1.1).
VolumeGeometry PlaneGeometry(const ImagePlane& p) {
  const Vec r = RowDir(p), c = ColDir(p), n = Cross(r, c);
  VolumeGeometry g;
  g.size = {1, 1, 1};
  g.spacing = {p.spacing[1], p.spacing[0], 1.0};
  g.origin = p.position;
  g.direction = {r[0], r[1], r[2], c[0], c[1], c[2], n[0], n[1], n[2]};
  return g;
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
  return PlaneGeometry(plane).ToPatient(px.column - 0.5, px.row - 0.5, 0);
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
