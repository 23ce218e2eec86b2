// The part of a SubjectOutcome that the endpoint tables, the covariate analyses and the plots
// read: numbers, dates and views of the subject's id and labels. A trial report keeps one per
// subject and criteria, so it holds no strings or maps of its own: the id and the label maps
// are owned once per subject elsewhere (the report, or the SubjectOutcome it was made from).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "measure/stats/subject_outcome.h"

namespace nadir::stats {

/// A time to event without the dates and descriptions it came from (the listings have them).
struct EventTime {
  Observation obs;
};

struct EndpointOutcome {
  std::string_view subject;                                    // owned by whoever made the view
  const std::map<std::string, std::string>* groups = nullptr;  // never null once made
  const std::map<std::string, double>* covariates = nullptr;   // never null once made
  std::optional<Response> best;
  std::optional<double> best_change_pct;
  std::optional<Date> response_date;
  std::optional<Date> progression_date;
  std::optional<Date> unconfirmed_progression_date;
  EventTime pfs;
  EventTime os;
  std::optional<EventTime> dor;
  DurationFrom dor_from = DurationFrom::kResponse;
  bool treated = false;
  bool evaluable = false;
  bool response = false;
  bool control = false;
};

/// The endpoint part of `o`, viewing its id and labels: valid while `o` lives unchanged.
EndpointOutcome EndpointView(const SubjectOutcome& o);

/// The same with the id and labels of the subject taken from elsewhere (they must outlive it).
EndpointOutcome EndpointView(const SubjectOutcome& o, std::string_view subject,
                             const std::map<std::string, std::string>& groups,
                             const std::map<std::string, double>& covariates);

/// EndpointView of each outcome, in order.
std::vector<EndpointOutcome> EndpointViews(const std::vector<SubjectOutcome>& outcomes);

}  // namespace nadir::stats
