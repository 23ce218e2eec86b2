// Small builders for subjects and engine results in the endpoint tests (dates as ISO text).
#pragma once

#include <optional>
#include <string>

#include "measure/results.h"
#include "measure/subject.h"
#include "tests/support/dates.h"

namespace nadir::test {

inline std::optional<Date> OD(const char* iso) {
  return iso ? std::optional<Date>(D(iso)) : std::nullopt;
}

/// A treated subject (treatment start 2026-01-08, baseline 2026-01-05) in `arm` / `dose`.
inline Subject MakeSubject(const std::string& id, const std::string& arm, const std::string& dose,
                           const char* treatment_start = "2026-01-08") {
  Subject s;
  s.id = id;
  s.groups = {{"arm", arm}, {"dose_level", dose}};
  s.treatment_start = OD(treatment_start);
  Timepoint baseline;
  baseline.date = D("2026-01-05");
  s.timepoints.push_back(baseline);
  return s;
}

/// An engine result with RECIST 1.1 best response `best` and the given dates (nullptr: none).
inline SubjectResult MakeResult(const std::string& id, Response best, const char* response,
                                const char* progression, const char* last_adequate,
                                std::optional<double> best_change = std::nullopt) {
  SubjectResult r;
  r.subject = id;
  Recist11Result rr;
  rr.best.best = best;
  rr.best.response_date = OD(response);
  rr.best.control_date = OD(response);
  rr.best.progression_date = OD(progression);
  rr.best.last_adequate_assessment = OD(last_adequate);
  rr.best.best_change_from_baseline_pct = best_change;
  r.recist11 = rr;
  return r;
}

}  // namespace nadir::test
