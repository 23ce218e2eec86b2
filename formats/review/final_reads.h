// Which reads `nadir recompute` (and later `nadir report`) use when a folder holds several
// readers: one reader's view, or the final read of each subject after central review.
#pragma once

#include <string>
#include <vector>

#include "formats/batch.h"
#include "measure/review/review.h"

namespace nadir {

struct ReadSelection {
  std::vector<AssessedFile> files;  // what to compute and report
  std::vector<std::string> notes;   // what was left out and why, for the command to print
  bool review = false;              // true when final reads of a review were selected
};

/// With `reader` set: only that reader's reads; the others are counted in `notes`.
/// Otherwise, when any subject has reads by both review readers (a review folder): the final
/// read of each subject (agreement: the first reader's; adjudicated: the chosen one), with the
/// adjudication records found among the skipped documents. A subject without a final read yet
/// keeps one entry, without responses, whose error says why. Otherwise `assessed` unchanged.
ReadSelection SelectReads(std::vector<AssessedFile> assessed, const std::string& reader,
                          const ReviewOptions& options = {});

}  // namespace nadir
