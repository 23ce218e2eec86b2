// Streaming a batch (AssessFilesInOrder, formats/results_stream.h): the same outputs, byte for
// byte, as building whole documents, with a block much smaller than the batch.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "formats/assessment_json.h"
#include "formats/batch.h"
#include "formats/results_json.h"
#include "formats/results_stream.h"
#include "formats/synthetic_trial.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/text_file.h"

namespace nadir::test {
namespace {

namespace fs = std::filesystem;

TEST(AssessFilesInOrder, StreamedOutputsEqualWholeDocuments) {
  const ScratchDir dir;
  std::vector<std::string> files;
  for (int i = 0; i < 23; ++i) {
    Subject s = SyntheticSubject(7, i % 20);             // 20..22 repeat 0..2: duplicates, flagged
    if (i == 5) s.groups["site"] = "Lyon, \"B\"\nwing";  // a group only one subject has
    files.push_back((dir / ("S" + std::to_string(100 + i) + ".json")).string());
    std::ofstream(files.back()) << AssessmentToJson(s).dump(1);
  }
  std::ofstream((dir / "S200.json").string()) << "{\"format\": \"nadir-assessment/1\"";
  files.push_back((dir / "S200.json").string());

  std::vector<SubjectResult> whole;
  for (const auto& f : AssessFiles(files, 2)) whole.push_back(f.result);

  OutputFile json, csv;
  std::string error;
  ASSERT_TRUE(json.Open((dir / "results.json").string(), &error)) << error;
  ASSERT_TRUE(csv.Open((dir / "tp.csv").string(), &error)) << error;
  GroupedRowSpool rows;
  std::size_t n = 0, flagged = 0;
  ASSERT_TRUE(json.Write(ResultsDocumentHead()));
  AssessFilesInOrder(
      files, 3,
      [](AssessedFile& a) {
        a.prepared = {SubjectResultDocumentPart(a.result),
                      SpoolRecord(a.result.groups, TimepointsCsvRows(a.result))};
      },
      [&](AssessedFile&& a) {
        EXPECT_EQ(a.result.file, files[n]);  // in the order given
        flagged += a.result.errors.size() == 1 && !a.result.recist11;
        ASSERT_TRUE(json.Write(n++ ? ",\n" : "\n") && json.Write(a.prepared[0]));
        rows.Add(a.prepared[1], a.result.groups);
      },
      {}, nullptr, /*block=*/4);
  ASSERT_TRUE(json.Write(ResultsDocumentTail(n == 0)));
  ASSERT_TRUE(json.Commit(&error)) << error;
  ASSERT_TRUE(csv.Write(TimepointsCsvHeader(rows.keys())));
  ASSERT_TRUE(rows.WriteTo(csv, TimepointsCsvCell));
  ASSERT_TRUE(csv.Commit(&error)) << error;

  EXPECT_EQ(n, files.size());
  EXPECT_EQ(flagged, 4u);  // three duplicates across blocks, one unreadable file
  EXPECT_EQ(ReadText(dir / "results.json"), ResultsDocumentText(whole, 1));
  EXPECT_EQ(ReadText(dir / "tp.csv"), TimepointsCsv(whole));
  EXPECT_FALSE(fs::exists((dir / "results.json").string() + ".tmp-" + std::to_string(::getpid())));
}

TEST(OutputFile, UncommittedOutputLeavesNoFile) {
  const ScratchDir dir;
  const std::string path = (dir / "out").string();
  {
    OutputFile out;
    std::string error;
    ASSERT_TRUE(out.Open(path, &error)) << error;
    ASSERT_TRUE(out.Write("partial"));
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".tmp-" + std::to_string(::getpid())));
}

}  // namespace
}  // namespace nadir::test
