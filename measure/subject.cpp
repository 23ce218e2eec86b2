#include "measure/subject.h"

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

}  // namespace nadir
