// Batches of assessment files (measure/io/batch.h): what is said about a file holds for every
// response computed from it.
#include "formats/batch.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "formats/assessment_json.h"
#include "tests/measure/subject_builder.h"
#include "tests/support/scratch_dir.h"

namespace nadir::test {
namespace {

namespace fs = std::filesystem;

// The same subject read twice by one reader: the later file is an error, and "a subject with
// errors has no responses" (results.h) holds for RECIST 1.1 and iRECIST alike.
TEST(AssessFiles, DuplicateSubjectHasNoResponsesUnderEitherCriteria) {
  const test::ScratchDir dir;
  auto b = SubjectBuilder("S-07")
               .At("2026-01-05", {Target("T1", 30)})
               .At("2026-02-16", {Target("T1", 20)});
  b.s.reader = "R1";
  const std::string text = AssessmentToJson(b.s).dump(1);
  std::string error;
  ASSERT_TRUE(WriteFileAtomically((dir / "a.json").string(), text, &error)) << error;
  ASSERT_TRUE(WriteFileAtomically((dir / "b.json").string(), text, &error)) << error;

  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles({dir.string()}, problems);
  const auto out = AssessFiles(files, 1);
  ASSERT_EQ(out.size(), 2u);
  // the first read keeps its responses under both criteria
  EXPECT_TRUE(out[0].result.errors.empty());
  EXPECT_TRUE(out[0].result.recist11 && out[0].result.irecist);
  // the later one has an error naming the first file, and no responses at all
  ASSERT_EQ(out[1].result.errors.size(), 1u);
  EXPECT_NE(out[1].result.errors[0].find("is also in " + files[0]), std::string::npos);
  EXPECT_FALSE(out[1].result.recist11);
  EXPECT_FALSE(out[1].result.irecist);
  EXPECT_FALSE(out[1].result.baseline);
}

}  // namespace
}  // namespace nadir::test
