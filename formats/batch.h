// Recomputing many assessment files at once: find them, read them, assess them in parallel.
#pragma once

#include <any>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "measure/results.h"
#include "measure/subject.h"

namespace nadir {

/// Assessment files under `paths`: files as given, folders searched recursively for `*.json`,
/// in a stable (sorted) order. A path that does not exist is reported in `problems`.
std::vector<std::string> FindAssessmentFiles(const std::vector<std::string>& paths,
                                             std::vector<std::string>& problems);

/// One file's outcome: its result (with errors when it could not be assessed) and the subject
/// as read, for callers that need more than the responses (endpoints, review). Its
/// `extras.document` is dropped (memory of large trials): it is not one to rewrite.
struct AssessedFile {
  std::optional<Subject> subject;  // sorted timepoints; nullopt when unreadable
  SubjectResult result;
  bool skipped = false;  // another nadir document (results, adjudication) found in a folder
  std::string skip_reason;
  std::vector<std::string> prepared;  // what AssessFilesInOrder's `prepare` made of it
  std::any prepared_value;            // the same, for a caller whose share is not only text
};

struct BatchTimings {
  double read_seconds = 0;    // reading and parsing JSON, summed over threads
  double assess_seconds = 0;  // the engine, summed over threads
  double wall_seconds = 0;
};

/// Reads and assesses every file on `threads` threads (0: one per core). `progress` is called
/// now and then from the calling thread with the number of files done. Subjects appearing in
/// two files with the same reader get an error on the later file; none is dropped.
/// Streams the same work: each file is read and assessed on one of `threads` workers, which
/// then calls `prepare` on it (e.g. to format its output in parallel); `consume` gets the
/// files on the calling thread in the order of `files`. Files go through in blocks of
/// `block` (0: a default), so memory holds one block whatever the number of files, plus one
/// short key per subject to find duplicates (flagged as in AssessFiles; `prepare` is then
/// called again, on the calling thread, on the flagged file).
void AssessFilesInOrder(const std::vector<std::string>& files, unsigned threads,
                        const std::function<void(AssessedFile&)>& prepare,
                        const std::function<void(AssessedFile&&)>& consume,
                        const std::function<void(std::size_t)>& progress = {},
                        BatchTimings* timings = nullptr, std::size_t block = 0);

std::vector<AssessedFile> AssessFiles(const std::vector<std::string>& files, unsigned threads = 0,
                                      const std::function<void(std::size_t)>& progress = {},
                                      BatchTimings* timings = nullptr);

}  // namespace nadir
