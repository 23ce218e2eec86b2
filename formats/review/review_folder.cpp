#include "formats/review/review_folder.h"

#include <cstdio>

#include "formats/review/adjudication_json.h"

namespace nadir {

ReviewFolder LoadReviewFolder(const std::vector<std::string>& paths, unsigned threads) {
  ReviewFolder folder;
  const auto files = FindAssessmentFiles(paths, folder.problems);
  auto assessed = AssessFiles(files, threads);
  for (auto& a : assessed) {
    if (!a.skipped) {
      folder.reads.push_back(std::move(a));
      continue;
    }
    // Another nadir document: an adjudication record is read, anything else only listed.
    const auto text = ReadTextFile(a.result.file);
    if (!text) {
      folder.problems.push_back(a.result.file + ": cannot read the file");
      continue;
    }
    const auto doc = nlohmann::ordered_json::parse(*text, nullptr, false);
    const bool is_record =
        doc.is_object() && doc.contains("format") && doc["format"] == kAdjudicationFormat;
    if (!is_record) {
      folder.skipped.push_back(a.result.file + ": " + a.skip_reason);
      continue;
    }
    std::vector<std::string> errors;
    Adjudication record = AdjudicationFromJson(doc, a.result.file, errors);
    if (errors.empty())
      folder.adjudications.push_back(std::move(record));
    else
      folder.problems.insert(folder.problems.end(), errors.begin(), errors.end());
  }
  return folder;
}

}  // namespace nadir
