// What one subject contributes to the trial endpoints under one set of criteria: best overall
// response, and the time-to-event data of PFS, OS and duration of response
// (shared/RECIST.md, "Trial endpoints"). Pure: values in, values out; no files.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "measure/date.h"
#include "measure/protocol.h"
#include "measure/response.h"
#include "measure/results.h"
#include "measure/stats/kaplan_meier.h"
#include "measure/subject.h"

namespace nadir::stats {

/// A time to event in whole days from a start date, with the dates it came from.
struct TimeToEvent {
  Observation obs;            // time in days, event or censored
  Date start;                 // day 0 of this endpoint
  Date end;                   // date of the event, or of censoring
  std::string event_kind;     // "progression", "death"; empty when censored
  std::string censor_reason;  // "last adequate assessment", "no adequate assessment", ...
};

/// One subject's outcome under one criteria.
struct SubjectOutcome {
  std::string subject;
  std::string file;
  std::map<std::string, std::string> groups;
  std::map<std::string, double> covariates;
  Criteria criteria = Criteria::kRecist11;

  bool treated = false;          // in the analysis set: the assessment has a treatment_start
  bool evaluable = false;        // a best overall response other than NE was computed
  std::optional<Response> best;  // nullopt when the engine gave no response (errors)
  bool response = false;         // BOR CR or PR (counts for ORR)
  bool control = false;          // BOR CR, PR, SD or NON-CR/NON-PD (counts for DCR)
  std::optional<double> best_change_pct;  // best (smallest) % change of the target sum
  std::optional<Date> response_date;
  std::optional<Date> progression_date;
  std::optional<Date> unconfirmed_progression_date;  // iRECIST: iUPD open at the last assessment
  std::optional<Date> death_date;
  std::optional<Date> last_adequate_assessment;

  TimeToEvent pfs;
  TimeToEvent os;
  std::optional<TimeToEvent> dor;  // responders only (or subjects with control, see dor_from)
  DurationFrom dor_from = DurationFrom::kResponse;
  std::vector<std::string> notes;  // why the subject is not evaluable, dates clamped ...
};

/// The best-response block of `result` for `criteria`, or nullptr when the engine computed
/// none: a subject with errors, or criteria the subject's protocol did not select.
const BestResponse* BestResponseFor(const SubjectResult& result, Criteria criteria);

/// Derives the subject's outcome under `criteria`.
///
/// Inputs: the subject as read (groups, covariates, treatment_start, death_date,
/// last_known_alive, protocol) and the engine's result for it. Dates are whole days.
/// Definitions (shared/RECIST.md "Trial endpoints"; FDA Guidance "Clinical Trial Endpoints for
/// the Approval of Cancer Drugs and Biologics", 2018, Table A on PFS censoring):
/// - treated: the file has `treatment_start`; day 0 of PFS, OS and DOR is that date.
/// - ORR counts BOR CR or PR; DCR counts CR, PR, SD or NON-CR/NON-PD. Subjects without a
///   computed response count in the denominator as not evaluable.
/// - PFS: day 0 to the first of progression (the engine's progression_date: first PD, or iCPD
///   dated per iRECIST I4) and death; otherwise censored at the last adequate assessment,
///   or at day 0 when there was none. Under iRECIST an iUPD still unconfirmed at the last
///   assessment is not an event (it is noted).
/// - OS: day 0 to death; otherwise censored at last_known_alive, or, when the file lacks it,
///   at the latest date the subject was seen (last timepoint or last adequate assessment).
/// - DOR: responders only, from response_date (or control_date where the subject's protocol
///   says `dor_from: "control"`, then for every subject with disease control) to the first of
///   progression and death; otherwise censored at the last adequate assessment.
/// A date before day 0 is clamped to 0 days and noted.
SubjectOutcome OutcomeOf(const Subject& subject, const SubjectResult& result, Criteria criteria);

/// Codes for listings: "CR" ... under RECIST 1.1, "iCR" ... "iCPD" under iRECIST (I8).
std::string ResponseCode(Response r, Criteria criteria);
const char* CriteriaKey(Criteria criteria);  // "recist11", "irecist"

}  // namespace nadir::stats
