// The realistic phantom's scenes and voxels (see phantom_realistic.h): each kind's lesion in
// its tissue, partial volume by sub-voxel sampling at every boundary, then Gaussian noise.
#include "dicom/phantom_realistic.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "dicom/detail/phantom_random.h"
#include "dicom/phantom_lesion_shape.h"

namespace nadir::dicom {
namespace {

using detail::Gaussian;
using detail::Mix;
using detail::Random;

constexpr double kPi = 3.141592653589793;
// Tissue attenuation (HU), portal venous phase.
constexpr int kLiverHu = 100, kFatHu = -100, kLungHu = -850, kArteryHu = 160;
// Hypodense liver lesions: 25-45 HU darker than the liver (the hard range for a threshold).
constexpr double kMinHypoContrastHu = 25, kMaxHypoContrastHu = 45;
// Sub-samples per axis of a voxel that straddles a boundary (partial volume).
constexpr int kSubSamples = 4;
// HU range a 12-bit CT stores.
constexpr int kMinHu = -1024, kMaxHu = 3071;

// A cylinder: axis through `p` along unit `d`.
struct Cylinder {
  std::array<double, 3> p{}, d{0, 0, 1};
  double radius = 0;
  bool Inside(double x, double y, double z) const {
    const double v[3] = {x - p[0], y - p[1], z - p[2]};
    const double t = v[0] * d[0] + v[1] * d[1] + v[2] * d[2];
    const double q[3] = {v[0] - t * d[0], v[1] - t * d[1], v[2] - t * d[2]};
    return q[0] * q[0] + q[1] * q[1] + q[2] * q[2] <= radius * radius;
  }
};

// One case's scene: background tissue, an optional second tissue beyond a plane, an optional
// vessel, and the lesion painted last. Labels: 0 background, 1 beyond the plane, 2 vessel,
// 3 lesion.
struct Scene {
  LobedEllipsoid lesion;
  int background_hu = kLiverHu, beyond_hu = kFatHu, vessel_hu = 0, lesion_hu = 0;
  bool has_plane = false;
  std::array<double, 3> plane_normal{1, 0, 0};
  double plane_offset = 0;  // beyond where (p - centre) . normal > offset
  bool has_vessel = false;
  Cylinder vessel;

