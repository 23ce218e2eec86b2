// One click to a measured lesion (see lesion_measure.h): the region of interest from the
// local image, the segmentation, the refusals, then the axes.
#include "analysis/lesion_measure.h"

#include <cmath>
#include <cstdio>

#include "analysis/mask_axes.h"
#include "analysis/region.h"
#include "analysis/segment.h"
#include "analysis/thresholds.h"

namespace nadir::analysis {
namespace {

std::string Hu(double hu) {
  char b[32];
  std::snprintf(b, sizeof b, "%.0f HU", hu);
  return b;
}

}  // namespace

std::string MethodName(SegmentationMethod method) {
  return method == SegmentationMethod::kConfidenceConnected ? "confidence-connected"
                                                            : "adaptive-threshold";
}

LesionMeasurement MeasureLesion(const Volume& volume, const Point3& click,
                                const MeasureOptions& options) {
  LesionMeasurement out;
  out.click = click;
  out.nodal = options.nodal;
  out.method = MethodName(options.method);
  if (volume.VoxelCount() == 0 || volume.hu.size() != volume.VoxelCount()) {
    out.reason = "the volume has no voxels";
    return out;
  }
  const std::array<double, 3> f = ToIndex(volume, click);
  const std::array<int, 3> c{int(std::lround(f[0])), int(std::lround(f[1])),
                             int(std::lround(f[2]))};
  for (int a = 0; a < 3; ++a)
    if (c[a] < 0 || c[a] >= volume.size[a]) {
      char b[160];
      std::snprintf(b, sizeof b, "the click (%.1f, %.1f, %.1f) mm is outside the volume", click[0],
                    click[1], click[2]);
      out.reason = b;
      return out;
    }
  const Extent e = FindExtent(volume, c);
  out.lesion_hu = e.click_hu;
  if (e.click_hu < kMinLesionHu) {
    out.reason = "the click is on " + std::string(e.click_hu < -400 ? "air or lung" : "fat") +
                 " (" + Hu(e.click_hu) + "), not on a soft-tissue lesion";
    return out;
  }
  if (e.open_fraction > kMaxOpenRayFraction || e.typical_mm <= 0) {
    char b[200];
    std::snprintf(b, sizeof b,
                  "no lesion at the click: the tissue there (%s) has no edge within %.0f mm in "
                  "%.0f%% of directions",
                  Hu(e.click_hu).c_str(), kMaxSearchRadiusMm, 100 * e.open_fraction);
    out.reason = b;
    return out;
  }
  // Rays stopped early by noise make the box too small: a region reaching its border is
  // tried again in a larger box before it is pruned or refused as a leak.
  Roi roi;
  Segmentation seg;
  double scale = 1;
  for (int attempt = 0;; ++attempt, scale *= kRoiRetryGrowth) {
    bool can_grow = false;
    roi = ExtractRoi(volume, e, scale, can_grow);
    const std::array<int, 3> seed{c[0] - roi.begin[0], c[1] - roi.begin[1], c[2] - roi.begin[2]};
    seg = Segment(roi, seed, options.method, can_grow && attempt < kMaxRoiRetries);
    if (!seg.reaches_border) break;
  }
  if (!seg.ok) {
    out.reason = seg.reason;
    return out;
  }
  if (!MeasureAxes(volume, roi, seg, out)) return out;
  if (out.max_3d_diameter_mm > kMaxLesionDiameterMm) {
    char b[160];
    std::snprintf(b, sizeof b,
                  "the region is %.0f mm across, over the %.0f mm cap: refused as a leak",
                  out.max_3d_diameter_mm, kMaxLesionDiameterMm);
    out.reason = b;
    return out;
  }
  out.mask.begin = roi.begin;
  out.mask.size = roi.size;
  out.mask.voxels = seg.mask;
  out.found = true;
  return out;
}

}  // namespace nadir::analysis
