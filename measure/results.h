// What the engine computes for one subject (assessment-v1.md, "Results").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "measure/date.h"
#include "measure/response.h"

namespace nadir {

/// RECIST 1.1 response at one follow-up timepoint.
struct TimepointResponse {
  Date date;
  std::string label;
  std::optional<double> sum_mm;    // null when a target was not evaluated and PD is not proven
  std::optional<double> nadir_mm;  // reference for progression (§4.3.1)
  std::optional<double> change_from_baseline_pct;  // unrounded
  std::optional<double> change_from_nadir_pct;     // unrounded
  Response target = Response::kNotApplicable;
  Response nontarget = Response::kNotApplicable;
  NewLesionStatus new_lesions = NewLesionStatus::kNo;
  Response overall = Response::kNE;
  std::string reason;  // the rule that decided `overall`, in words
  // iRECIST only (I2, I4, I9):
  std::optional<double> new_lesion_target_sum_mm;  // never added to sum_mm
  std::vector<std::string> new_lesion_targets;     // ids chosen as new-lesion targets so far
  std::optional<Date> progression_dated_from;      // for iUPD/iCPD: the iUPD opening the episode
  std::optional<bool> clinically_stable;           // as recorded; does not change the response
};

struct BaselineSummary {
  Date date;
  std::optional<double> sum_mm;  // null without target lesions
  int targets = 0;
  int nontargets = 0;
};

/// Best overall response and the dates derived from it (RECIST 1.1 §4.4.3-4.7).
struct BestResponse {
  Response best = Response::kNE;
  std::optional<Date> response_date;     // first CR/PR of the response that counts
  std::optional<Date> control_date;      // first CR/PR/SD of the disease control that counts
  std::optional<Date> progression_date;  // first PD (dated back for confirmed equivocal lesions)
  std::optional<Date> last_adequate_assessment;  // last timepoint with a response other than NE
  std::optional<int> duration_of_response_days;  // response (or control) date to progression
  std::optional<double> best_change_from_baseline_pct;  // smallest change among evaluable sums
  // iRECIST: the iUPD that opened an episode still unconfirmed at the last assessment.
  std::optional<Date> unconfirmed_progression_date;
};

/// The responses of one subject under one criteria (RECIST 1.1 or iRECIST).
struct CriteriaResult {
  std::vector<TimepointResponse> timepoints;  // follow-ups in date order
  BestResponse best;
};
using Recist11Result = CriteriaResult;

struct SubjectResult {
  std::string subject;
  std::string reader;
  std::string file;
  std::map<std::string, std::string> groups;
  std::vector<std::string> errors;  // a subject with errors has no responses
  std::vector<std::string> warnings;
  std::optional<BaselineSummary> baseline;
  std::optional<CriteriaResult> recist11;
  std::optional<CriteriaResult> irecist;
};

}  // namespace nadir
