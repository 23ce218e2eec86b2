#include "measure/stats/group_endpoints.h"

#include <set>

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

TimeToEventSummary SummariseTimeToEvent(const std::vector<Observation>& obs,
                                        const EndpointOptions& options) {
  TimeToEventSummary s;
  s.curve = KaplanMeier(obs);
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

GroupEndpoints ComputeGroupEndpoints(const std::vector<const EndpointOutcome*>& members,
                                     const std::string& key,
                                     const std::map<std::string, std::string>& labels,
                                     const EndpointOptions& options) {
  GroupEndpoints g;
  g.key = key;
  g.labels = labels;
  int responses = 0, controls = 0;
  std::vector<Observation> pfs, os, dor;
  for (const EndpointOutcome* o : members) {
    if (!o->treated) continue;
    ++g.n;
    g.evaluable += o->evaluable;
    ++g.best_counts[o->best.value_or(Response::kNE)];
    responses += o->response;
    controls += o->control;
    pfs.push_back(o->pfs.obs);
    os.push_back(o->os.obs);
    if (o->dor) dor.push_back(o->dor->obs);
  }
  g.orr = ClopperPearson(responses, g.n, options.level);
  g.dcr = ClopperPearson(controls, g.n, options.level);
  g.pfs = SummariseTimeToEvent(pfs, options);
  g.os = SummariseTimeToEvent(os, options);
  g.dor = SummariseTimeToEvent(dor, options);
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
  std::vector<GroupEndpoints> out;
  std::vector<const EndpointOutcome*> all;
  for (const auto& o : outcomes) all.push_back(&o);
  out.push_back(ComputeGroupEndpoints(all, "all", {}, options));

  for (const auto& name : by) {
    std::map<std::string, std::vector<const EndpointOutcome*>> groups;
    for (const auto& o : outcomes)
      if (o.treated) groups[GroupValue(o, name)].push_back(&o);
    for (const auto& [value, members] : groups)
      out.push_back(ComputeGroupEndpoints(members, name + "=" + value, {{name, value}}, options));
  }

  if (by.size() >= 2) {
    std::map<std::vector<std::string>, std::vector<const EndpointOutcome*>> cells;
    for (const auto& o : outcomes) {
      if (!o.treated) continue;
      std::vector<std::string> values;
      for (const auto& name : by) values.push_back(GroupValue(o, name));
      cells[values].push_back(&o);
    }
    for (const auto& [values, members] : cells) {
      std::string key;
      std::map<std::string, std::string> labels;
      for (size_t i = 0; i < by.size(); ++i) {
        key += (i ? "," : "") + by[i] + "=" + values[i];
        labels[by[i]] = values[i];
      }
      out.push_back(ComputeGroupEndpoints(members, key, labels, options));
    }
  }
  return out;
}

}  // namespace nadir::stats
