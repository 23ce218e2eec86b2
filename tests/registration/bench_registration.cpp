// The registration benchmark of issue 16 (not a test): phantom pairs of 512 x 512 x 100
// (0.7 mm pixels, 2.5 mm slices) rescanned with shifts of 10-20 mm, rotations of 3-5 degrees
// and breathing of 5-10 mm, lesions resized. Prints the mapped-centre errors and the time.
// CPU seconds are printed beside wall seconds: on a shared machine they show the work done.
//   nadir_bench_registration [PAIRS] [DEFORMABLE_SAMPLES] [DEFORMABLE_LEVELS]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "analysis/registration/track.h"
#include "tests/registration/phantom_pair.h"

using namespace nadir;
using namespace nadir::registration;

int main(int argc, char** argv) {
  const int pairs = argc > 1 ? std::atoi(argv[1]) : 3;
  RegistrationOptions options;
  if (argc > 2) options.deformable_samples = std::atoi(argv[2]);
  if (argc > 3) options.deformable_levels = std::atoi(argv[3]);
  std::printf("deformable stage: %d samples, %d levels\n", options.deformable_samples,
              options.deformable_levels);
  const test::Motion motions[3] = {
      {{12, -8, 10}, 4.0, 7.0, {3.3, -2.1, 0}},
      {{-15, 10, -12}, -3.0, 10.0, {-1.0, 4.0, 1.2}},
      {{18, 6, 5}, 5.0, 5.0, {0, 0, -2.5}},
  };
  double worst = 0, sum = 0, slowest = 0;
  int n = 0;
  for (int p = 0; p < pairs; ++p) {
    const auto pair =
        test::MakePhantomPair(p % 3, motions[p % 3], {512, 512, 100}, {0.7, 0.7, 2.5});
    const std::clock_t cpu0 = std::clock();
    const Registration r = Register(pair.baseline, pair.followup, options);
    const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
    std::printf("pair %d: %s%s, %.1f s (%.1f s of CPU), Dice %.3f, agreement %.3f\n", p,
                r.ok ? "ok" : "FAILED ", r.reason.c_str(), r.seconds, cpu, r.body_dice,
                r.tissue_agreement);
    for (const auto& s : r.stages)
      std::printf("  %-10s %3d iterations, metric %.4f -> %.4f, %.1f s%s\n", s.name.c_str(),
                  s.iterations, s.metric_start, s.metric_end, s.seconds,
                  s.kept ? "" : " (dropped)");
    slowest = std::max(slowest, r.seconds);
    for (std::size_t i = 0; i < pair.lesion_ids.size(); ++i) {
      const auto q = MapToMoving(r, pair.baseline_centres[i]);
      if (!q) continue;
      const double e = Norm(Sub(*q, pair.followup_centres[i]));
      std::printf("  %-4s error %.2f mm\n", pair.lesion_ids[i].c_str(), e);
      sum += e, ++n, worst = std::max(worst, e);
    }
  }
  std::printf("mapped centres: mean %.2f mm, worst %.2f mm over %d lesions (targets 3 / 8 mm)\n",
              n ? sum / n : 0.0, worst, n);
  std::printf("slowest registration: %.1f s (target 15 s)\n", slowest);
  return 0;
}
