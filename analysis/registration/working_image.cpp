#include "analysis/registration/working_image.h"

#include <algorithm>
#include <cmath>

namespace nadir::registration {

WorkingImage Downsample(const Volume& v, double target_mm, int body_threshold_hu) {
  WorkingImage w;
  int f[3];
  for (int a = 0; a < 3; ++a) {
    f[a] = std::max(1, int(std::lround(target_mm / v.spacing[a])));
    w.geometry.size[a] = (v.size[a] + f[a] - 1) / f[a];
    w.geometry.spacing[a] = v.spacing[a] * f[a];
  }
  w.geometry.direction = v.direction;
  // The first block's centre (full blocks keep their centres exactly on the grid).
  w.geometry.origin = v.ToPatient(0.5 * (f[0] - 1), 0.5 * (f[1] - 1), 0.5 * (f[2] - 1));
  const auto& n = w.geometry.size;
  std::vector<double> sum(std::size_t(n[0]) * n[1] * n[2], 0.0);
  std::vector<int> count(sum.size(), 0);
  for (int k = 0; k < v.size[2]; ++k)
    for (int j = 0; j < v.size[1]; ++j) {
      const std::int16_t* row = &v.hu[v.Index(0, j, k)];
      const std::size_t base = (std::size_t(k / f[2]) * n[1] + j / f[1]) * n[0];
      for (int i = 0; i < v.size[0]; ++i) {
        const float h = std::clamp(float(row[i]), kMinWorkingHu, kMaxWorkingHu);
        sum[base + i / f[0]] += h;
        ++count[base + i / f[0]];
      }
    }
  w.hu.resize(sum.size());
  w.body.resize(sum.size());
  for (std::size_t x = 0; x < sum.size(); ++x) {
    w.hu[x] = count[x] ? float(sum[x] / count[x]) : kMinWorkingHu;
    w.body[x] = w.hu[x] > float(body_threshold_hu);
  }
  return w;
}

std::vector<std::uint8_t> Dilate(const WorkingImage& image, int voxels) {
  const auto& n = image.geometry.size;
  std::vector<std::uint8_t> cur = image.body, next(cur.size());
  // A cube dilation is three one-dimensional ones; repeated `voxels` times with radius 1.
  for (int step = 0; step < voxels; ++step)
    for (int axis = 0; axis < 3; ++axis) {
      const std::size_t stride = axis == 0   ? 1
                                 : axis == 1 ? std::size_t(n[0])
                                             : std::size_t(n[0]) * n[1];
      for (int k = 0; k < n[2]; ++k)
        for (int j = 0; j < n[1]; ++j)
          for (int i = 0; i < n[0]; ++i) {
            const int c = axis == 0 ? i : axis == 1 ? j : k;
            const std::size_t x = image.Index(i, j, k);
            next[x] = cur[x] || (c > 0 && cur[x - stride]) || (c + 1 < n[axis] && cur[x + stride]);
          }
      cur.swap(next);
    }
  return cur;
}

Vec3 BodyCentre(const WorkingImage& image) {
  const auto& n = image.geometry.size;
  double s[3] = {0, 0, 0};
  long long count = 0;
  for (int k = 0; k < n[2]; ++k)
    for (int j = 0; j < n[1]; ++j)
      for (int i = 0; i < n[0]; ++i)
        if (image.body[image.Index(i, j, k)]) {
          s[0] += i, s[1] += j, s[2] += k;
          ++count;
        }
  if (count == 0) return image.geometry.Center();
  return image.geometry.ToPatient(s[0] / count, s[1] / count, s[2] / count);
}

int TissueClass(float hu) {
  // Lung parenchyma and gas are below -400 HU; cortical and trabecular bone above 250 HU.
  constexpr float kLowDensityBelowHu = -400.0f, kBoneAboveHu = 250.0f;
  return hu < kLowDensityBelowHu ? 0 : hu > kBoneAboveHu ? 2 : 1;
}

}  // namespace nadir::registration
