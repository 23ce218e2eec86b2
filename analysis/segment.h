// Finding the lesion inside the region of interest (ITK stays in segment.cpp): smoothing,
// region growing by the chosen method, pruning of thin attachments, and the refusals.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/region.h"

namespace nadir::analysis {

struct Segmentation {
  bool ok = false;
  std::string reason;  // why the mask was refused when !ok
  // Over the ROI: the lesion (1) and a membership in [0, 1] whose 0.5 level is the boundary,
  // zero away from the lesion (so its contours close around this lesion only).
  std::vector<std::uint8_t> mask;
  std::vector<float> membership;
  std::vector<std::uint8_t> cut;  // voxels an opening removed (a vessel, a partial-volume sheet)
  // Partial-volume volume in voxels (the mask's interior plus each boundary voxel's fraction).
  double volume_voxels = 0;
  double lesion_hu = 0, lower_hu = 0, upper_hu = 0;
  double darker_hu = 0;         // median of the darker tissue around the lesion (lesion_hu: none)
  double prune_radius_mm = 0;   // 0: no attachment was cut
  bool reaches_border = false;  // with may_grow_roi: try again in a larger ROI
};

/// Segments the lesion containing ROI voxel `seed` (ROI index). With `may_grow_roi`, a region
/// (outside lung) that reaches the ROI's border is returned at once with `reaches_border` set,
/// so that the caller retries in a larger ROI before anything is pruned or refused.
Segmentation Segment(const Roi& roi, const std::array<int, 3>& seed, SegmentationMethod method,
                     bool may_grow_roi = false);

}  // namespace nadir::analysis
