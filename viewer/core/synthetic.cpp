#include "viewer/core/synthetic.h"

#include <cmath>
#include <string>

namespace nadir::viewer {

namespace {

double Sq(double x) { return x * x; }

}  // namespace

double SyntheticHu(const std::array<double, 3>& p) {
  using S = SyntheticChest;
  const double x = p[0], y = p[1], z = p[2];
  if (x >= S::kMarkerMin[0] && x <= S::kMarkerMax[0] && y >= S::kMarkerMin[1] &&
      y <= S::kMarkerMax[1] && z >= S::kMarkerMin[2] && z <= S::kMarkerMax[2])
    return S::kMarkerHu;
  if (Sq(x - S::kLesionCenter[0]) + Sq(y - S::kLesionCenter[1]) + Sq(z - S::kLesionCenter[2]) <=
      Sq(S::kLesionRadius))
    return S::kLesionHu;
  if (Sq(x / S::kBodySemiX) + Sq(y / S::kBodySemiY) > 1) return S::kAirHu;
  if (Sq(x) + Sq(y - S::kSpineY) <= Sq(S::kSpineRadius)) return S::kSpineHu;
  if (std::abs(z) <= S::kLungHalfZ) {
    for (double side : {-1.0, 1.0})
      if (Sq((x - side * S::kLungCenterX) / S::kLungSemiX) + Sq(y / S::kLungSemiY) <= 1)
        return S::kLungHu;
  }
  return S::kBodyHu;
}

SyntheticChest SyntheticSpecFor(const std::array<int, 3>& size, bool reversed) {
  SyntheticChest spec;
  spec.size = size;
  spec.reversed_slices = reversed;
  spec.spacing = {320.0 / size[0], 320.0 / size[1], 288.0 / size[2]};
  return spec;
}

Volume MakeSyntheticChest(const SyntheticChest& spec) {
  Volume v;
  v.size = spec.size;
  v.spacing = spec.spacing;
  const double kz = spec.reversed_slices ? -1.0 : 1.0;
  v.direction = {1, 0, 0, 0, 1, 0, 0, 0, kz};
  for (int a = 0; a < 3; ++a) {
    const double half = (spec.size[a] - 1) * 0.5 * spec.spacing[a];
    v.origin[a] = a == 2 ? -kz * half : -half;
  }
  v.hu.resize(v.VoxelCount());
  for (int k = 0; k < v.size[2]; ++k)
    for (int j = 0; j < v.size[1]; ++j)
      for (int i = 0; i < v.size[0]; ++i)
        v.hu[v.Index(i, j, k)] = std::int16_t(std::lround(SyntheticHu(v.ToPatient(i, j, k))));
  v.sop_uids.resize(v.size[2]);
  for (int k = 0; k < v.size[2]; ++k) v.sop_uids[k] = "2.25.1000." + std::to_string(k + 1);
  return v;
}

}  // namespace nadir::viewer
