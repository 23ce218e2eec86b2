// A review folder: every reader's assessment files and the adjudication records beside them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "formats/assessment_json.h"  // ReadTextFile
#include "formats/batch.h"
#include "measure/review/adjudication.h"

namespace nadir {

struct ReviewFolder {
  std::vector<AssessedFile> reads;          // every assessment, assessed, in file order
  std::vector<Adjudication> adjudications;  // the records without errors
  std::vector<std::string> problems;        // unreadable paths and bad adjudication records
  std::vector<std::string> skipped;         // other nadir documents (results, reviews): why
};

/// Finds `*.json` under `paths` (files or folders, recursively), assesses every assessment on
/// `threads` threads and reads every `nadir-adjudication/1` record.
ReviewFolder LoadReviewFolder(const std::vector<std::string>& paths, unsigned threads = 0);

}  // namespace nadir
