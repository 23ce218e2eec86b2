// A chest-like CT volume built in code: for `nadir-viewer --synthetic`, the benchmarks and the
// screenshot tests, which need structures of known position (patient mm) and HU.
#pragma once

#include <array>

#include "geometry/volume.h"

namespace nadir::viewer {

struct SyntheticChest {
  std::array<int, 3> size{256, 256, 96};
  std::array<double, 3> spacing{1.25, 1.25, 3.0};  // anisotropic on purpose
  bool reversed_slices = false;  // k runs feet-to-head (direction k = -z), as some series do

  // Structures, patient LPS mm relative to the volume centre (which sits at patient (0, 0, 0)).
  static constexpr double kAirHu = -1000;
  static constexpr double kBodyHu = 40;  // elliptic cylinder of soft tissue
  static constexpr double kBodySemiX = 140, kBodySemiY = 100;
  static constexpr double kLungHu = -850;  // two elliptic cylinders
  static constexpr double kLungCenterX = 65, kLungSemiX = 45, kLungSemiY = 60;
  static constexpr double kLungHalfZ = 100;
  static constexpr double kSpineHu = 700;  // posterior cylinder along z
  static constexpr double kSpineY = 70, kSpineRadius = 18;
  static constexpr double kLesionHu = 60;  // a sphere in the patient's left lung
  static constexpr std::array<double, 3> kLesionCenter{65, -10, 30};
  static constexpr double kLesionRadius = 18;
  static constexpr double kMarkerHu = 1000;  // a block anterior, patient right, superior
  static constexpr std::array<double, 3> kMarkerMin{-110, -90, 60};
  static constexpr std::array<double, 3> kMarkerMax{-80, -70, 100};
};

/// The chest sampled on `size` voxels over a fixed field of view (320 x 320 x 288 mm), so any
/// voxel count shows the same anatomy; `reversed` stores the slices feet-first.
SyntheticChest SyntheticSpecFor(const std::array<int, 3>& size, bool reversed);

/// HU of the phantom at a patient position (the continuous truth the voxels sample).
double SyntheticHu(const std::array<double, 3>& p);

/// The phantom sampled at voxel centres, centred on patient (0, 0, 0).
Volume MakeSyntheticChest(const SyntheticChest& spec = {});

}  // namespace nadir::viewer
