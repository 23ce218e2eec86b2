// From a sorted stack of slices to a volume grid: spacing, gaps, duplicates, tilt.
// Pure value work (no DCMTK): every check here is unit-testable with made-up positions.
#include "dicom/detail/plan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "dicom/error.h"
#include "dicom/load.h"

namespace nadir::dicom::detail {
namespace {

// Slices closer than this along the stack are at the same position (mm).
constexpr double kDuplicateMm = 0.01;
// A gap this many times the nominal spacing or more means slices are missing ...
constexpr double kMissingRatio = 1.5;
// ... when it is within this fraction of a whole multiple of the nominal spacing.
constexpr double kMissingWholeTolerance = 0.1;
// More missing slices than this (or than slices present) in one gap is an error.
constexpr int kMaxMissingAbsolute = 10;
// Spacing variation below max(kUniformAbsMm, kUniformRel * nominal) is rounding in the DS.
constexpr double kUniformAbsMm = 0.01;
constexpr double kUniformRel = 0.01;
// Angles between stacking direction and slice normal above this are reported as tilt.
constexpr double kTiltReportDeg = 0.01;
constexpr double kDegPerRad = 57.29577951308232;

using V3 = std::array<double, 3>;
V3 Sub(const V3& a, const V3& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
double Dot(const V3& a, const V3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
double Norm(const V3& a) { return std::sqrt(Dot(a, a)); }

std::string Pos(const V3& p) {
  char b[96];
  std::snprintf(b, sizeof b, "%g\\%g\\%g", p[0], p[1], p[2]);
  return b;
}

}  // namespace

VolumePlan MakePlan(const SeriesInfo& s) {
  if (s.slices.empty()) throw DicomError(s.series_uid, "", "", "series has no slices");
  const auto& o = s.orientation;
  const V3 row{o[0], o[1], o[2]}, col{o[3], o[4], o[5]};
  const V3 normal{row[1] * col[2] - row[2] * col[1], row[2] * col[0] - row[0] * col[2],
                  row[0] * col[1] - row[1] * col[0]};

  VolumePlan plan;
  // Duplicates: keep the first (lowest InstanceNumber, as the scan sorted ties).
  std::vector<int> kept;
  for (int i = 0; i < int(s.slices.size()); ++i) {
    if (!kept.empty()) {
      const SliceRef& prev = s.slices[kept.back()];
      if (Norm(Sub(s.slices[i].position, prev.position)) < kDuplicateMm) {
        plan.warnings.push_back(
            DuplicatePosition{Dot(normal, prev.position), prev.file, s.slices[i].file});
        continue;
      }
    }
    kept.push_back(i);
  }

  Volume& v = plan.geometry;
  v.size = {s.columns, s.rows, 1};
  // PixelSpacing is row spacing \ column spacing (PS3.3 10.7.1.3): i steps across columns.
  v.spacing = {s.pixel_spacing[1], s.pixel_spacing[0], 1.0};
  v.origin = s.slices[kept.front()].position;
  V3 stack = normal;
  double nominal = 1.0;
  const int n = int(kept.size());
  if (n > 1) {
    const V3 span = Sub(s.slices[kept.back()].position, v.origin);
    const double length = Norm(span);
    stack = {span[0] / length, span[1] / length, span[2] / length};
    std::vector<double> gaps;
    for (int i = 1; i < n; ++i)
      gaps.push_back(Norm(Sub(s.slices[kept[i]].position, s.slices[kept[i - 1]].position)));
    std::vector<double> sorted = gaps;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    nominal = sorted[sorted.size() / 2];

    // Every position must lie on the line of the stack; otherwise these are not one volume.
    const double off_limit = 0.5 * std::min(s.pixel_spacing[0], s.pixel_spacing[1]);
    for (int i = 1; i + 1 < n; ++i) {
      const V3 d = Sub(s.slices[kept[i]].position, v.origin);
      const double t = Dot(d, stack);
      const V3 off{d[0] - t * stack[0], d[1] - t * stack[1], d[2] - t * stack[2]};
      if (Norm(off) > off_limit)
        throw DicomError(s.slices[kept[i]].file, "(0020,0032) ImagePositionPatient",
                         Pos(s.slices[kept[i]].position),
                         "slice is " + std::to_string(Norm(off)) +
                             " mm off the line of the other slices' positions: not one stack");
    }
    const double tilt = std::acos(std::clamp(Dot(stack, normal), -1.0, 1.0)) * kDegPerRad;
    if (tilt > kTiltReportDeg) plan.warnings.push_back(GantryTilt{tilt, s.gantry_tilt_deg});

    double gmin = 1e300, gmax = 0;
    plan.slice_of_k.push_back(kept[0]);
    for (int i = 1; i < n; ++i) {
      const double g = gaps[i - 1], r = g / nominal;
      const double whole = std::round(r);
      if (r >= kMissingRatio && std::abs(r - whole) < kMissingWholeTolerance) {
        const int missing = int(whole) - 1;
        // Filling a hole larger than the stack itself would invent most of the volume.
        if (missing > std::max(kMaxMissingAbsolute, n))
          throw DicomError(s.slices[kept[i]].file, "(0020,0032) ImagePositionPatient",
                           Pos(s.slices[kept[i]].position),
                           "gap of " + std::to_string(g) + " mm (" + std::to_string(missing) +
                               " slices) before this slice: not one stack");
        plan.warnings.push_back(
            MissingSlices{int(plan.slice_of_k.size()) - 1, g, nominal, missing});
        for (int m = 0; m < missing; ++m) plan.slice_of_k.push_back(-1);
      } else {
        gmin = std::min(gmin, g);
        gmax = std::max(gmax, g);
      }
      plan.slice_of_k.push_back(kept[i]);
    }
    if (gmax > 0 && gmax - gmin > std::max(kUniformAbsMm, kUniformRel * nominal))
      plan.warnings.push_back(NonUniformSpacing{nominal, gmin, gmax});
  } else {
    plan.slice_of_k.push_back(kept[0]);
  }
  if (std::abs(s.pixel_spacing[0] - s.pixel_spacing[1]) > 1e-4)
    plan.warnings.push_back(NonSquarePixels{s.pixel_spacing[0], s.pixel_spacing[1]});

  v.size[2] = int(plan.slice_of_k.size());
  v.spacing[2] = nominal;
  v.direction = {row[0], row[1], row[2], col[0], col[1], col[2], stack[0], stack[1], stack[2]};
  for (int idx : plan.slice_of_k) v.sop_uids.push_back(idx >= 0 ? s.slices[idx].sop_uid : "");
  for (const auto& w : s.warnings) plan.warnings.insert(plan.warnings.begin(), w);
  return plan;
}

}  // namespace nadir::dicom::detail
