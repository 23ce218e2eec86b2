#include "formats/review/final_reads.h"

#include <map>
#include <set>

#include "formats/review/adjudication_json.h"
#include "formats/review/review_folder.h"

namespace nadir {

bool IsOtherReadersRead(const AssessedFile& a, const std::string& reader) {
  return !a.skipped && !a.result.subject.empty() && a.result.reader != reader;
}

std::string OtherReadersNote(int others, const std::string& reader) {
  return std::to_string(others) + " reads by readers other than " + reader +
         " left out (--reader " + reader + ")";
}

namespace {

ReadSelection OneReader(std::vector<AssessedFile> assessed, const std::string& reader) {
  ReadSelection out;
  int others = 0;
  for (auto& a : assessed) {
    if (IsOtherReadersRead(a, reader)) {
      ++others;
      continue;
    }
    out.files.push_back(std::move(a));
  }
  if (others > 0) out.notes.push_back(OtherReadersNote(others, reader));
  return out;
}

std::vector<Adjudication> AdjudicationsAmong(const std::vector<AssessedFile>& assessed,
                                             std::vector<std::string>& notes) {
  std::vector<Adjudication> records;
  for (const auto& a : assessed) {
    if (!a.skipped) continue;
    const auto text = ReadTextFile(a.result.file);
    if (!text) continue;
    const auto doc = nlohmann::ordered_json::parse(*text, nullptr, false);
    if (!doc.is_object() || !doc.contains("format") || doc["format"] != kAdjudicationFormat)
      continue;
    std::vector<std::string> errors;
    Adjudication record = AdjudicationFromJson(doc, a.result.file, errors);
    if (errors.empty())
      records.push_back(std::move(record));
    else
      notes.insert(notes.end(), errors.begin(), errors.end());
  }
  return records;
}

}  // namespace

ReadSelection SelectReads(std::vector<AssessedFile> assessed, const std::string& reader,
                          const ReviewOptions& options) {
  if (!reader.empty()) return OneReader(std::move(assessed), reader);

  std::map<std::string, std::set<std::string>> readers_of;
  for (const auto& a : assessed)
    if (!a.skipped && !a.result.subject.empty())
      readers_of[a.result.subject].insert(a.result.reader);
  bool review = false;
  for (const auto& [subject, readers] : readers_of)
    if (options.readers.size() == 2 && readers.count(options.readers[0]) &&
        readers.count(options.readers[1]))
      review = true;
  if (!review) return ReadSelection{std::move(assessed), {}, false};

  ReadSelection out;
  out.review = true;
  const auto adjudications = AdjudicationsAmong(assessed, out.notes);
  std::vector<SubjectResult> results;
  for (const auto& a : assessed)
    if (!a.skipped) results.push_back(a.result);
  const Review r = BuildReview(results, adjudications, options);
  out.notes.insert(out.notes.end(), r.problems.begin(), r.problems.end());

  std::vector<std::size_t> unplaced;
  for (std::size_t i = 0; i < assessed.size(); ++i)
    if (!assessed[i].skipped && assessed[i].result.subject.empty()) unplaced.push_back(i);
  std::map<std::string, std::size_t> by_file;
  for (std::size_t i = 0; i < assessed.size(); ++i) by_file[assessed[i].result.file] = i;
  std::set<std::string> covered;
  for (const auto& s : r.subjects) {
    covered.insert(s.subject);
    if (!s.final_file.empty()) {
      out.files.push_back(std::move(assessed[by_file.at(s.final_file)]));
      continue;
    }
    // No final read yet: one entry for the subject that says so, never a silent gap.
    AssessedFile held = std::move(assessed[by_file.at(s.reads.front().file)]);
    held.subject.reset();
    held.result.baseline.reset();
    held.result.recist11.reset();
    std::string why = "central review: no final read yet (" + std::string(ToString(s.status));
    for (const auto& d : s.discordances)
      why += "; " + d.Describe(options.readers[0], options.readers[1]);
    for (const auto& n : s.notes) why += "; " + n;
    held.result.errors.push_back(why + "); --reader shows one reader's read");
    out.files.push_back(std::move(held));
  }
  // Reads review could not place (no subject id): keep them with their own errors.
  for (std::size_t i : unplaced) out.files.push_back(std::move(assessed[i]));
  return out;
}

}  // namespace nadir
