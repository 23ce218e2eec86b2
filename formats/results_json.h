// The results format (assessment-v1.md, "Results") and the per-timepoint CSV.
#pragma once

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "measure/results.h"

namespace nadir {

inline constexpr const char* kResultsFormat = "nadir-results/1";

/// Lengths (mm, to the micrometre) and percentages (to one decimal) as the results file holds
/// them: rounded at output only; every decision used the unrounded values.
inline double RoundedMm(double mm) { return std::round(mm * 1000.0) / 1000.0; }
inline double RoundedPct(double pct) { return std::round(pct * 10.0) / 10.0; }

/// One subject's entry of the results file. Percentages are rounded to one decimal here, at
/// output only; every decision used the unrounded values.
nlohmann::ordered_json SubjectResultToJson(const SubjectResult& result);

/// The whole results document as a tree (the tests hold ResultsDocumentText to its dump(1)).
nlohmann::ordered_json ResultsToJson(const std::vector<SubjectResult>& results);

/// The whole results document as text: "format" and "subjects" (each SubjectResultToJson,
/// dumped with indent 1). Each subject is serialised on its own thread (0: one per core), since
/// a trial's results are tens of megabytes and one thread would spend longer writing them than
/// computing them.
std::string ResultsDocumentText(const std::vector<SubjectResult>& results, unsigned threads = 0);

/// One row per subject, criteria and follow-up timepoint, with a column per group label.
std::string TimepointsCsv(const std::vector<SubjectResult>& results);

/// A fixed-width table for people: one line per subject with its best response and dates.
std::string ResponseTable(const std::vector<SubjectResult>& results);

// The pieces of the documents above, for writing them one subject at a time
// (formats/results_stream.h): the same bytes as the whole-document functions.

/// One subject's element of the results document's "subjects" array, indented: the bytes of
/// SubjectResultToJson(result).dump(1) with two more spaces on every line, written directly.
std::string SubjectResultDocumentPart(const SubjectResult& result);
std::string ResultsDocumentHead();
std::string ResultsDocumentTail(bool empty);

/// A row whose group columns, known only once every subject is read, go between its two
/// halves: `prefix` (subject, reader) and `rest` (ends with a newline).
struct SplitRow {
  std::string prefix;
  std::string rest;
};
std::string JoinRow(const SplitRow& row, const std::set<std::string>& keys,
                    const std::map<std::string, std::string>& groups,
                    std::string (*cell)(const std::string* value));

std::string TimepointsCsvHeader(const std::set<std::string>& keys);
std::string TimepointsCsvCell(const std::string* value);  // nullptr: the subject has none
std::vector<SplitRow> TimepointsCsvRows(const SubjectResult& result);

std::string ResponseTableHeader(const std::set<std::string>& keys);
std::string ResponseTableCell(const std::string* value);
SplitRow ResponseTableRow(const SubjectResult& result);

}  // namespace nadir
