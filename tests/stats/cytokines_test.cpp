// Cytokine peaks and fold changes from baseline (issue 21 "Definitions"), by hand.
#include "measure/stats/cytokines.h"

#include <gtest/gtest.h>

namespace nadir::stats {
namespace {

// IL-6: day -7 4, day 0 5 (baseline: the last on or before day 0), day 3 120, day 7 480,
// day 10 480 (same peak later: the first day counts), day 14 30. Peak 480 on day 7, fold 96.
TEST(Cytokines, PeakDayAndFoldChange) {
  const CytokineResponse r =
      CytokineResponseOf({{7, 480}, {-7, 4}, {0, 5}, {3, 120}, {10, 480}, {14, 30}});
  EXPECT_EQ(*r.baseline, 5);
  EXPECT_EQ(*r.baseline_day, 0);
  EXPECT_EQ(*r.peak, 480);
  EXPECT_EQ(*r.peak_day, 7);
  EXPECT_DOUBLE_EQ(*r.fold_change, 96);
}

TEST(Cytokines, NoBaselineNoFoldChange) {
  const CytokineResponse r = CytokineResponseOf({{3, 10}, {7, 20}});
  EXPECT_FALSE(r.baseline);
  EXPECT_EQ(*r.peak, 20);
  EXPECT_FALSE(r.fold_change);
}

// Three subjects: A (CRS 2) peak 100 fold 10, B (CRS 2) peak 300 fold 30, C (no CRS) peak 8.
TEST(Cytokines, MediansByCrsGrade) {
  std::map<std::string, CytokineResponse> rs;
  rs["A"] = CytokineResponseOf({{0, 10}, {5, 100}});
  rs["B"] = CytokineResponseOf({{0, 10}, {5, 300}});
  rs["C"] = CytokineResponseOf({{0, 4}, {5, 8}});
  const auto by = ByCrsGrade("IL-6", rs, {{"A", 2}, {"B", 2}});
  ASSERT_EQ(by.size(), 2u);
  EXPECT_EQ(by[0].crs_grade, 0);
  EXPECT_EQ(by[0].n, 1);
  EXPECT_EQ(*by[0].median_fold_change, 2);
  EXPECT_EQ(by[1].crs_grade, 2);
  EXPECT_EQ(by[1].n, 2);
  EXPECT_EQ(*by[1].median_peak, 200);
  EXPECT_EQ(*by[1].median_fold_change, 20);
  EXPECT_EQ(*by[1].max_peak, 300);
}

// At each time point: day 0 A 10, B 30 (both CRS 2) -> median 20 (10-30); C 4 (no CRS).
TEST(Cytokines, ValuesAtEachTimePointByCrsGrade) {
  const std::map<std::string, std::vector<LabValue>> values = {
      {"A", {{0, 10}, {5, 100}}}, {"B", {{0, 30}}}, {"C", {{0, 4}}}};
  const auto by = ByDayAndCrsGrade("IL-6", values, {{"A", 2}, {"B", 2}});
  ASSERT_EQ(by.size(), 3u);  // (0, 0), (0, 2), (5, 2)
  EXPECT_EQ(by[0].crs_grade, 0);
  EXPECT_EQ(*by[0].median, 4);
  EXPECT_EQ(by[1].n, 2);
  EXPECT_EQ(*by[1].median, 20);
  EXPECT_EQ(*by[1].min, 10);
  EXPECT_EQ(by[2].day, 5);
  EXPECT_EQ(*by[2].max, 100);
}

}  // namespace
}  // namespace nadir::stats
