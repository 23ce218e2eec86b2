// Which reads `nadir recompute` (and later `nadir report`) use when a folder holds several
// readers: one reader's view, or the final read of each subject after central review.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "formats/batch.h"
#include "formats/subject_key_index.h"
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
/// for commands that stream files before they know which reads to use. A "yes" is only a
/// "maybe": the callers then select the reads with SelectReads, which decides exactly.
struct ReviewDetector {
  ReviewOptions options;
  // Per subject read by a review reader, which of the two read it first (1: the first reader,
  // 2: the second), under a 64-bit hash of the subject's id: 12-byte slots, at most half full,
  // where a map of strings took about 70 bytes a subject (issue 18). Ids sharing a hash can
  // only give a false "maybe".
  SubjectKeyIndex readers_of;
  bool review = false;
  void Add(const AssessedFile& a) {
    if (a.skipped || a.result.subject.empty() || options.readers.size() != 2) return;
    const unsigned bit = (a.result.reader == options.readers[0] ? 1u : 0u) |
                         (a.result.reader == options.readers[1] ? 2u : 0u);
    if (bit == 0) return;
    const auto first = readers_of.Insert(SubjectKeyIndex::Key(a.result.subject, ""), bit);
    review |= bit == 3 || (first && *first != bit);
  }
};

ReadSelection SelectReads(std::vector<AssessedFile> assessed, const std::string& reader,
                          const ReviewOptions& options = {});

}  // namespace nadir
