#include "measure/subject.h"

#include <algorithm>

namespace nadir {

const LesionRecord* Timepoint::Find(const std::string& id) const {
  for (const auto& l : lesions)
    if (l.id == id) return &l;
  return nullptr;
}

Date Subject::DayZero() const {
  if (treatment_start) return *treatment_start;
  return timepoints.empty() ? Date{} : timepoints.front().date;
}

void SortTimepoints(Subject& s) {
  if (!s.listed_first && !s.timepoints.empty()) s.listed_first = s.timepoints.front().date;
  std::stable_sort(s.timepoints.begin(), s.timepoints.end(),
                   [](const Timepoint& a, const Timepoint& b) { return a.date < b.date; });
}

}  // namespace nadir
