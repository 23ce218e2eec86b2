// Which reads `nadir recompute` (and later `nadir report`) use when a folder holds several
// readers: one reader's view, or the final read of each subject after central review.
#pragma once

#include <map>
#include <set>
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
/// With --reader: whether `a` is another reader's read (left out), and the note that says how
/// many were.
bool IsOtherReadersRead(const AssessedFile& a, const std::string& reader);
std::string OtherReadersNote(int others, const std::string& reader);

/// Whether the files added so far make a review folder (both review readers read one subject),
/// for commands that stream files before they know which reads to use.
struct ReviewDetector {
  ReviewOptions options;
  // Per subject read by a review reader, which of the two read it (bit 0: the first).
  std::map<std::string, unsigned char> readers_of;
  bool review = false;
  void Add(const AssessedFile& a) {
    if (a.skipped || a.result.subject.empty() || options.readers.size() != 2) return;
    const unsigned char bit = (a.result.reader == options.readers[0] ? 1 : 0) |
                              (a.result.reader == options.readers[1] ? 2 : 0);
    if (bit == 0) return;
    review |= (readers_of[a.result.subject] |= bit) == 3;
  }
};

ReadSelection SelectReads(std::vector<AssessedFile> assessed, const std::string& reader,
                          const ReviewOptions& options = {});

}  // namespace nadir
