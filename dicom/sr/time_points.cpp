// TID 1502 Time Point Context read back; see time_points.h.
#include "dicom/sr/time_points.h"

#include <algorithm>

#include "measure/date.h"

namespace nadir::dicom::sr {

std::string TimePointLabel(const ParsedReport& r) {
  std::string label = r.time_point;
  if (label.empty()) label = r.subject_time_point_id;
  if (label.empty()) label = r.protocol_time_point_id;
  if (label == r.date && r.subject_time_point_id == r.date) label.clear();
  return label;
}

void CheckTimePointContext(const std::vector<const ParsedReport*>& reports,
                           std::vector<std::string>& warnings) {
  for (const ParsedReport* r : reports) {
    // Other writers use identifiers such as "TP2"; only a date can contradict the study date.
    if (ParseIsoDate(r->subject_time_point_id) && r->subject_time_point_id != r->date)
      warnings.push_back(r->file + ": Subject Time Point Identifier '" + r->subject_time_point_id +
                         "' is not the study's date " + r->date + "; the study date is taken");
  }
  std::vector<const ParsedReport*> ordered;
  for (const ParsedReport* r : reports)
    if (r->time_point_order) ordered.push_back(r);
  std::stable_sort(
      ordered.begin(), ordered.end(), [](const ParsedReport* a, const ParsedReport* b) {
        return a->date != b->date ? a->date < b->date : *a->time_point_order < *b->time_point_order;
      });
  for (size_t i = 1; i < ordered.size(); ++i) {
    const ParsedReport& a = *ordered[i - 1];
    const ParsedReport& b = *ordered[i];
    if (*a.time_point_order < *b.time_point_order) continue;
    if (a.date == b.date && *a.time_point_order == *b.time_point_order) continue;  // one timepoint
    warnings.push_back(b.file + ": Time Point Order " + std::to_string(*b.time_point_order) +
                       " (study date " + b.date + ") does not follow " + a.file + "'s " +
                       std::to_string(*a.time_point_order) + " (study date " + a.date +
                       "); timepoints are ordered by study date");
  }
}

}  // namespace nadir::dicom::sr