  int Label(double x, double y, double z) const {
    if (lesion.Inside(x, y, z)) return 3;
    if (has_vessel && vessel.Inside(x, y, z)) return 2;
    if (has_plane) {
      const auto& c = lesion.centre;
      const double s = (x - c[0]) * plane_normal[0] + (y - c[1]) * plane_normal[1] +
                       (z - c[2]) * plane_normal[2];
      if (s > plane_offset) return 1;
    }
    return 0;
  }
  int Hu(int label) const {
    const int hu[4] = {background_hu, beyond_hu, vessel_hu, lesion_hu};
    return hu[label];
  }
};

Scene MakeScene(const RealisticOptions& o, Random& rnd, bool& nodal) {
  Scene s;
  LobedEllipsoid& l = s.lesion;
  double lo = 15, hi = 45, ratio_lo = 0.65, ratio_hi = 0.9, amp = 0.04;
  switch (o.kind) {
    case RealisticKind::kLiverHypodense:
      break;
    case RealisticKind::kLiverEdge:
      lo = 20, hi = 40;
      break;
    case RealisticKind::kHyperdense:
      lo = 12, hi = 35;
      break;
    case RealisticKind::kLungNoduleVessel:
      lo = 8, hi = 20, ratio_lo = 0.8, ratio_hi = 0.95;
      break;
    case RealisticKind::kLymphNode:
      lo = 16, hi = 30, ratio_lo = 0.55, ratio_hi = 0.75;
      break;
    case RealisticKind::kLobulated:
      lo = 25, hi = 45, amp = 0.12;
      break;
  }
  const double long_mm = o.long_mm > 0 ? o.long_mm : rnd.Uniform(lo, hi);
  l.a = 0.5 * long_mm;
  l.b = l.a * rnd.Uniform(ratio_lo, ratio_hi);
  l.c = l.a * rnd.Uniform(0.7, 1.0);
  l.angle = rnd.Uniform(0, kPi);
  for (int k = 0; k < 3; ++k) {
    l.lobe_amplitude[k] = rnd.Uniform(0.3, 1.0) * amp;
    l.lobe_phase[k] = rnd.Uniform(0, 2 * kPi);
  }
  if (o.kind == RealisticKind::kLobulated) l.lobe_frequency = {3, 5, 6};
  // Off the voxel grid by a random fraction of a voxel.
  l.centre = {-60.0 + rnd.Uniform(0, 1), 20.0 + rnd.Uniform(0, 1), -100.0 + rnd.Uniform(0, 2)};
  const double hypo = kLiverHu - rnd.Uniform(kMinHypoContrastHu, kMaxHypoContrastHu);
  s.lesion_hu = int(std::lround(hypo));
  const double dir = rnd.Uniform(0, 2 * kPi);
  const double ux = std::cos(dir), uy = std::sin(dir);
  switch (o.kind) {
    case RealisticKind::kLiverHypodense:
    case RealisticKind::kLobulated:
      break;
    case RealisticKind::kLiverEdge:
      // The liver ends at a plane crossing the lesion: its outer part bulges into fat.
      s.has_plane = true;
      s.plane_normal = {ux, uy, 0};
      s.plane_offset = 0.5 * l.Radius(ux, uy, 0);
      break;
    case RealisticKind::kHyperdense:
      s.lesion_hu = int(std::lround(rnd.Uniform(170, 230)));
      break;
    case RealisticKind::kLungNoduleVessel: {
      s.background_hu = kLungHu;
      s.lesion_hu = int(std::lround(rnd.Uniform(20, 50)));
      s.has_vessel = true;
      s.vessel_hu = int(std::lround(rnd.Uniform(30, 60)));
      s.vessel.radius = rnd.Uniform(1.2, 1.8);
      // Runs through the nodule's outer part (0.6 of its radius off the centre), slightly oblique.
      const double off = 0.6 * l.Radius(-uy, ux, 0);
      s.vessel.p = {l.centre[0] - uy * off, l.centre[1] + ux * off, l.centre[2]};
      const double n = std::sqrt(1 + 0.3 * 0.3);
      s.vessel.d = {ux / n, uy / n, 0.3 / n};
      break;
    }
    case RealisticKind::kLymphNode: {
      nodal = true;
      s.background_hu = kFatHu;
      s.lesion_hu = int(std::lround(rnd.Uniform(25, 45)));
      // An artery along z, 3 mm of fat away from the node.
      s.has_vessel = true;
      s.vessel_hu = kArteryHu;
      s.vessel.radius = 5.0;
      const double d = l.Radius(ux, uy, 0) + 3.0 + s.vessel.radius;
      s.vessel.p = {l.centre[0] + ux * d, l.centre[1] + uy * d, l.centre[2]};
      s.vessel.d = {0, 0, 1};
      break;
    }
  }
  return s;
}

}  // namespace

const std::vector<RealisticKind>& AllRealisticKinds() {
  static const std::vector<RealisticKind> kinds = {
      RealisticKind::kLiverHypodense,   RealisticKind::kLiverEdge, RealisticKind::kHyperdense,
      RealisticKind::kLungNoduleVessel, RealisticKind::kLymphNode, RealisticKind::kLobulated};
  return kinds;
}

std::string RealisticKindName(RealisticKind kind) {
  switch (kind) {
    case RealisticKind::kLiverHypodense:
      return "liver-hypodense";
    case RealisticKind::kLiverEdge:
      return "liver-edge";
    case RealisticKind::kHyperdense:
      return "hyperdense";
    case RealisticKind::kLungNoduleVessel:
      return "lung-nodule-vessel";
    case RealisticKind::kLymphNode:
      return "lymph-node";
    case RealisticKind::kLobulated:
      return "lobulated";
  }
  throw std::invalid_argument("unknown realistic lesion kind");
}

RealisticCase RenderRealisticCase(const RealisticOptions& o) {
  if (!(o.spacing[0] > 0 && o.spacing[1] > 0 && o.spacing[2] > 0))
    throw std::invalid_argument("realistic phantom: spacing must be positive");
  Random rnd{Mix(o.seed * 131 + std::uint64_t(o.kind) * 7919)};
  RealisticCase out;
  const Scene s = MakeScene(o, rnd, out.truth.nodal);
  const LobedEllipsoid& l = s.lesion;
  // Room around the lesion for its surroundings: a region of interest several times its size.
  const double half_xy = std::max(32.0, 2.2 * l.a + 16), half_z = std::max(20.0, 2.0 * l.c + 10);
  Volume& v = out.volume;
  v.spacing = o.spacing;
  v.size = {int(std::ceil(2 * half_xy / o.spacing[0])), int(std::ceil(2 * half_xy / o.spacing[1])),
            int(std::ceil(2 * half_z / o.spacing[2]))};
  v.origin = {std::round(l.centre[0] - half_xy), std::round(l.centre[1] - half_xy),
              std::round(l.centre[2] - half_z)};
  v.hu.resize(v.VoxelCount());
  // Labels at voxel corners: a voxel whose corners and centre agree is one tissue; the others
  // are averaged over kSubSamples^3 sub-voxel samples.
  const int cx = v.size[0] + 1, cy = v.size[1] + 1, cz = v.size[2] + 1;
  std::vector<std::uint8_t> corner(std::size_t(cx) * cy * cz);
  auto pos = [&](double i, double j, double k) {
    return std::array<double, 3>{v.origin[0] + i * v.spacing[0], v.origin[1] + j * v.spacing[1],
                                 v.origin[2] + k * v.spacing[2]};
  };
  for (int k = 0; k < cz; ++k)
    for (int j = 0; j < cy; ++j)
      for (int i = 0; i < cx; ++i) {
        const auto p = pos(i - 0.5, j - 0.5, k - 0.5);
        corner[(std::size_t(k) * cy + j) * cx + i] = std::uint8_t(s.Label(p[0], p[1], p[2]));
      }
  const std::uint64_t noise_seed = Mix(o.seed ^ 0xC0FFEEull) + std::uint64_t(o.kind);
  for (int k = 0; k < v.size[2]; ++k)
    for (int j = 0; j < v.size[1]; ++j)
      for (int i = 0; i < v.size[0]; ++i) {
        const auto c = pos(i, j, k);
        const int label = s.Label(c[0], c[1], c[2]);
        bool uniform = true;
        for (int d = 0; d < 8 && uniform; ++d)
          uniform =
              corner[(std::size_t(k + (d >> 2)) * cy + j + ((d >> 1) & 1)) * cx + i + (d & 1)] ==
              label;
        double hu = s.Hu(label);
        if (!uniform) {
          double sum = 0;
          for (int a = 0; a < kSubSamples; ++a)
            for (int b = 0; b < kSubSamples; ++b)
              for (int e = 0; e < kSubSamples; ++e) {
                const auto p =
                    pos(i - 0.5 + (e + 0.5) / kSubSamples, j - 0.5 + (b + 0.5) / kSubSamples,
                        k - 0.5 + (a + 0.5) / kSubSamples);
                sum += s.Hu(s.Label(p[0], p[1], p[2]));
              }
          hu = sum / (kSubSamples * kSubSamples * kSubSamples);
        }
        const std::size_t idx = v.Index(i, j, k);
        const double noisy = hu + o.noise_hu * Gaussian(noise_seed, idx);
        v.hu[idx] = std::int16_t(std::clamp(int(std::lround(noisy)), kMinHu, kMaxHu));
      }
  RealisticTruth& t = out.truth;
  t.kind = RealisticKindName(o.kind);
  t.lesion_hu = s.lesion_hu;
  t.background_hu = s.background_hu;
  ComputeTruth(l, v, t);
  return out;
}

}  // namespace nadir::dicom
