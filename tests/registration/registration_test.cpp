// Registration between timepoints (issue 16): accuracy on phantom pairs with a known motion,
// refusals (another patient, no overlap), points mapped both ways.
#include <gtest/gtest.h>

#include <cstdio>

#include "analysis/registration/track.h"
#include "tests/registration/phantom_pair.h"

namespace nadir::registration {
namespace {

using test::MakePhantomPair;
using test::Motion;

// Issue 16's targets for mapped lesion centres.
constexpr double kMeanErrorMm = 3.0, kWorstErrorMm = 8.0;

// Small grids keep a test to seconds: 2.5 mm pixels, 5 mm slices.
constexpr std::array<int, 3> kSmall{140, 140, 48};
const Vec3 kSmallSpacing{2.5, 2.5, 5.0};

TEST(Registration, MapsLesionCentresWithinTheTargetsUnderKnownMotion) {
  const auto pair = MakePhantomPair(0, Motion{}, kSmall, kSmallSpacing);
  const Registration r = Register(pair.baseline, pair.followup);
  ASSERT_TRUE(r.ok) << r.reason;
  std::vector<Vec3> mapped;
  for (const auto& c : pair.baseline_centres) mapped.push_back(*MapToMoving(r, c));
  const auto e = test::CompareCentres(mapped, pair.followup_centres);
  std::printf("mean %.2f mm, worst %.2f mm, %.1f s, Dice %.3f, agreement %.3f\n", e.mean_mm,
              e.worst_mm, r.seconds, r.body_dice, r.tissue_agreement);
  for (const auto& s : r.stages)
    std::printf("  %s: %d iterations, metric %.4f -> %.4f, %.1f s, %s\n", s.name.c_str(),
                s.iterations, s.metric_start, s.metric_end, s.seconds, s.stop.c_str());
  EXPECT_LE(e.mean_mm, kMeanErrorMm);
  EXPECT_LE(e.worst_mm, kWorstErrorMm);
  // The way back: each true follow-up centre maps to its baseline centre.
  for (std::size_t i = 0; i < mapped.size(); ++i) {
    const auto back = MapToFixed(r, pair.followup_centres[i]);
    ASSERT_TRUE(back.has_value());
    EXPECT_LE(Norm(Sub(*back, pair.baseline_centres[i])), kWorstErrorMm) << pair.lesion_ids[i];
  }
}

}  // namespace
}  // namespace nadir::registration
