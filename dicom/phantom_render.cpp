// The phantom's voxels: a chest/abdomen built from ellipses and ellipsoids at plausible HU
// (portal venous phase), lesions painted last, Gaussian noise, padding outside the
// reconstruction circle. Exactly the values written to DICOM.
#include <algorithm>
#include <cmath>

#include "dicom/detail/phantom_random.h"
#include "dicom/phantom.h"

namespace nadir::dicom {
namespace {

// Attenuation of each tissue (HU), typical portal-venous-phase CT values.
constexpr int kAirHu = -1000, kFatHu = -100, kSoftTissueHu = 40, kLungHu = -850;
constexpr int kLiverHu = 100, kBoneHu = 450, kAortaHu = 160, kNodeHu = 35;
constexpr double kNoiseSigmaHu = 8.0;
// HU range a 12-bit CT stores (stored 0..4095 with intercept -1024).
constexpr int kMinHu = -1024, kMaxHu = 3071;
// Outside the reconstruction circle the phantom writes this, stored as PixelPaddingValue.
constexpr int kOutsideFovHu = -2000;

struct Ellipsoid {
  double cx, cy, cz, ax, ay, az;  // centre and semi-axes (mm); az <= 0: infinite cylinder
  int hu;
  bool Inside(double x, double y, double z) const {
    const double u = (x - cx) / ax, v = (y - cy) / ay;
    const double w = az > 0 ? (z - cz) / az : 0;
    return u * u + v * v + w * w <= 1.0;
  }
};

// Painted in order; later shapes win.
const Ellipsoid kAnatomy[] = {
    {0, 0, 0, 160, 110, 0, kFatHu},        // body outline with subcutaneous fat
    {0, 0, 0, 146, 97, 0, kSoftTissueHu},  // muscle wall and viscera
    {-75, 0, 80, 58, 75, 90, kLungHu},     // right lung (patient right is -x)
    {75, 0, 80, 58, 75, 90, kLungHu},      // left lung
    {-70, 0, -60, 80, 65, 60, kLiverHu},   // liver
    {0, 85, 0, 16, 16, 0, kBoneHu},        // vertebral column
    {15, 55, 0, 12, 12, 0, kAortaHu},      // aorta
    {-25, 45, -20, 4, 3, 5, kNodeHu},      // normal lymph nodes
    {35, 45, 30, 3.5, 3, 4, kNodeHu},
};

using detail::Gaussian;

}  // namespace

Volume RenderPhantom(const PhantomTrial& t, int subject, int timepoint) {
  const PhantomSubject& s = t.subjects.at(subject);
  const PhantomTimepoint& tp = s.timepoints.at(timepoint);
  Volume v;
  v.size = t.size;
  v.spacing = t.spacing;
  v.origin = t.origin;
  v.direction = {1, 0, 0, 0, 1, 0, 0, 0, 1};
  v.hu.resize(v.VoxelCount());
  for (int k = 0; k < v.size[2]; ++k)
    v.sop_uids.push_back(PhantomSliceUid(t, subject, timepoint, k));
  const double fov_r = 0.5 * v.size[0] * v.spacing[0];
  const std::uint64_t seed = s.seed * 31 + std::uint64_t(timepoint);
  for (int k = 0; k < v.size[2]; ++k) {
    const double z = v.origin[2] + k * v.spacing[2];
    for (int j = 0; j < v.size[1]; ++j) {
      const double y = v.origin[1] + j * v.spacing[1];
      for (int i = 0; i < v.size[0]; ++i) {
        const double x = v.origin[0] + i * v.spacing[0];
        const std::size_t idx = v.Index(i, j, k);
        if (x * x + y * y > fov_r * fov_r) {
          v.hu[idx] = kOutsideFovHu;
          continue;
        }
        int hu = kAirHu;
        for (const auto& e : kAnatomy)
          if (e.Inside(x, y, z)) hu = e.hu;
        for (const auto& l : tp.lesions) {
          if (l.long_mm <= 0) continue;
          const double a = std::cos(l.angle_deg * 3.141592653589793 / 180);
          const double b = std::sin(l.angle_deg * 3.141592653589793 / 180);
          const double dx = x - l.centre[0], dy = y - l.centre[1], dz = z - l.centre[2];
          const double u = (dx * a + dy * b) / (0.5 * l.long_mm);
          const double w = (-dx * b + dy * a) / (0.5 * l.short_mm);
          const double h = dz / (0.5 * l.height_mm);
          if (u * u + w * w + h * h <= 1.0) hu = l.hu;
        }
        const double noisy = hu + (hu == kAirHu ? 0.25 : 1.0) * kNoiseSigmaHu * Gaussian(seed, idx);
        v.hu[idx] = std::int16_t(std::clamp(int(std::lround(noisy)), kMinHu, kMaxHu));
      }
    }
  }
  return v;
}

}  // namespace nadir::dicom
