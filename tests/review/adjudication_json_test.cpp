// Adjudication records (docs/format/adjudication-v1.md): reading, writing, clear errors.
#include "formats/review/adjudication_json.h"

#include <gtest/gtest.h>

namespace nadir {
namespace {

TEST(AdjudicationJson, ReadsEveryField) {
  std::vector<std::string> errors;
  const Adjudication a = ParseAdjudication(R"({
    "format": "nadir-adjudication/1", "subject": "CD70-IV-104", "adjudicator": "ADJ1",
    "chosen_reader": "R2", "reason": "R1 measured T2 on the arterial phase",
    "decided_at": "2026-06-02T14:31:00Z"})",
                                           "adj/CD70-IV-104.json", errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(a.subject, "CD70-IV-104");
  EXPECT_EQ(a.adjudicator, "ADJ1");
  EXPECT_EQ(a.chosen_reader, "R2");
  EXPECT_EQ(a.reason, "R1 measured T2 on the arterial phase");
  EXPECT_EQ(a.decided_at, "2026-06-02T14:31:00Z");
  EXPECT_EQ(a.file, "adj/CD70-IV-104.json");
}

TEST(AdjudicationJson, WritesWhatItReads) {
  const Adjudication a{"S-01", "ADJ1", "R1", "why", "2026-06-02T14:31:00Z", "x.json"};
  std::vector<std::string> errors;
  const Adjudication b = ParseAdjudication(AdjudicationToJson(a).dump(), "x.json", errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(AdjudicationToJson(b), AdjudicationToJson(a));
}

TEST(AdjudicationJson, ErrorsNameFileFieldAndValue) {
  std::vector<std::string> errors;
  ParseAdjudication(R"({"format": "nadir-adjudication/1", "subject": "S-01",
    "adjudicator": 7, "chosen_reader": "", "decided_at": "2026-06-02 14:31"})",
                    "a.json", errors);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0], "a.json: adjudicator: expected a string, got 7");
  EXPECT_EQ(errors[1], "a.json: reason: missing (required)");
  EXPECT_EQ(errors[2], "a.json: chosen_reader: must not be empty");
  EXPECT_EQ(errors[3],
            "a.json: decided_at: expected a UTC date and time YYYY-MM-DDTHH:MM:SSZ, got "
            "\"2026-06-02 14:31\"");
}

TEST(AdjudicationJson, NotJsonIsAnError) {
  std::vector<std::string> errors;
  ParseAdjudication("{", "b.json", errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("b.json: not valid JSON: ", 0), 0u) << errors[0];
}

// A number no double holds makes the JSON library throw out_of_range (406), not parse_error:
// it is an error naming the file and the value, never an escaped exception.
TEST(AdjudicationJson, NumberTooLargeForADoubleIsAnErrorNamingIt) {
  std::vector<std::string> errors;
  ParseAdjudication(R"({"format": "nadir-adjudication/1", "subject": 1e400})", "c.json", errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("c.json: not valid JSON: ", 0), 0u) << errors[0];
  EXPECT_NE(errors[0].find("1e400"), std::string::npos) << errors[0];
}

TEST(AdjudicationJson, UtcDateTimes) {
  EXPECT_TRUE(IsUtcDateTime("2026-06-02T14:31:00Z"));
  EXPECT_FALSE(IsUtcDateTime("2026-06-02T24:00:00Z"));
  EXPECT_FALSE(IsUtcDateTime("2026-02-30T10:00:00Z"));
  EXPECT_FALSE(IsUtcDateTime("2026-06-02T14:31:00+02:00"));
  EXPECT_TRUE(IsUtcDateTime(UtcNow()));
}

}  // namespace
}  // namespace nadir
