// One reader's assessment of one subject: the value the whole engine works on.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "measure/date.h"
#include "measure/lesion.h"
#include "measure/protocol.h"

namespace nadir {

struct Timepoint {
  Date date;
  std::string label;
  std::string study_uid;
  std::vector<LesionRecord> lesions;
  std::optional<bool> clinically_stable;  // iRECIST I9, when the protocol collects it

  const LesionRecord* Find(const std::string& id) const;
};

struct Subject {
  std::string id;
  std::string reader;
  std::map<std::string, std::string> groups;  // arm, dose level ...
  std::map<std::string, double> covariates;   // e.g. cd70_positive_pct
  std::optional<Date> treatment_start;
  std::optional<Date> death_date;
  std::optional<Date> last_known_alive;
  // Counts in the 3+3 dose escalation (issue 21); false for a subject the protocol excludes
  // from DLT evaluation (e.g. dosed below the level, or left before the DLT window ended).
  bool dlt_evaluable = true;
  Protocol protocol;
  std::vector<Timepoint> timepoints;  // sorted by date; the first is the baseline

  /// Day 0 for SD duration, PFS and OS: treatment start, else the baseline date.
  Date DayZero() const;
};

}  // namespace nadir
