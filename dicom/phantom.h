// A synthetic CT trial: subjects with a baseline and follow-up studies of a chest/abdomen
// phantom (body outline, lungs, liver, spine, lymph nodes at plausible HU with noise) and
// ellipsoid lesions whose diameters follow a chosen course, written as real DICOM with the
// ground truth as assessment files (shared/format/assessment-v1.md).
// Deterministic: the same options give the same voxels, UIDs and files.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "geometry/volume.h"

namespace nadir::dicom {

struct PhantomOptions {
  std::uint64_t seed = 1;
  // false: 512x512 pixels of 0.7 mm, 48 slices of 5 mm, 3 subjects x 3 timepoints (~240 MB).
  // true: 512x512 pixels of 0.7 mm, 400 slices of 1 mm, for benchmarks.
  bool full_size = false;
  int subjects = 0;  // 0: the default for the size (3 small, 1 full)
  int slices = 0;    // slices per series; 0: the default for the size (48 small, 400 full)
};

/// An ellipsoid lesion at one timepoint: semi-axes in mm along its own axes; the first axis
/// lies in the axial plane (so the long axis is measured on one axial image).
struct PhantomLesion {
  std::string id;    // "T1", "NT1", "N1" ...
  std::string kind;  // "target", "nontarget", "new"
  std::string site;  // "liver", "lung", "lymph node"
  bool nodal = false;
  std::array<double, 3> centre{0, 0, 0};  // patient LPS mm, always on a slice centre (z)
  double long_mm = 0, short_mm = 0;       // in-plane diameters; 0 = absent
  double height_mm = 0;                   // cranio-caudal diameter
  double angle_deg = 0;                   // in-plane rotation of the long axis from +x
  int hu = 0;                             // lesion attenuation
};

struct PhantomTimepoint {
  std::string date;   // ISO YYYY-MM-DD
  std::string label;  // "Baseline", "Week 8" ...
  std::string study_uid, series_uid, frame_of_reference_uid;
  std::vector<PhantomLesion> lesions;
};

struct PhantomSubject {
  std::string subject;  // "PH-001"
  std::string course;   // "response", "stable", "progression", "new lesion"
  std::uint64_t seed = 0;
  std::vector<PhantomTimepoint> timepoints;
};

struct PhantomTrial {
  PhantomOptions options;
  std::array<int, 3> size{512, 512, 48};
  std::array<double, 3> spacing{0.7, 0.7, 5.0};
  std::array<double, 3> origin{0, 0, 0};
  std::vector<PhantomSubject> subjects;
};

/// The trial's plan: subjects, dates, UIDs, lesions and their diameters. No voxels.
PhantomTrial PlanPhantomTrial(const PhantomOptions& options);

/// The SOP Instance UID of slice k of one subject's timepoint (deterministic).
std::string PhantomSliceUid(const PhantomTrial& trial, int subject, int timepoint, int k);

/// The voxels (HU) and geometry of one subject at one timepoint, exactly as written to DICOM.
Volume RenderPhantom(const PhantomTrial& trial, int subject, int timepoint);

/// What WritePhantomTrial produced.
struct PhantomWritten {
  std::vector<std::filesystem::path> series_dirs;       // one per subject and timepoint
  std::vector<std::filesystem::path> assessment_files;  // one per subject
  long long bytes = 0;
};

/// Writes `<out>/dicom/<subject>/<date>/IMnnnn.dcm` and `<out>/truth/<subject>.json`
/// (assessment-v1, reader "truth", with `points` on the slice through each lesion's centre).
PhantomWritten WritePhantomTrial(const std::filesystem::path& out, const PhantomOptions& options);

}  // namespace nadir::dicom
