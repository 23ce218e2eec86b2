#include "measure/stats/endpoint_outcome.h"

namespace nadir::stats {

EndpointOutcome EndpointView(const SubjectOutcome& o) {
  return EndpointView(o, o.subject, o.groups, o.covariates);
}

EndpointOutcome EndpointView(const SubjectOutcome& o, std::string_view subject,
                             const std::map<std::string, std::string>& groups,
                             const std::map<std::string, double>& covariates) {
  EndpointOutcome e;
  e.subject = subject;
  e.groups = &groups;
  e.covariates = &covariates;
  e.best = o.best;
  e.best_change_pct = o.best_change_pct;
  e.response_date = o.response_date;
  e.progression_date = o.progression_date;
  e.unconfirmed_progression_date = o.unconfirmed_progression_date;
  e.pfs.obs = o.pfs.obs;
  e.os.obs = o.os.obs;
  if (o.dor) e.dor = EventTime{o.dor->obs};
  e.dor_from = o.dor_from;
  e.treated = o.treated;
  e.evaluable = o.evaluable;
  e.response = o.response;
  e.control = o.control;
  return e;
}

std::vector<EndpointOutcome> EndpointViews(const std::vector<SubjectOutcome>& outcomes) {
  std::vector<EndpointOutcome> out;
  out.reserve(outcomes.size());
  for (const auto& o : outcomes) out.push_back(EndpointView(o));
  return out;
}

}  // namespace nadir::stats
