// Following lesions from scan to scan (issue 16): a follow-up CT is registered to an earlier
// one (rigid, then affine, then a smooth B-spline where it helps; Mattes mutual information,
// multi-resolution, restricted to the body), and patient points are mapped both ways.
// Different Frames of Reference are the normal case: nothing here assumes the two scans share
// patient coordinates. A registration that did not converge honestly says why and maps nothing.
//
// Everything here may run off the UI thread; progress comes through a callback and a flag
// cancels. ITK stays inside the library's .cpp files.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "geometry/vec3.h"
#include "geometry/volume.h"

namespace nadir::registration {

/// Voxels above this HU are body (soft tissue, bone; not air, not lung parenchyma outside
/// the mediastinum). The metric samples only the body, so the table and air do not drive it.
inline constexpr int kBodyThresholdHu = -500;
/// Registration works on volumes averaged down to about this voxel size (issue 16: 2-4 mm).
inline constexpr double kWorkingSpacingMm = 3.0;
/// Control point spacing of the deformable (B-spline) stage: smooth, breathing-scale motion.
inline constexpr double kBSplineGridMm = 60.0;
/// Metric samples per level and resolution levels of the deformable stage (speed against
/// accuracy, measured by tests/registration/bench_registration.cpp on three phantom pairs of
/// 512 x 512 x 100: 8000 samples took 17-20 s of CPU, mean / worst centre error 0.84 / 2.12 mm;
/// 4000 took 13-15 s, 0.64 / 1.15 mm. At that size the sampling's floor of 1 % of the body's
/// voxels is reached, so fewer samples change nothing.)
inline constexpr int kDeformableSamples = 4000;
inline constexpr int kDeformableLevels = 2;

/// Acceptance of a registration (checked on the result, not on the optimizer's word):
/// Dice of the body masks after registration ...
inline constexpr double kMinBodyDice = 0.85;
/// ... fraction of body voxels whose tissue class (low density / soft tissue / bone) agrees
/// between the two scans after registration: a different body part fails here ...
inline constexpr double kMinTissueAgreement = 0.80;
/// ... and fraction of the fixed scan's body that lands inside the moving scan.
inline constexpr double kMinBodyInside = 0.30;

struct RegistrationOptions {
  double working_spacing_mm = kWorkingSpacingMm;
  int body_threshold_hu = kBodyThresholdHu;
  bool deformable = true;  // false: rigid and affine only
  double bspline_grid_mm = kBSplineGridMm;
  // The deformable stage's cost: metric samples per level, and its resolution levels (2: at
  // twice the working spacing, then at it; 1: the coarse level only).
  int deformable_samples = kDeformableSamples;
  int deformable_levels = kDeformableLevels;
};

/// How one stage went. Mattes mutual information is negative; lower is better.
struct StageReport {
  std::string name;         // "rigid", "affine", "deformable"
  int iterations = 0;       // over all resolution levels
  double metric_start = 0;  // at the start of the stage's finest level
  double metric_end = 0;
  double seconds = 0;
  bool kept = true;  // a deformable stage that did not help is dropped
  std::string stop;  // the optimizer's stop condition, or why the stage was dropped
};

/// One transform of the chain, as ITK parameterises it (kind: "Euler3D", "Affine", "BSpline").
struct TransformStage {
  std::string kind;
  std::vector<double> fixed_parameters, parameters;
};

/// A registration of a moving scan to a fixed scan. The transform maps fixed-scan patient
/// points to moving-scan patient points: transform[0](transform[1](... (x))).
struct Registration {
  bool ok = false;
  std::string reason;  // why it is not ok (empty when ok)
  std::vector<StageReport> stages;
  double body_dice = 0;         // body masks after registration
  double tissue_agreement = 0;  // see kMinTissueAgreement
  double body_inside = 0;       // see kMinBodyInside
  double seconds = 0;           // registration alone (not loading)
  bool from_cache = false;
  std::vector<TransformStage> transform;
};

/// Progress: the stage running ("downsampling", "rigid", ...) and the fraction done (0..1).
using Progress = std::function<void(const std::string& stage, double fraction)>;

/// Registers `moving` to `fixed`. Never throws for image content: a registration that fails
/// comes back with ok == false and a reason. Throws std::runtime_error when cancelled.
Registration Register(const Volume& fixed, const Volume& moving,
                      const RegistrationOptions& options = {}, const Progress& progress = {},
                      const std::atomic<bool>* cancel = nullptr);

/// A fixed-scan point (patient mm) in the moving scan; nullopt when the registration is not
/// ok. Points are never clipped: check InsideVolume for the moving scan.
std::optional<Vec3> MapToMoving(const Registration& registration, const Vec3& fixed_point);
/// The inverse: a moving-scan point in the fixed scan (solved by iteration; nullopt when the
/// registration is not ok or the iteration does not converge).
std::optional<Vec3> MapToFixed(const Registration& registration, const Vec3& moving_point);

/// True when `p` lies within the volume's voxel grid (half a voxel margin).
bool InsideVolume(const VolumeGeometry& volume, const Vec3& p);

/// One scan of a pair: who it is, which series, its voxels, and anything that forbids
/// registering it (e.g. "2 slices missing after slice 17"), said by the loader.
struct Scan {
  std::string patient_id;
  std::string series_uid;
  const Volume* volume = nullptr;
  std::vector<std::string> refusals;
};

struct PairOptions {
  RegistrationOptions registration;
  // Folder of cached registrations, one small JSON file per (fixed, moving) series pair;
  // empty: no cache.
  std::filesystem::path cache_dir;
};

/// The default cache folder: $XDG_CACHE_HOME/nadir/registration, else ~/.cache/nadir/...
std::filesystem::path DefaultCacheDir();

/// Registers `to` (moving) to `from` (fixed) after the checks: both patient IDs given and
/// equal, no refusals. Refused pairs come back not ok with the reason, unregistered. A cached
/// registration of the same series pair and options is returned at once (from_cache).
Registration RegisterPair(const Scan& from, const Scan& to, const PairOptions& options = {},
                          const Progress& progress = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace nadir::registration
