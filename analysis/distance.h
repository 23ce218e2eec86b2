// Exact Euclidean distance (mm) between voxel centres, with anisotropic spacing
// (Felzenszwalb & Huttenlocher's separable squared-distance transform).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace nadir::analysis {

/// For every voxel of the box `size` (i fastest): the distance in mm from its centre to the
/// nearest voxel centre whose `set` value equals `target`; a huge value when there is none.
std::vector<float> DistanceTo(const std::vector<std::uint8_t>& set, std::uint8_t target,
                              const std::array<int, 3>& size, const std::array<double, 3>& spacing);

}  // namespace nadir::analysis
