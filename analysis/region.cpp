// Sizing the region of interest from the local image (see region.h).
#include "analysis/region.h"

#include <algorithm>
#include <cmath>

#include "analysis/thresholds.h"

namespace nadir::analysis {
namespace {

double MedianOf(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// Mean of the 3x3 voxels around (i, j) on slice k, clipped to the volume: a cheap local
// average that keeps 10 HU of noise from stopping a ray early.
double LocalMean(const Volume& v, int i, int j, int k) {
  double sum = 0;
  int n = 0;
  for (int dj = -1; dj <= 1; ++dj)
    for (int di = -1; di <= 1; ++di) {
      const int a = i + di, b = j + dj;
      if (a < 0 || b < 0 || a >= v.size[0] || b >= v.size[1]) continue;
      sum += v.At(a, b, k);
      ++n;
    }
  return sum / n;
}

}  // namespace

std::array<double, 3> ToIndex(const Volume& v, const Point3& p) {
  std::array<double, 3> idx{};
  const double d[3] = {p[0] - v.origin[0], p[1] - v.origin[1], p[2] - v.origin[2]};
  for (int axis = 0; axis < 3; ++axis) {
    double s = 0;
    for (int row = 0; row < 3; ++row) s += v.direction[axis * 3 + row] * d[row];
    idx[axis] = s / v.spacing[axis];
  }
  return idx;
}

Extent FindExtent(const Volume& v, const std::array<int, 3>& c) {
  Extent e;
  // The click's own image only: with 5 mm slices a small lesion may lie on one image alone.
  std::vector<double> near;
  for (int dj = -kClickHalfWidth; dj <= kClickHalfWidth; ++dj)
    for (int di = -kClickHalfWidth; di <= kClickHalfWidth; ++di) {
      const int i = c[0] + di, j = c[1] + dj;
      if (i < 0 || j < 0 || i >= v.size[0] || j >= v.size[1]) continue;
      near.push_back(v.At(i, j, c[2]));
    }
  e.click_hu = MedianOf(near);
  // Directions: the 26 neighbours' and 24 more in-plane, so thin lesions are seen in-plane.
  std::vector<std::array<double, 3>> dirs;
  for (int dk = -1; dk <= 1; ++dk)
    for (int dj = -1; dj <= 1; ++dj)
      for (int di = -1; di <= 1; ++di)
        if (di || dj || dk) dirs.push_back({double(di), double(dj), double(dk)});
  for (int a = 0; a < 24; ++a)
    if (a % 3) dirs.push_back({std::cos(a * M_PI / 12), std::sin(a * M_PI / 12), 0});
  const double step = 0.5 * std::min({v.spacing[0], v.spacing[1], v.spacing[2]});
  std::vector<double> dist;
  std::vector<std::array<double, 3>> ends;
  int open = 0;
  for (auto d : dirs) {
    // Unit length in millimetres.
    const double n = std::hypot(d[0] * v.spacing[0], d[1] * v.spacing[1], d[2] * v.spacing[2]);
    double r = 0, hit = -1;
    int run = 0;
    std::array<double, 3> p{};
    for (r = step; r <= kMaxSearchRadiusMm; r += step) {
      p = {c[0] + d[0] * r / n, c[1] + d[1] * r / n, c[2] + d[2] * r / n};
      const int i = int(std::lround(p[0])), j = int(std::lround(p[1])), k = int(std::lround(p[2]));
      if (i < 0 || j < 0 || k < 0 || i >= v.size[0] || j >= v.size[1] || k >= v.size[2]) break;
      const double m = LocalMean(v, i, j, k);
      run = std::abs(m - e.click_hu) > kEdgeStepHu ? run + 1 : 0;
      if (run >= kEdgeRun) {
        hit = r;
        break;
      }
    }
    if (hit < 0) {
      ++open;
      continue;
    }
    dist.push_back(hit);
    ends.push_back(p);
  }
  e.open_fraction = double(open) / dirs.size();
  if (dist.empty()) return e;
  // Rays that ran along a vessel or out through a gap go far: leave out those beyond twice the
  // median, so one open direction does not inflate the box.
  e.typical_mm = MedianOf(dist);
  e.lo = {c[0], c[1], c[2]};
  e.hi = e.lo;
  for (std::size_t r = 0; r < dist.size(); ++r) {
    if (dist[r] > kOutlierRayFactor * e.typical_mm) continue;
    for (int a = 0; a < 3; ++a) {
      e.lo[a] = std::min(e.lo[a], int(std::floor(ends[r][a])));
      e.hi[a] = std::max(e.hi[a], int(std::ceil(ends[r][a])));
    }
  }
  return e;
}

Roi ExtractRoi(const Volume& v, const Extent& e, double scale, bool& can_grow) {
  Roi roi;
  roi.spacing = v.spacing;
  can_grow = false;
  for (int a = 0; a < 3; ++a) {
    const double centre = 0.5 * (e.lo[a] + e.hi[a]);
    const double wanted =
        scale * (kRoiGrowth * 0.5 * (e.hi[a] - e.lo[a]) * v.spacing[a] + kRoiMarginMm);
    const double half_mm = std::min(wanted, kMaxRoiHalfMm);
    const int half = int(std::ceil(half_mm / v.spacing[a]));
    roi.begin[a] = std::max(0, int(std::floor(centre)) - half);
    const int end = std::min(v.size[a], int(std::ceil(centre)) + half + 1);
    roi.size[a] = end - roi.begin[a];
    if (half_mm < kMaxRoiHalfMm && (roi.begin[a] > 0 || end < v.size[a])) can_grow = true;
  }
  roi.hu.resize(roi.Count());
  for (int k = 0; k < roi.size[2]; ++k)
    for (int j = 0; j < roi.size[1]; ++j) {
      const std::int16_t* row = &v.hu[v.Index(roi.begin[0], roi.begin[1] + j, roi.begin[2] + k)];
      float* out = &roi.hu[roi.Index(0, j, k)];
      for (int i = 0; i < roi.size[0]; ++i) out[i] = row[i];
    }
  return roi;
}

}  // namespace nadir::analysis
