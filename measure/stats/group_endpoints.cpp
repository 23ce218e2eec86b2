#include "measure/stats/group_endpoints.h"

#include <utility>

namespace nadir::stats {

namespace {

std::string ValueOf(const std::map<std::string, std::string>& groups, const std::string& name) {
  const auto it = groups.find(name);
  return it == groups.end() || it->second.empty() ? "(missing)" : it->second;
}

}  // namespace

std::string GroupValue(const SubjectOutcome& o, const std::string& name) {
  return ValueOf(o.groups, name);
}

std::string GroupValue(const EndpointOutcome& o, const std::string& name) {
  return ValueOf(*o.groups, name);
}

TimeToEventSummary SummariseTally(const KmTally& tally, const EndpointOptions& options) {
  TimeToEventSummary s;
  s.curve = KaplanMeierOfTally(tally);
  s.n = s.curve.n;
  s.events = s.curve.events;
  s.censored = s.curve.censored;
  s.median = MedianSurvival(s.curve, options.level, options.transform);
  for (double m : options.landmark_months)
    s.landmarks.push_back(
        {m, SurvivalAt(s.curve, m * kDaysPerMonth, options.transform, options.level)});
  if (options.risk_table_step_months > 0)
    for (double m = 0; m <= options.risk_table_max_months + 1e-9;
         m += options.risk_table_step_months)
      s.risk_times_days.push_back(m * kDaysPerMonth);
  s.at_risk = NumbersAtRisk(s.curve, s.risk_times_days);
  return s;
}

void GroupTally::Add(const EndpointOutcome& o) {
  if (!o.treated) return;
  // A bad time throws before any count changes.
  KmTally::Check(o.pfs.obs);
  KmTally::Check(o.os.obs);
  if (o.dor) KmTally::Check(o.dor->obs);
  pfs.Add(o.pfs.obs);
  os.Add(o.os.obs);
  if (o.dor) dor.Add(o.dor->obs);
  ++n;
  evaluable += o.evaluable;
  ++best_counts[o.best.value_or(Response::kNE)];
  responses += o.response;
  controls += o.control;
}

GroupEndpoints GroupTally::Finish(const std::string& key,
                                  const std::map<std::string, std::string>& labels,
                                  const EndpointOptions& options) const {
  GroupEndpoints g;
  g.key = key;
  g.labels = labels;
  g.n = n;
  g.evaluable = evaluable;
  g.best_counts = best_counts;
  g.orr = ClopperPearson(responses, n, options.level);
  g.dcr = ClopperPearson(controls, n, options.level);
  g.pfs = SummariseTally(pfs, options);
  g.os = SummariseTally(os, options);
  g.dor = SummariseTally(dor, options);
  return g;
}

std::vector<GroupEndpoints> EndpointsByGroup(const std::vector<SubjectOutcome>& outcomes,
                                             const std::vector<std::string>& by,
                                             const EndpointOptions& options) {
  return EndpointsByGroup(EndpointViews(outcomes), by, options);
}

std::vector<GroupEndpoints> EndpointsByGroup(const std::vector<EndpointOutcome>& outcomes,
                                             const std::vector<std::string>& by,
                                             const EndpointOptions& options) {
  EndpointTally tally(by);
  for (const auto& o : outcomes) tally.Add(o);
  return tally.Finish(options);
}

EndpointTally::EndpointTally(std::vector<std::string> by)
    : by_(std::move(by)), by_value_(by_.size()) {}

void EndpointTally::Add(const EndpointOutcome& o) {
  all_.Add(o);
  if (!o.treated) return;
  std::vector<std::string> values;
  for (const auto& name : by_) values.push_back(GroupValue(o, name));
  for (size_t i = 0; i < by_.size(); ++i) by_value_[i][values[i]].Add(o);
  if (by_.size() >= 2) cells_[values].Add(o);
}

std::vector<GroupEndpoints> EndpointTally::Finish(const EndpointOptions& options) const {
  std::vector<GroupEndpoints> out;
  out.push_back(all_.Finish("all", {}, options));
  for (size_t i = 0; i < by_.size(); ++i)
    for (const auto& [value, tally] : by_value_[i])
      out.push_back(tally.Finish(by_[i] + "=" + value, {{by_[i], value}}, options));
  for (const auto& [values, tally] : cells_) {
    std::string key;
    std::map<std::string, std::string> labels;
    for (size_t i = 0; i < by_.size(); ++i) {
      key += (i ? "," : "") + by_[i] + "=" + values[i];
      labels[by_[i]] = values[i];
    }
    out.push_back(tally.Finish(key, labels, options));
  }
  return out;
}

}  // namespace nadir::stats
