// Discordance rules between two reads, each switchable, with the charter's date tolerance.
#include "measure/review/discordance.h"

#include <gtest/gtest.h>

#include "tests/measure/subject_builder.h"

namespace nadir {
namespace {

using test::D;

CriteriaRead Read(const char* best, std::optional<const char*> response,
                  std::optional<const char*> progression) {
  CriteriaRead r;
  r.best_response = best;
  if (response) r.response_date = D(*response);
  if (progression) r.progression_date = D(*progression);
  return r;
}

constexpr auto kR11 = Criteria::kRecist11;

TEST(Discordance, IdenticalReadsAgree) {
  const auto a = Read("PR", "2026-03-02", "2026-06-01");
  EXPECT_TRUE(FindDiscordances(kR11, a, a, {}).empty());
}

TEST(Discordance, DifferentBestResponse) {
  // Same progression date, no response in either: only the best response differs.
  const auto found = FindDiscordances(kR11, Read("SD", std::nullopt, "2026-06-01"),
                                      Read("PD", std::nullopt, "2026-06-01"), {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, DiscordanceRule::kBestResponse);
  EXPECT_EQ(found[0].first, "SD");
  EXPECT_EQ(found[0].second, "PD");
  EXPECT_EQ(found[0].Describe("R1", "R2"), "recist11 best overall response: R1 SD, R2 PD");
}

TEST(Discordance, ProgressionDateOnlyOneReadProgressed) {
  const auto found = FindDiscordances(kR11, Read("SD", std::nullopt, std::nullopt),
                                      Read("SD", std::nullopt, "2026-06-01"), {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, DiscordanceRule::kProgressionDate);
  EXPECT_EQ(found[0].first, "none");
  EXPECT_EQ(found[0].second, "2026-06-01");
  EXPECT_FALSE(found[0].days_apart);
}

TEST(Discordance, ResponseDateDiffers) {
  // Both PR, confirmed at different scans 42 days apart.
  const auto found = FindDiscordances(kR11, Read("PR", "2026-03-02", std::nullopt),
                                      Read("PR", "2026-04-13", std::nullopt), {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, DiscordanceRule::kResponseDate);
  EXPECT_EQ(found[0].days_apart, 42);
  EXPECT_EQ(found[0].Describe("R1", "R2"),
            "recist11 response date: R1 2026-03-02, R2 2026-04-13 (42 days apart)");
}

TEST(Discordance, EachRuleCanBeSwitchedOff) {
  const auto a = Read("PR", "2026-03-02", "2026-08-03");
  const auto b = Read("SD", std::nullopt, "2026-09-14");
  EXPECT_EQ(FindDiscordances(kR11, a, b, {}).size(), 3u);
  DiscordanceRules only_progression{false, true, false, 0};
  const auto p = FindDiscordances(kR11, a, b, only_progression);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].rule, DiscordanceRule::kProgressionDate);
  DiscordanceRules none{false, false, false, 0};
  EXPECT_TRUE(FindDiscordances(kR11, a, b, none).empty());
}

// A charter tolerance of 7 days: 7 days apart agree, 8 do not, whichever read is earlier.
TEST(Discordance, ProgressionDateToleranceBoundaryBothSides) {
  DiscordanceRules rules;
  rules.date_tolerance_days = 7;
  const auto r1 = Read("SD", std::nullopt, "2026-06-10");
  // R2 later.
  EXPECT_TRUE(FindDiscordances(kR11, r1, Read("SD", std::nullopt, "2026-06-17"), rules).empty());
  EXPECT_EQ(FindDiscordances(kR11, r1, Read("SD", std::nullopt, "2026-06-18"), rules).size(), 1u);
  // R2 earlier.
  EXPECT_TRUE(FindDiscordances(kR11, r1, Read("SD", std::nullopt, "2026-06-03"), rules).empty());
  const auto found = FindDiscordances(kR11, r1, Read("SD", std::nullopt, "2026-06-02"), rules);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].days_apart, 8);
  // Tolerance 0 (the default): any difference is discordant.
  EXPECT_EQ(FindDiscordances(kR11, r1, Read("SD", std::nullopt, "2026-06-11"), {}).size(), 1u);
}

TEST(Discordance, ToleranceAppliesToResponseDatesToo) {
  DiscordanceRules rules;
  rules.date_tolerance_days = 14;
  const auto a = Read("PR", "2026-03-02", std::nullopt);
  EXPECT_TRUE(FindDiscordances(kR11, a, Read("PR", "2026-03-16", std::nullopt), rules).empty());
  EXPECT_EQ(FindDiscordances(kR11, a, Read("PR", "2026-03-17", std::nullopt), rules).size(), 1u);
}

TEST(Discordance, DatesAgreeNeedsBothOrNeither) {
  EXPECT_TRUE(DatesAgree(std::nullopt, std::nullopt, 0));
  EXPECT_FALSE(DatesAgree(D("2026-01-01"), std::nullopt, 1000));
  EXPECT_FALSE(DatesAgree(std::nullopt, D("2026-01-01"), 1000));
}

}  // namespace
}  // namespace nadir
