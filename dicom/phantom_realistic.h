// The realistic phantom: one small CT volume per lesion kind, with the lesion lobulated,
// partial-volumed (each voxel the mean of its sub-voxel samples) and noisy (Gaussian, about
// 10 HU), in the tissue it is found in, and its exact ground truth computed on a fine grid:
// RECIST long and short axes on the axial image where the lesion is longest, and its volume.
// It tests and benchmarks semi-automatic measurement (analysis/); the trial phantom
// (phantom.h) is left as it is. Deterministic: same options, same voxels and truth.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "geometry/volume.h"

namespace nadir::dicom {

enum class RealisticKind {
  kLiverHypodense,    // hypodense metastasis in liver, 25-45 HU darker than the liver
  kLiverEdge,         // hypodense lesion bulging through the liver's edge into fat
  kHyperdense,        // hypervascular lesion, brighter than the liver
  kLungNoduleVessel,  // solid nodule in lung with a vessel running into it
  kLymphNode,         // enlarged node in fat beside an artery (measured by its short axis)
  kLobulated,         // strongly lobulated hypodense liver lesion
};

/// Every kind, in the order above, and its name ("liver-hypodense", "lung-nodule-vessel" ...).
const std::vector<RealisticKind>& AllRealisticKinds();
std::string RealisticKindName(RealisticKind kind);

struct RealisticOptions {
  RealisticKind kind = RealisticKind::kLiverHypodense;
  std::uint64_t seed = 1;
  double long_mm = 0;  // nominal in-plane long diameter; 0: drawn from the seed for the kind
  std::array<double, 3> spacing{0.75, 0.75, 1.5};
  double noise_hu = 10.0;  // standard deviation of the added noise
};

/// The exact answer for the lesion of one case (patient LPS mm).
struct RealisticTruth {
  std::string kind;
  bool nodal = false;
  std::array<double, 3> centre{};
  int slice_k = 0;  // the axial image where the lesion is longest
  double long_axis_mm = 0, short_axis_mm = 0;
  std::array<std::array<double, 3>, 2> long_axis_points{}, short_axis_points{};
  double volume_ml = 0;
  int lesion_hu = 0, background_hu = 0;
  // Lesion voxels sit within this distance of the centre (mm): where a click may land.
  double inner_radius_mm = 0;
};

struct RealisticCase {
  Volume volume;
  RealisticTruth truth;
};

/// Renders one case (its volume sized to the lesion and its surroundings) and its truth.
RealisticCase RenderRealisticCase(const RealisticOptions& options);

/// Writes one CT series per kind to `<out>/realistic/<kind>/IMnnnn.dcm` and the truth of
/// every case to `<out>/realistic/truth.json`. Returns the series folders.
std::vector<std::filesystem::path> WriteRealisticPhantom(const std::filesystem::path& out,
                                                         std::uint64_t seed);

}  // namespace nadir::dicom
