// Internal to analysis/registration/: the small volumes registration works on. A CT volume
// is averaged down in blocks to about the working voxel size (anti-aliased, and quick), with
// HU clamped to the range that carries anatomy, and a body mask beside it.
#pragma once

#include <cstdint>
#include <vector>

#include "geometry/volume.h"

namespace nadir::registration {

/// HU range kept for registration: padding and air become -1000, metal stops at 1500.
inline constexpr float kMinWorkingHu = -1000.0f, kMaxWorkingHu = 1500.0f;

struct WorkingImage {
  VolumeGeometry geometry;
  std::vector<float> hu;           // i fastest, like Volume
  std::vector<std::uint8_t> body;  // 1 where hu > body threshold
  std::size_t Index(int i, int j, int k) const {
    return (std::size_t(k) * geometry.size[1] + j) * geometry.size[0] + i;
  }
};

/// Averages `volume` over blocks of round(target / spacing) voxels per axis (at least 1); the
/// last block of an axis may be partial. Voxel centres stay on the patient positions of the
/// blocks' centres, so millimetres are unchanged.
WorkingImage Downsample(const Volume& volume, double target_mm, int body_threshold_hu);

/// The body mask grown by `voxels` (a cube neighbourhood), so that the body's outline, which
/// registration needs, lies inside the sampled region.
std::vector<std::uint8_t> Dilate(const WorkingImage& image, int voxels);

/// Patient position of the centre of mass of the body mask (the volume's centre when empty).
Vec3 BodyCentre(const WorkingImage& image);

/// Tissue class of a working voxel for the agreement check: 0 low density (lung, gas),
/// 1 soft tissue and fat, 2 bone.
int TissueClass(float hu);

}  // namespace nadir::registration
