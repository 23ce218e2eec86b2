// Phantom pairs with a known motion for registration tests and the benchmark: a phantom
// subject's baseline, and its follow-up (lesions resized) resampled as if rescanned with the
// patient shifted, rotated and breathing differently. The truth of where each lesion went is
// the known motion applied to the lesion's centre.
#pragma once

#include <string>
#include <vector>

#include "geometry/volume.h"

namespace nadir::test {

/// How the follow-up scan sees the patient. Follow-up point y shows the baseline anatomy at
/// Rotate(y - centre) + centre + shift + Breathing(y) (so the follow-up is resampled directly).
struct Motion {
  Vec3 shift_mm{12, -8, 10};
  double rotation_deg = 4;            // about an axis mostly cranio-caudal
  double breathing_mm = 7;            // largest breathing displacement
  Vec3 grid_offset_mm{3.3, -2.1, 0};  // the follow-up's own image grid (another Frame of Reference)
};

struct PhantomPair {
  Volume baseline, followup;
  std::vector<std::string> lesion_ids;
  std::vector<Vec3> baseline_centres;  // lesion centres in the baseline scan (patient mm)
  std::vector<Vec3> followup_centres;  // truth: the same lesions in the follow-up scan
  Motion motion;
};

/// `size`, `spacing`: the grid of both scans (the phantom is 320 x 220 mm across, 240 mm long
/// at 48 slices of 5 mm). `subject` picks the phantom's course (0 response, 1 progression, 2
/// new lesion); the follow-up is its week-8 timepoint.
PhantomPair MakePhantomPair(int subject, const Motion& motion, std::array<int, 3> size,
                            Vec3 spacing);

/// The follow-up point that shows baseline point `x` (the motion inverted by Newton's method).
Vec3 FollowupPointOf(const Motion& motion, const Volume& followup, const Vec3& x);

/// The truth of issue 16's targets: distances between mapped and true centres.
struct Errors {
  double mean_mm = 0, worst_mm = 0;
};
Errors CompareCentres(const std::vector<Vec3>& mapped, const std::vector<Vec3>& truth);

}  // namespace nadir::test
