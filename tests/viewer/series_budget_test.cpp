// The reading room's memory budget: which series goes first, and what is never unloaded.
#include "viewer/core/series_budget.h"

#include <gtest/gtest.h>

#include <vector>

namespace nadir::viewer {
namespace {

constexpr std::uint64_t kMb = 1 << 20;

TEST(SeriesBudget, WithinTheBudgetNothingIsUnloaded) {
  SeriesBudget budget(300 * kMb);
  for (int i = 0; i < 3; ++i) budget.Viewed(i);
  EXPECT_TRUE(budget.ToUnload({{100 * kMb, false}, {100 * kMb, false}, {100 * kMb, true}}).empty());
}

TEST(SeriesBudget, NoLimitWhenTheBudgetIsZero) {
  SeriesBudget budget(0);
  EXPECT_TRUE(budget.ToUnload({{1000 * kMb, false}, {1000 * kMb, false}}).empty());
}

TEST(SeriesBudget, TheLeastRecentlyViewedSeriesGoesFirst) {
  SeriesBudget budget(250 * kMb);
  budget.Viewed(2);
  budget.Viewed(0);
  budget.Viewed(1);
  budget.Viewed(3);
  // 400 MB held, 250 allowed: series 2 (viewed first) then 0 go; 1 and 3 stay.
  const std::vector<SeriesFootprint> held{
      {100 * kMb, false}, {100 * kMb, false}, {100 * kMb, false}, {100 * kMb, true}};
  EXPECT_EQ(budget.ToUnload(held), (std::vector<int>{2, 0}));
}

TEST(SeriesBudget, ViewingASeriesAgainMakesItTheMostRecent) {
  SeriesBudget budget(150 * kMb);
  budget.Viewed(0);
  budget.Viewed(1);
  budget.Viewed(0);
  EXPECT_EQ(budget.ToUnload({{100 * kMb, false}, {100 * kMb, false}}), (std::vector<int>{1}));
  EXPECT_GT(budget.LastViewed(0), budget.LastViewed(1));
}

TEST(SeriesBudget, AShownSeriesIsNeverUnloadedEvenOverTheBudget) {
  SeriesBudget budget(100 * kMb);
  budget.Viewed(0);  // the oldest, but on screen
  budget.Viewed(1);
  budget.Viewed(2);
  const auto out = budget.ToUnload({{500 * kMb, true}, {100 * kMb, false}, {100 * kMb, true}});
  // Series 1 goes; the two shown ones stay although they alone exceed the budget.
  EXPECT_EQ(out, (std::vector<int>{1}));
}

TEST(SeriesBudget, SeriesHoldingNothingAreNotCandidates) {
  SeriesBudget budget(100 * kMb);
  EXPECT_EQ(budget.ToUnload({{0, false}, {150 * kMb, false}, {0, false}}), (std::vector<int>{1}));
}

TEST(SeriesBudget, NeverViewedSeriesGoBeforeViewedOnesLargestFirst) {
  SeriesBudget budget(200 * kMb);
  budget.Viewed(0);
  // 1 and 2 were loaded but never on screen (a viewport moved on before they arrived).
  const auto out = budget.ToUnload({{100 * kMb, false}, {50 * kMb, false}, {120 * kMb, false}});
  EXPECT_EQ(out, (std::vector<int>{2}));
}

TEST(SeriesBudget, OpeningSeriesAfterSeriesStaysWithinTheBudget) {
  // A study of 20 series of 250 MB read one after another in one viewport with a 1 GB budget:
  // after each series is opened, what stays held fits the budget.
  constexpr int kSeries = 20;
  constexpr std::uint64_t kSize = 250 * kMb;
  SeriesBudget budget(1024 * kMb);
  std::vector<std::uint64_t> held(kSeries, 0);
  int unloads = 0;
  for (int shown = 0; shown < kSeries; ++shown) {
    held[shown] = kSize;
    budget.Viewed(shown);
    std::vector<SeriesFootprint> now;
    for (int i = 0; i < kSeries; ++i) now.push_back({held[i], i == shown});
    for (int i : budget.ToUnload(now)) {
      EXPECT_NE(i, shown);
      EXPECT_LT(i, shown - 2) << "one of the three most recent series was unloaded";
      held[i] = 0;
      ++unloads;
    }
    std::uint64_t total = 0;
    for (auto b : held) total += b;
    EXPECT_LE(total, budget.budget()) << "after opening series " << shown;
  }
  EXPECT_EQ(unloads, kSeries - 4);  // four series of 250 MB fit in 1 GB
}

TEST(SeriesBudget, DefaultIsHalfThePhysicalMemory) {
  const std::uint64_t ram = PhysicalMemoryBytes();
  ASSERT_GT(ram, 0u);
  EXPECT_EQ(DefaultMemoryBudgetMb(), std::uint64_t(double(ram) * kDefaultMemoryShare) >> 20);
}

}  // namespace
}  // namespace nadir::viewer
