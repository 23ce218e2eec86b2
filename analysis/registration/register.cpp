// Register(): downsample, run the stages, then judge the result on the images themselves
// (body overlap, tissue agreement), never on the optimizer's word alone.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "analysis/registration/point_map.h"
#include "analysis/registration/stages.h"
#include "analysis/registration/track.h"
#include "analysis/registration/working_image.h"

namespace nadir::registration {
namespace {

struct Overlap {
  double body_dice = 0, tissue_agreement = 0, body_inside = 0;
};

// Trilinear HU of the moving working image at a continuous index; false outside.
bool Sample(const WorkingImage& w, const Vec3& ijk, float& hu) {
  const auto& n = w.geometry.size;
  int i0[3];
  double f[3];
  for (int a = 0; a < 3; ++a) {
    if (ijk[a] < -0.5 || ijk[a] > n[a] - 0.5) return false;
    const double c = std::clamp(ijk[a], 0.0, double(n[a] - 1));
    i0[a] = std::min(int(c), std::max(n[a] - 2, 0));
    f[a] = n[a] > 1 ? c - i0[a] : 0.0;
  }
  double v = 0;
  for (int corner = 0; corner < 8; ++corner) {
    int idx[3];
    double weight = 1;
    for (int a = 0; a < 3; ++a) {
      const int up = (corner >> a) & 1;
      idx[a] = std::min(i0[a] + up, n[a] - 1);
      weight *= up ? f[a] : 1 - f[a];
    }
    if (weight > 0) v += weight * w.hu[w.Index(idx[0], idx[1], idx[2])];
  }
  hu = float(v);
  return true;
}

// Every second working voxel of the fixed scan, mapped into the moving scan.
Overlap Measure(const WorkingImage& fixed, const WorkingImage& moving, const PointMap& map,
                int threshold_hu) {
  long long fixed_body = 0, inside = 0, both = 0, moving_body = 0, agree = 0;
  const auto& n = fixed.geometry.size;
  for (int k = 0; k < n[2]; k += 2)
    for (int j = 0; j < n[1]; j += 2)
      for (int i = 0; i < n[0]; i += 2) {
        const std::size_t x = fixed.Index(i, j, k);
        const bool fb = fixed.body[x];
        fixed_body += fb;
        float hu = 0;
        const Vec3 p = map.Forward(fixed.geometry.ToPatient(i, j, k));
        if (!Sample(moving, moving.geometry.ToIndex(p), hu)) continue;
        const bool mb = hu > float(threshold_hu);
        inside += fb;
        moving_body += mb;
        if (fb && mb) {
          ++both;
          agree += TissueClass(fixed.hu[x]) == TissueClass(hu);
        }
      }
  Overlap o;
  if (fixed_body > 0) o.body_inside = double(inside) / double(fixed_body);
  if (inside + moving_body > 0) o.body_dice = 2.0 * double(both) / double(inside + moving_body);
  if (both > 0) o.tissue_agreement = double(agree) / double(both);
  return o;
}

std::string Percent(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.0f %%", 100 * x);
  return b;
}

}  // namespace

bool InsideVolume(const VolumeGeometry& v, const Vec3& p) {
  const Vec3 ijk = v.ToIndex(p);
  for (int a = 0; a < 3; ++a)
    if (ijk[a] < -0.5 || ijk[a] > v.size[a] - 0.5) return false;
  return true;
}

Registration Register(const Volume& fixed, const Volume& moving, const RegistrationOptions& options,
                      const Progress& progress, const std::atomic<bool>* cancel) {
  const auto t0 = std::chrono::steady_clock::now();
  Registration r;
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  if (fixed.Empty() || moving.Empty() || fixed.hu.size() != fixed.VoxelCount() ||
      moving.hu.size() != moving.VoxelCount()) {
    r.reason = "a volume is empty or its voxels do not match its size";
    return r;
  }
  if (progress) progress("downsampling", 0.0);
  const WorkingImage f = Downsample(fixed, options.working_spacing_mm, options.body_threshold_hu);
  const WorkingImage m = Downsample(moving, options.working_spacing_mm, options.body_threshold_hu);
  for (const WorkingImage* w : {&f, &m}) {
    long long body = 0;
    for (auto b : w->body) body += b;
    // A registration needs some anatomy: at least a few centimetres cubed of body.
    constexpr long long kMinBodyVoxels = 1000;
    if (body < kMinBodyVoxels) {
      r.reason = std::string(w == &f ? "the fixed" : "the moving") +
                 " scan holds almost no body (voxels above " +
                 std::to_string(options.body_threshold_hu) + " HU)";
      r.seconds = seconds();
      return r;
    }
  }
  try {
    StagesResult s = RunStages(f, m, options, progress, cancel);
    r.stages = std::move(s.stages);
    r.transform = std::move(s.chain);
  } catch (const std::runtime_error& e) {
    if (cancel && cancel->load()) throw;
    r.reason = std::string("registration failed: ") + e.what();
    r.seconds = seconds();
    return r;
  }
  if (progress) progress("checking", 1.0);
  const Overlap o = Measure(f, m, PointMap(r.transform), options.body_threshold_hu);
  r.body_dice = o.body_dice;
  r.tissue_agreement = o.tissue_agreement;
  r.body_inside = o.body_inside;
  if (o.body_inside < kMinBodyInside)
    r.reason = "the scans hardly overlap: " + Percent(o.body_inside) +
               " of the body lands inside the other scan (needs " + Percent(kMinBodyInside) + ")";
  else if (o.body_dice < kMinBodyDice)
    r.reason = "the body outlines do not match after registration: Dice " + Percent(o.body_dice) +
               " (needs " + Percent(kMinBodyDice) + ")";
  else if (o.tissue_agreement < kMinTissueAgreement)
    r.reason =
        "the anatomy does not match after registration (another body part?): tissue "
        "agreement " +
        Percent(o.tissue_agreement) + " (needs " + Percent(kMinTissueAgreement) + ")";
  r.ok = r.reason.empty();
  r.seconds = seconds();
  return r;
}

std::optional<Vec3> MapToMoving(const Registration& r, const Vec3& p) {
  if (!r.ok || r.transform.empty()) return std::nullopt;
  return PointMap(r.transform).Forward(p);
}

std::optional<Vec3> MapToFixed(const Registration& r, const Vec3& p) {
  if (!r.ok || r.transform.empty()) return std::nullopt;
  return PointMap(r.transform).Inverse(p);
}

}  // namespace nadir::registration
