// Pairs that must not be registered, or whose registration must not be believed (issue 16):
// another patient, scans of different body parts, a series with missing slices.
#include <gtest/gtest.h>

#include "analysis/registration/track.h"
#include "tests/registration/phantom_pair.h"

namespace nadir::registration {
namespace {

constexpr std::array<int, 3> kSmall{140, 140, 48};
const Vec3 kSmallSpacing{2.5, 2.5, 5.0};

// Slices [first, first + count) of a volume, as their own scan.
Volume Slab(const Volume& v, int first, int count) {
  Volume s = v;
  s.size[2] = count;
  s.origin = v.ToPatient(0, 0, first);
  s.hu.assign(v.hu.begin() + v.Index(0, 0, first), v.hu.begin() + v.Index(0, 0, first + count));
  s.sop_uids.assign(v.sop_uids.begin() + first, v.sop_uids.begin() + first + count);
  return s;
}

TEST(RegistrationRefusal, DifferentPatientsAreRefusedBeforeRegistering) {
  const auto pair = test::MakePhantomPair(0, {}, kSmall, kSmallSpacing);
  const Registration r = RegisterPair({"PH-001", "1.2.3", &pair.baseline, {}},
                                      {"PH-002", "1.2.4", &pair.followup, {}});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.reason.find("different patients"), std::string::npos) << r.reason;
  EXPECT_TRUE(r.stages.empty());  // refused, not registered
  EXPECT_FALSE(MapToMoving(r, pair.baseline_centres[0]).has_value());
}

TEST(RegistrationRefusal, MissingSlicesAreRefusedBeforeRegistering) {
  const auto pair = test::MakePhantomPair(0, {}, kSmall, kSmallSpacing);
  const Registration r =
      RegisterPair({"PH-001", "1.2.3", &pair.baseline, {}},
                   {"PH-001", "1.2.4", &pair.followup, {"1 slice(s) missing after slice 20"}});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.reason.find("missing after slice 20"), std::string::npos) << r.reason;
  EXPECT_TRUE(r.stages.empty());
}

// The lower abdomen (liver, no lung) against the chest (lungs): the bodies' outlines match,
// the anatomy does not, and no point may be proposed.
TEST(RegistrationRefusal, ScansOfDifferentBodyPartsGiveNoProposal) {
  const auto pair = test::MakePhantomPair(0, {}, kSmall, kSmallSpacing);
  const Volume abdomen = Slab(pair.baseline, 0, 18);  // z -117.5 .. -32.5 mm
  const Volume chest = Slab(pair.followup, 30, 18);   // z  +32.5 .. +117.5 mm (before motion)
  const Registration r = Register(abdomen, chest);
  EXPECT_FALSE(r.ok) << "Dice " << r.body_dice << ", agreement " << r.tissue_agreement;
  EXPECT_FALSE(r.reason.empty());
  EXPECT_FALSE(MapToMoving(r, abdomen.Center()).has_value());
}

}  // namespace
}  // namespace nadir::registration
