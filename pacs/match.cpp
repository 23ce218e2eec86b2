// Re-checks a query's keys on the studies a peer returned (see match.h).
#include "pacs/match.h"

#include <functional>
#include <sstream>

namespace nadir::pacs {

bool WildcardMatch(const std::string& pattern, const std::string& value) {
  // Iterative glob with one backtrack point: linear enough for DICOM's 64-character values.
  size_t p = 0, v = 0, star = std::string::npos, mark = 0;
  while (v < value.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == value[v])) {
      ++p;
      ++v;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = v;
    } else if (star != std::string::npos) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {

// A multi-valued answer (ModalitiesInStudy "CT\SR") matches when one of its values does.
bool AnyValueMatches(const std::string& pattern, const std::string& values) {
  std::stringstream ss(values);
  for (std::string v; std::getline(ss, v, '\\');)
    if (WildcardMatch(pattern, v)) return true;
  return false;
}

struct Key {
  const char* name;  // as messages say it, with its tag
  std::string wanted;
  std::function<std::string(const StudyRecord&)> answer;
  bool multi_valued = false;
};

}  // namespace

std::vector<StudyRecord> KeepMatching(const StudyQuery& query, std::vector<StudyRecord> studies,
                                      std::vector<std::string>& warnings) {
  const std::vector<Key> keys = {
      {"Patient ID (0010,0020)", query.patient_id, [](auto& s) { return s.patient_id; }},
      {"Accession Number (0008,0050)", query.accession_number,
       [](auto& s) { return s.accession_number; }},
      {"Modalities in Study (0008,0061)", query.modality, [](auto& s) { return s.modalities; },
       true},
      {"Clinical Trial Subject ID (0012,0040)", query.subject_id,
       [](auto& s) { return s.subject_id; }},
      {"Clinical Trial Time Point ID (0012,0050)", query.time_point_id,
       [](auto& s) { return s.time_point_id; }},
      {"Study Instance UID (0020,000D)", query.study_uid, [](auto& s) { return s.study_uid; }},
  };
  for (const Key& key : keys) {
    if (key.wanted.empty() || key.wanted == "*") continue;
    int missing = 0, different = 0;
    std::vector<StudyRecord> kept;
    for (auto& s : studies) {
      const std::string got = key.answer(s);
      if (got.empty())
        ++missing;
      else if (!(key.multi_valued ? AnyValueMatches(key.wanted, got)
                                  : WildcardMatch(key.wanted, got)))
        ++different;
      else
        kept.push_back(std::move(s));
    }
    if (missing)
      warnings.push_back("the PACS returned no " + std::string(key.name) + " for " +
                         std::to_string(missing) +
                         " studies, so it cannot match on it: they are not shown (query by "
                         "patient ID instead)");
    if (different)
      warnings.push_back("the PACS returned " + std::to_string(different) + " studies whose " +
                         key.name + " is not '" + key.wanted + "': they are not shown");
    studies = std::move(kept);
  }
  // Dates: YYYYMMDD compares as text; either end may be open.
  if (!query.date_from.empty() || !query.date_to.empty()) {
    int outside = 0;
    std::vector<StudyRecord> kept;
    for (auto& s : studies) {
      const bool in = !s.study_date.empty() &&
                      (query.date_from.empty() || s.study_date >= query.date_from) &&
                      (query.date_to.empty() || s.study_date <= query.date_to);
      if (in)
        kept.push_back(std::move(s));
      else
        ++outside;
    }
    if (outside)
      warnings.push_back("the PACS returned " + std::to_string(outside) +
                         " studies without a Study Date (0008,0020) in " + query.date_from + "-" +
                         query.date_to + ": they are not shown");
    studies = std::move(kept);
  }
  return studies;
}

}  // namespace nadir::pacs
