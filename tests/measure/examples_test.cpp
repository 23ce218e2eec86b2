// The worked examples of the format (docs/format/examples, a copy of shared/format/examples)
// recomputed through files, reader and engine, compared field by field with the hand-worked
// results in expected-recist11.json.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "formats/batch.h"
#include "formats/results_json.h"
#include "tests/support/skip.h"

namespace nadir::test {
namespace {

using Json = nlohmann::ordered_json;

/// Compares every field of `expected` with `got`; a field absent from `expected` is not
/// checked, a null one must be null. Numbers within 0.05 (results are rounded to 0.1).
void ExpectSubset(const Json& expected, const Json& got, const std::string& path) {
  if (expected.is_object()) {
    for (const auto& [k, v] : expected.items()) {
      if (k == "note" || k == "format") continue;
      ASSERT_TRUE(got.contains(k)) << path << "." << k << " missing";
      ExpectSubset(v, got[k], path + "." + k);
    }
  } else if (expected.is_array()) {
    ASSERT_EQ(expected.size(), got.size()) << path;
    for (std::size_t i = 0; i < expected.size(); ++i)
      ExpectSubset(expected[i], got[i], path + "[" + std::to_string(i) + "]");
  } else if (expected.is_number() && got.is_number()) {
    EXPECT_NEAR(expected.get<double>(), got.get<double>(), 0.05) << path;
  } else {
    EXPECT_EQ(expected, got) << path;
  }
}

void CheckExamples(const std::string& dir) {
  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles({dir}, problems);
  ASSERT_TRUE(problems.empty());
  std::map<std::string, Json> got;
  int skipped = 0;
  for (const auto& a : AssessFiles(files, 2)) {
    if (a.skipped) {
      ++skipped;  // expected-recist11.json is a results document
      continue;
    }
    EXPECT_TRUE(a.result.errors.empty()) << a.result.file << ": " << a.result.errors.front();
    got[a.result.subject] = SubjectResultToJson(a.result);
  }
  EXPECT_EQ(skipped, 1);
  std::ifstream in(dir + "/expected-recist11.json");
  const Json expected = Json::parse(in);
  ASSERT_EQ(got.size(), expected["subjects"].size());
  for (const auto& s : expected["subjects"]) {
    const std::string id = s["subject"];
    ASSERT_TRUE(got.count(id)) << id;
    ExpectSubset(s, got[id], id);
  }
}

TEST(FormatExamples, RecomputeReproducesHandWorkedRecist11Results) {
  CheckExamples(NADIR_FORMAT_EXAMPLES);
}

// The team's shared copy beside the project, when this checkout has one.
TEST(FormatExamples, SharedExamplesStillAgree) {
  NADIR_SKIP_IF_MISSING(test::MissingPath(NADIR_SHARED_EXAMPLES, "the team's shared examples"));
  CheckExamples(NADIR_SHARED_EXAMPLES);
}

// One bad file never stops a batch: the crash input (a number no double holds) is that
// file's error, and every other subject is still computed.
TEST(FormatExamples, FileWithANumberTooLargeForADoubleDoesNotStopTheBatch) {
  std::vector<std::string> problems;
  auto files = FindAssessmentFiles({NADIR_FORMAT_EXAMPLES}, problems);
  files.push_back(NADIR_CRASH_DATA "/number-overflow.json");
  int computed = 0, failed = 0;
  for (const auto& a : AssessFiles(files, 2)) {
    if (a.skipped) continue;
    if (a.result.file == files.back()) {
      ++failed;
      ASSERT_EQ(a.result.errors.size(), 1u);
      EXPECT_NE(a.result.errors[0].find("77777e777777775"), std::string::npos)
          << a.result.errors[0];
    } else {
      EXPECT_TRUE(a.result.errors.empty()) << a.result.file;
      ++computed;
    }
  }
  EXPECT_EQ(failed, 1);
  EXPECT_EQ(computed, 6);
}

}  // namespace
}  // namespace nadir::test
