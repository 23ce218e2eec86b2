#include "measure/review/agreement.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace nadir {

namespace {

const ReaderRead* ReadBy(const SubjectReview& s, const std::string& reader) {
  for (const auto& r : s.reads)
    if (r.reader == reader) return &r;
  return nullptr;
}

CriteriaAgreement ForCriteria(const std::vector<SubjectReview>& subjects,
                              const ReviewOptions& options, Criteria criteria) {
  CriteriaAgreement out;
  out.criteria = criteria;
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& s : subjects) {
    const ReaderRead* a = ReadBy(s, options.readers[0]);
    const ReaderRead* b = ReadBy(s, options.readers[1]);
    if (!a || !b) continue;
    const auto ia = a->outcomes.find(criteria);
    const auto ib = b->outcomes.find(criteria);
    if (ia == a->outcomes.end() || ib == b->outcomes.end()) continue;
    const CriteriaRead& x = ia->second;
    const CriteriaRead& y = ib->second;
    ++out.compared;
    if (x.best_response == y.best_response) ++out.best_response_agreeing;
    pairs.emplace_back(x.best_response, y.best_response);
    if (x.progression_date || y.progression_date) {
      ++out.progression_compared;
      if (DatesAgree(x.progression_date, y.progression_date, options.rules.date_tolerance_days))
        ++out.progression_within_tolerance;
    }
  }
  std::set<std::string> codes;
  for (const auto& [x, y] : pairs) codes.insert({x, y});
  out.categories.assign(codes.begin(), codes.end());
  std::stable_sort(out.categories.begin(), out.categories.end(),
                   [](const std::string& a, const std::string& b) {
                     return ResponseCodeRank(a) < ResponseCodeRank(b);
                   });
  const std::size_t g = out.categories.size();
  out.table.assign(g, std::vector<int>(g, 0));
  const auto index = [&](const std::string& code) {
    return std::distance(out.categories.begin(),
                         std::find(out.categories.begin(), out.categories.end(), code));
  };
  for (const auto& [x, y] : pairs) ++out.table[index(x)][index(y)];
  out.kappa = CohensKappa(out.table);
  return out;
}

}  // namespace

int ResponseCodeRank(const std::string& code) {
  static const char* const kOrder[] = {"CR",  "PR",  "SD",  "NON-CR/NON-PD",    "PD",   "NE",
                                       "iCR", "iPR", "iSD", "NON-iCR/NON-iUPD", "iUPD", "iCPD"};
  for (std::size_t i = 0; i < std::size(kOrder); ++i)
    if (code == kOrder[i]) return static_cast<int>(i);
  return static_cast<int>(std::size(kOrder));  // unknown codes: after, in alphabetical order
}

TrialAgreement ComputeAgreement(const std::vector<SubjectReview>& subjects,
                                const ReviewOptions& options) {
  TrialAgreement t;
  t.subjects = static_cast<int>(subjects.size());
  for (const auto& s : subjects) {
    switch (s.status) {
      case ReviewStatus::kPending:
        break;
      case ReviewStatus::kAgreed:
        ++t.agreed;
        break;
      case ReviewStatus::kNeedsAdjudication:
        ++t.needing_adjudication;
        break;
      case ReviewStatus::kAdjudicated:
        ++t.needing_adjudication;
        ++t.adjudicated;
        ++t.adjudicator_chose[s.final_reader];
        break;
    }
  }
  t.with_two_reads = t.agreed + t.needing_adjudication;
  for (const auto& reader : options.readers) t.adjudicator_chose.emplace(reader, 0);
  if (options.readers.size() == 2)
    for (Criteria c : options.criteria) t.by_criteria.push_back(ForCriteria(subjects, options, c));
  return t;
}

}  // namespace nadir
