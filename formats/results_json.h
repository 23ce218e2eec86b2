// The results format (assessment-v1.md, "Results") and the per-timepoint CSV.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "measure/results.h"

namespace nadir {

inline constexpr const char* kResultsFormat = "nadir-results/1";

/// One subject's entry of the results file. Percentages are rounded to one decimal here, at
/// output only; every decision used the unrounded values.
nlohmann::ordered_json SubjectResultToJson(const SubjectResult& result);

/// The whole results document.
nlohmann::ordered_json ResultsToJson(const std::vector<SubjectResult>& results);

/// The results document as text, the same document as ResultsToJson(results).dump(1): each
/// subject is serialised on its own thread (0: one per core), since a trial's results are
/// tens of megabytes and one thread would spend longer writing them than computing them.
std::string ResultsDocumentText(const std::vector<SubjectResult>& results, unsigned threads = 0);

/// One row per subject, criteria and follow-up timepoint, with a column per group label.
std::string TimepointsCsv(const std::vector<SubjectResult>& results);

/// A fixed-width table for people: one line per subject with its best response and dates.
std::string ResponseTable(const std::vector<SubjectResult>& results);

}  // namespace nadir
