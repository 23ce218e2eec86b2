// Baseline selection and measurability warnings: RECIST 1.1 §3.1-3.2.
#include <gtest/gtest.h>

#include "measure/validate.h"
#include "tests/measure/subject_builder.h"

namespace nadir::test {
namespace {

std::vector<std::string> Warn(std::vector<LesionRecord> baseline) {
  return CheckBaseline(SubjectBuilder().At("2026-01-05", std::move(baseline)).s);
}

bool Has(const std::vector<std::string>& w, const std::string& text) {
  for (const auto& l : w)
    if (l.find(text) != std::string::npos) return true;
  return false;
}

// §3.2: at most 5 targets in all.
TEST(Recist11Baseline, FiveTargetsAreAllowed) {
  EXPECT_FALSE(
      Has(Warn({Target("T1", 20, "liver"), Target("T2", 20, "lung"), Target("T3", 20, "kidney"),
                Target("T4", 20, "adrenal"), Target("T5", 20, "spleen")}),
          "at most 5"));
}
TEST(Recist11Baseline, SixthTargetIsWarned) {
  EXPECT_TRUE(
      Has(Warn({Target("T1", 20, "liver"), Target("T2", 20, "lung"), Target("T3", 20, "kidney"),
                Target("T4", 20, "adrenal"), Target("T5", 20, "spleen"), Target("T6", 20, "bone")}),
          "6 target lesions; at most 5"));
}

// §3.2: at most 2 per organ; paired organs are one organ, all nodes are one organ.
TEST(Recist11Baseline, TwoTargetsInOneOrganAreAllowed) {
  EXPECT_TRUE(Warn({Target("T1", 20, "liver"), Target("T2", 20, "Liver")}).empty());
}
TEST(Recist11Baseline, ThirdTargetInOneOrganIsWarned) {
  EXPECT_TRUE(Has(Warn({Target("T1", 20, "left lung"), Target("T2", 20, "right lung"),
                        Target("T3", 20, "lung")}),
                  "3 target lesions in lung (T1, T2, T3)"));
}
TEST(Recist11Baseline, AllLymphNodesAreOneOrgan) {
  EXPECT_TRUE(Has(Warn({Node("T1", 20), Node("T2", 20), Node("T3", 20)}), "in lymph node"));
}

// §3.1: measurable with a long axis of 10 mm, a nodal short axis of 15 mm.
TEST(Recist11Baseline, TenMillimetreTumourIsMeasurable) {
  EXPECT_TRUE(Warn({Target("T1", 10.0)}).empty());
}
TEST(Recist11Baseline, NinePointNineMillimetreTumourIsWarned) {
  EXPECT_TRUE(Has(Warn({Target("T1", 9.9)}), "T1: long axis 9.9 mm is under 10 mm"));
}
TEST(Recist11Baseline, FifteenMillimetreNodeIsMeasurable) {
  EXPECT_TRUE(Warn({Node("T1", 15.0)}).empty());
}
TEST(Recist11Baseline, FourteenPointNineMillimetreNodeIsWarned) {
  EXPECT_TRUE(Has(Warn({Node("T1", 14.9)}), "nodal short axis 14.9 mm is under 15 mm"));
}

}  // namespace
}  // namespace nadir::test
