#include "measure/stats/subject_outcome.h"

#include <algorithm>

namespace nadir::stats {

namespace {

// Days from `start` to `end`, clamped at 0 with a note when `end` comes first.
double DaysFrom(Date start, Date end, const char* what, std::vector<std::string>& notes) {
  const int d = DaysBetween(start, end);
  if (d >= 0) return d;
  notes.push_back(std::string(what) + " " + FormatIsoDate(end) + " is before day 0 " +
                  FormatIsoDate(start) + ": counted as day 0");
  return 0;
}

// The earlier of a progression and a death date, with which one it was (progression on a tie).
std::optional<std::pair<Date, const char*>> FirstEvent(const std::optional<Date>& progression,
                                                       const std::optional<Date>& death) {
  if (progression && (!death || *progression <= *death))
    return std::make_pair(*progression, "progression");
  if (death) return std::make_pair(*death, "death");
  return std::nullopt;
}

}  // namespace

const BestResponse* BestResponseFor(const SubjectResult& result, Criteria criteria) {
  if (!result.errors.empty()) return nullptr;
  switch (criteria) {
    case Criteria::kRecist11:
      return result.recist11 ? &result.recist11->best : nullptr;
    case Criteria::kIRecist:
      return result.irecist ? &result.irecist->best : nullptr;
  }
  return nullptr;
}

SubjectOutcome OutcomeOf(const Subject& subject, const SubjectResult& result, Criteria criteria) {
  SubjectOutcome o;
  o.subject = subject.id.empty() ? result.subject : subject.id;
  o.file = result.file;
  o.groups = subject.groups.empty() ? result.groups : subject.groups;
  o.covariates = subject.covariates;
  o.criteria = criteria;
  o.treated = subject.treatment_start.has_value();
  o.death_date = subject.death_date;
  o.dor_from = subject.protocol.dor_from;
  if (!o.treated) o.notes.push_back("no treatment_start: not in the analysis set");

  const Date day0 = subject.DayZero();
  const BestResponse* best = BestResponseFor(result, criteria);
  if (best) {
    o.best = best->best;
    o.evaluable = best->best != Response::kNE;
    o.response = best->best == Response::kCR || best->best == Response::kPR;
    o.control = IsDiseaseControl(best->best);
    o.best_change_pct = best->best_change_from_baseline_pct;
    o.response_date = best->response_date;
    o.progression_date = best->progression_date;
    o.unconfirmed_progression_date = best->unconfirmed_progression_date;
    o.last_adequate_assessment = best->last_adequate_assessment;
  } else if (!result.errors.empty()) {
    o.notes.push_back("not evaluable: the assessment has errors");
  } else {
    o.notes.push_back(std::string("not evaluable: no ") + CriteriaKey(criteria) +
                      " response computed");
  }
  if (best && !o.evaluable) o.notes.push_back("not evaluable: best overall response NE");
  if (best && best->unconfirmed_progression_date)
    o.notes.push_back("iUPD of " + FormatIsoDate(*best->unconfirmed_progression_date) +
                      " unconfirmed at the last assessment: PFS censored, not an event");

  // PFS: progression or death, else censored at the last adequate assessment (or day 0).
  o.pfs.start = day0;
  if (auto ev = FirstEvent(o.progression_date, o.death_date)) {
    o.pfs.end = ev->first;
    o.pfs.event_kind = ev->second;
    o.pfs.obs = {DaysFrom(day0, ev->first, ev->second, o.notes), true};
  } else if (o.last_adequate_assessment) {
    o.pfs.end = *o.last_adequate_assessment;
    o.pfs.censor_reason = "last adequate assessment";
    o.pfs.obs = {DaysFrom(day0, o.pfs.end, "last adequate assessment", o.notes), false};
  } else {
    o.pfs.end = day0;
    o.pfs.censor_reason = "no adequate assessment";
    o.pfs.obs = {0, false};
  }

  // OS: death, else censored at last known alive, else at the last date the subject was seen.
  o.os.start = day0;
  if (subject.death_date) {
    o.os.end = *subject.death_date;
    o.os.event_kind = "death";
    o.os.obs = {DaysFrom(day0, o.os.end, "death", o.notes), true};
  } else {
    Date seen = day0;
    if (!subject.timepoints.empty()) seen = std::max(seen, subject.timepoints.back().date);
    if (o.last_adequate_assessment) seen = std::max(seen, *o.last_adequate_assessment);
    o.os.end = subject.last_known_alive ? *subject.last_known_alive : seen;
    o.os.censor_reason = subject.last_known_alive ? "last known alive" : "last assessment";
    o.os.obs = {DaysFrom(day0, o.os.end, "last known alive", o.notes), false};
  }

  // DOR: from the response (or the start of disease control) to progression or death.
  const std::optional<Date> dor_start = !best ? std::nullopt
                                        : o.dor_from == DurationFrom::kControl
                                            ? (o.control ? best->control_date : std::nullopt)
                                            : (o.response ? best->response_date : std::nullopt);
  if (dor_start) {
    TimeToEvent d;
    d.start = *dor_start;
    if (auto ev = FirstEvent(o.progression_date, o.death_date)) {
      d.end = ev->first;
      d.event_kind = ev->second;
      d.obs = {DaysFrom(d.start, ev->first, ev->second, o.notes), true};
    } else {
      d.end = o.last_adequate_assessment ? std::max(*o.last_adequate_assessment, d.start) : d.start;
      d.censor_reason = "last adequate assessment";
      d.obs = {double(DaysBetween(d.start, d.end)), false};
    }
    o.dor = d;
  }
  return o;
}

std::string ResponseCode(Response r, Criteria criteria) {
  return criteria == Criteria::kRecist11 ? ToString(r) : ToIRecistString(r);
}

const char* CriteriaKey(Criteria criteria) {
  return criteria == Criteria::kRecist11 ? "recist11" : "irecist";
}

}  // namespace nadir::stats
