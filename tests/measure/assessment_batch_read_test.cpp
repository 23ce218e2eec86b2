// The batch reader (simdjson) against the reader of single files (nlohmann): the same subject,
// the same errors and warnings word for word, for every file of the project, generated
// subjects, inputs where the two JSON libraries could differ, and mutations of a document.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "formats/assessment_json.h"
#include "formats/synthetic_trial.h"

namespace nadir::test {
namespace {

namespace fs = std::filesystem;

// Compares everything the two readings give; returns false (with a message) at the first
// difference so that loops over thousands of inputs stop early.
::testing::AssertionResult SameReading(const std::string& text) {
  LoadedAssessment single = ParseAssessment(text, "f.json");
  const LoadedAssessment batch = ParseAssessmentForBatch(text, "f.json");
  auto fail = [&](const std::string& what) {
    return ::testing::AssertionFailure() << what << " for input: " << text.substr(0, 300);
  };
  if (single.errors != batch.errors)
    return fail("errors differ (" + std::to_string(single.errors.size()) + " vs " +
                std::to_string(batch.errors.size()) + ")");
  if (single.warnings != batch.warnings) return fail("warnings differ");
  if (single.format != batch.format) return fail("format differs");
  if (single.subject.has_value() != batch.subject.has_value()) return fail("subject presence");
  if (!batch.document.is_null()) return fail("the batch reading keeps a document");
  if (single.subject) {
    if (!batch.subject->extras.document.empty()) return fail("the batch keeps the text");
    single.subject->extras.document.clear();
    if (single.subject->extras.tracking_uids != batch.subject->extras.tracking_uids)
      return fail("tracking UIDs differ");
    const auto a = AssessmentToJson(*single.subject).dump();
    const auto b = AssessmentToJson(*batch.subject).dump();
    if (a != b) return fail("subjects differ:\n" + a + "\n" + b);
  }
  return ::testing::AssertionSuccess();
}

std::vector<std::string> JsonFilesUnder(const std::string& root) {
  std::vector<std::string> texts;
  if (!fs::exists(root)) return texts;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".json")
      texts.push_back(*ReadTextFile(e.path().string()));
  return texts;
}

TEST(AssessmentBatchRead, EveryFileOfTheProjectReadsAlike) {
  std::size_t n = 0;
  for (const char* root :
       {NADIR_SAMPLE_DATA, NADIR_FORMAT_EXAMPLES, NADIR_SHARED_EXAMPLES, NADIR_CRASH_DATA}) {
    for (const auto& text : JsonFilesUnder(root)) {
      ASSERT_TRUE(SameReading(text));
      // A readable file is read by simdjson: the fallback is for problems only.
      const auto batch = ParseAssessmentForBatch(text, "f.json");
      EXPECT_EQ(batch.by_simdjson, batch.errors.empty()) << text.substr(0, 200);
      ++n;
    }
  }
  EXPECT_GT(n, 20u);  // the sample trial alone has more
}

TEST(AssessmentBatchRead, GeneratedSubjectsReadAlike) {
  for (int i = 0; i < 1500; ++i) {
    const std::string text = AssessmentToJson(SyntheticSubject(7, i)).dump(1);
    ASSERT_TRUE(SameReading(text)) << "subject " << i;
    ASSERT_TRUE(ParseAssessmentForBatch(text, "f.json").by_simdjson) << "subject " << i;
  }
}

// Where simdjson and nlohmann could disagree: each must read as nlohmann reads it.
TEST(AssessmentBatchRead, InputsWhereTheJsonLibrariesDifferReadAlike) {
  const std::string head = R"({"format":"nadir-assessment/1","subject":"S",)";
  const std::string tp = R"("timepoints":[{"date":"2026-01-05","lesions":[)";
  const std::string target = R"({"id":"T1","kind":"target","long_axis_mm":30})";
  const std::vector<std::string> cases = {
      // duplicate keys: nlohmann keeps the last value
      head + R"("subject":"S2",)" + tp + target + "]}]}",
      head + R"("covariates":{"age":50,"age":null},)" + tp + target + "]}]}",
      head + R"("covariates":{"age":null,"age":50},)" + tp + target + "]}]}",
      head + R"("groups":{"arm":"IP","arm":"IV"},)" + tp + target + "]}]}",
      head + tp + R"({"id":"T1","kind":"target","long_axis_mm":30,"long_axis_mm":31}]}]})",
      head + tp + R"({"id":"T1","id":"T2","kind":"target","long_axis_mm":30}]}]})",
      // numbers: negative zero, whole doubles, huge and tiny values, big integers
      head + R"("protocol":{"confirm_min_days":-0},)" + tp + target + "]}]}",
      head + R"("protocol":{"confirm_min_days":28.0},)" + tp + target + "]}]}",
      head + R"("protocol":{"confirm_min_days":9223372036854775808},)" + tp + target + "]}]}",
      head + R"("protocol":{"confirm_min_days":18446744073709551616},)" + tp + target + "]}]}",
      head + tp + R"({"id":"T1","kind":"target","long_axis_mm":1e400}]}]})",
      head + tp + R"({"id":"T1","kind":"target","long_axis_mm":1e-400}]}]})",
      head + tp + R"({"id":"T1","kind":"target","long_axis_mm":-0.0}]}]})",
      head + R"("groups":{"dose":3,"n":18446744073709551615},)" + tp + target + "]}]}",
      // strings: escapes, surrogates, NUL, invalid UTF-8
      head + R"("reader":"R\u00e9\n\"1\"",)" + tp + target + "]}]}",
      head + R"("reader":"\ud83d\ude00",)" + tp + target + "]}]}",
      head + R"("reader":"\ud800",)" + tp + target + "]}]}",
      head + R"("reader":"\udc00",)" + tp + target + "]}]}",
      head + R"("reader":"a\u0000b",)" + tp + target + "]}]}",
      head + "\"reader\":\"\xff\xfe\"," + tp + target + "]}]}",
      head + "\"reader\":\"\xc3\x28\"," + tp + target + "]}]}",
      // document shape: BOM, trailing text, scalars, empty, deep nesting
      "\xef\xbb\xbf" + head + tp + target + "]}]}",
      head + tp + target + "]}]} x",
      head + tp + target + "]}]}\n\n  ",
      "null",
      "",
      "[]",
      "42",
      std::string(3000, '[') + std::string(3000, ']'),
      head + R"("covariates":)" + std::string(2000, '[') + std::string(2000, ']') + "," + tp +
          target + "]}]}",
      // unknown and tracking fields, nested odd values
      head + tp + R"({"id":"T1","kind":"target","long_axis_mm":30,"tracking_uid":"2.25.1"}]}]})",
      head + tp + R"({"id":"T1","kind":"target","long_axis_mm":30,"tracking_uid":7}]}]})",
      head + tp + R"({"id":"T1","kind":"target","long_axis_mm":30,"x":{"y":[1,{"z":null}]}}]}]})",
      head + R"("protocol":{"criteria":["iRECIST","RECIST1.1"]},)" + tp + target + "]}]}",
      head + R"("protocol":{"criteria":[]},)" + tp + target + "]}]}",
      head + R"("protocol":{"criteria":[1]},)" + tp + target + "]}]}",
  };
  for (const auto& text : cases) EXPECT_TRUE(SameReading(text));
}

// Every one-character deletion and a few replacements across a full document: thousands of
// broken and still-valid variants, each read alike.
TEST(AssessmentBatchRead, MutationsOfADocumentReadAlike) {
  const std::string doc = AssessmentToJson(SyntheticSubject(3, 11)).dump();
  const char replacements[] = {'"', '1', '-', '}', ']', ',', 'e', '0', '.', ' ', 'n'};
  std::size_t n = 0;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    std::string cut = doc;
    cut.erase(i, 1);
    ASSERT_TRUE(SameReading(cut)) << "deleted at " << i;
    const char r = replacements[i % sizeof replacements];
    std::string swapped = doc;
    swapped[i] = r;
    ASSERT_TRUE(SameReading(swapped)) << "replaced at " << i;
    n += 2;
  }
  EXPECT_GT(n, 1000u);
}

}  // namespace
}  // namespace nadir::test
