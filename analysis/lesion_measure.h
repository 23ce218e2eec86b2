// Semi-automatic lesion measurement: from one click on a CT lesion, its 3D mask, RECIST long
// and short axes (RECIST 1.1 §3.2), volume and largest 3D diameter. The caller sees only nadir
// types (ITK stays inside analysis/); the function reads the volume and allocates only its
// region of interest, so it may run on any thread while the viewer keeps drawing.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "geometry/volume.h"

namespace nadir::analysis {

using Point3 = std::array<double, 3>;  // patient LPS, mm

enum class SegmentationMethod {
  // Smoothing, region growing between thresholds set half-way to the tissue around the lesion
  // (found and refined from the local image), boundary at half contrast. The default.
  kAdaptiveThreshold,
  // ITK's confidence-connected region growing (mean +- k sigma), boundary from the mask. Kept
  // for comparison in the benchmark (nadir_bench_measure).
  kConfidenceConnected,
};
std::string MethodName(SegmentationMethod method);

struct MeasureOptions {
  SegmentationMethod method = SegmentationMethod::kAdaptiveThreshold;
  bool nodal = false;  // a lymph node: reported by its short axis (RECIST 1.1 §4.2)
};

/// The lesion's voxels inside a box of the volume (its region of interest).
struct LesionMask {
  std::array<int, 3> begin{0, 0, 0};  // volume index of the box's first voxel
  std::array<int, 3> size{0, 0, 0};
  std::vector<std::uint8_t> voxels;  // 1 = lesion, i fastest, then j, then k
};

struct LesionMeasurement {
  bool found = false;
  std::string reason;  // why nothing was found (or the mask refused) when !found
  std::string method;  // "adaptive-threshold" ...
  Point3 click{};
  bool nodal = false;
  int slice_k = -1;  // the axial image of the long and short axes
  double long_axis_mm = 0, short_axis_mm = 0;
  std::array<Point3, 2> long_axis_points{}, short_axis_points{};
  double volume_ml = 0;
  double max_3d_diameter_mm = 0;
  double lesion_hu = 0;  // median attenuation near the click
  LesionMask mask;
};

/// Finds the lesion around `click` (patient mm) in `volume` (HU) and measures it. Never
/// throws for an image it cannot measure: `found` is false and `reason` says why (a click
/// outside the volume, on air, fat or uniform tissue, or a region that leaks).
LesionMeasurement MeasureLesion(const Volume& volume, const Point3& click,
                                const MeasureOptions& options = {});

}  // namespace nadir::analysis
