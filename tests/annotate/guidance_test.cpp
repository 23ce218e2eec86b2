// Guidance while annotating comes from the engine (AssessSubject): RECIST 1.1 §3.1-3.2 baseline
// selection and follow-up lesions not yet assessed. The viewer only shows these messages.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::annotate {
namespace {

using test::D;
using test::DrawLine;

bool Says(const AnnotationSession& s, const std::string& part) {
  const auto g = s.Guidance();
  return std::any_of(g.begin(), g.end(),
                     [&](const std::string& m) { return m.find(part) != std::string::npos; });
}

std::string All(const AnnotationSession& s) {
  std::string out;
  for (const auto& m : s.Guidance()) out += m + "\n";
  return out;
}

class GuidanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    s.New("G-1", D("2026-01-05"));
    s.Apply(SetTool{Tool::kLine});
  }
  // A target of `mm` at y = `row` on site `site`.
  std::string Target(double mm, const std::string& site, double row, bool nodal = false) {
    s.Apply(SelectLesion{""});
    if (nodal) {
      s.Apply(AddLesion{LesionKind::kTarget});
      s.Apply(SetNodal{s.annotation().selected, true});
    }
    EXPECT_TRUE(DrawLine(s, {0, row, 0}, {mm, row, 0}, "img"));
    const std::string id = s.annotation().selected;
    s.Apply(SetSite{id, site});
    return id;
  }
  const test::ScratchDir scratch{"guidance"};
  AnnotationSession s{scratch.string()};
};

TEST_F(GuidanceTest, SixthTargetIsFlagged) {  // RECIST 1.1 §3.2: at most 5 targets
  const char* sites[] = {"liver", "lung", "adrenal", "kidney", "spleen"};
  for (int i = 0; i < 5; ++i) Target(20, sites[i], 10.0 * i);
  EXPECT_FALSE(Says(s, "target lesions; at most 5")) << All(s);
  Target(20, "pancreas", 60);
  EXPECT_TRUE(Says(s, "6 target lesions; at most 5")) << All(s);
}

TEST_F(GuidanceTest, ThirdTargetInOneOrganIsFlagged) {  // §3.2: at most 2 per organ
  Target(20, "liver", 0);
  Target(20, "Liver", 10);
  EXPECT_FALSE(Says(s, "per organ")) << All(s);
  Target(20, "liver", 20);
  EXPECT_TRUE(Says(s, "3 target lesions in liver (T1, T2, T3); at most 2 per organ")) << All(s);
}

TEST_F(GuidanceTest, PairedOrgansCountAsOne) {
  Target(20, "left lung", 0);
  Target(20, "right lung", 10);
  Target(20, "lung", 20);
  EXPECT_TRUE(Says(s, "3 target lesions in lung")) << All(s);
}

TEST_F(GuidanceTest, NonNodalTargetUnderTenMillimetresIsFlagged) {  // §3.1
  Target(9.4, "liver", 0);
  EXPECT_TRUE(Says(s, "T1: long axis 9.4 mm is under 10 mm")) << All(s);
}

TEST_F(GuidanceTest, NodalTargetUnderFifteenMillimetresShortAxisIsFlagged) {  // §3.1
  Target(12, "lymph node", 0, /*nodal=*/true);
  EXPECT_TRUE(Says(s, "T1: nodal short axis 12 mm is under 15 mm")) << All(s);
  s.Apply(SelectLesion{""});
  Target(16, "lymph node", 10, true);
  EXPECT_FALSE(Says(s, "T2: nodal short axis")) << All(s);
}

TEST_F(GuidanceTest, FollowUpLesionNotYetAssessedIsFlagged) {
  Target(20, "liver", 0);
  s.Apply(AddLesion{LesionKind::kNonTarget});
  s.AddTimepoint(D("2026-03-02"), "Week 8", "");
  s.Apply(SetTimepoint{1});
  EXPECT_TRUE(Says(s, "2026-03-02: target lesion T1 is not recorded")) << All(s);
  EXPECT_TRUE(Says(s, "nontarget lesion NT1 is not recorded")) << All(s);
  EXPECT_EQ(NotYetAssessed(s.subject(), 1), (std::vector<std::string>{"T1", "NT1"}));
  s.Apply(SetState{"NT1", LesionState::kPresent});
  s.Apply(SelectLesion{"T1"});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {15, 0, 0}, "img2"));
  EXPECT_FALSE(Says(s, "is not recorded")) << All(s);
  EXPECT_TRUE(NotYetAssessed(s.subject(), 1).empty());
}

TEST_F(GuidanceTest, ATargetAddedButNotMeasuredSaysWhatIsMissing) {
  s.Apply(AddLesion{LesionKind::kTarget});
  EXPECT_TRUE(Says(s, "lesion T1: long_axis_mm is missing")) << All(s);
}

}  // namespace
}  // namespace nadir::annotate
