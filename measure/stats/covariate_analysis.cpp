#include "measure/stats/covariate_analysis.h"

#include <set>

namespace nadir::stats {

std::vector<std::string> CovariateNames(const std::vector<EndpointOutcome>& outcomes) {
  std::set<std::string> names;
  for (const auto& o : outcomes)
    for (const auto& [name, value] : *o.covariates) names.insert(name);
  return {names.begin(), names.end()};
}

std::vector<std::string> CovariateNames(const std::vector<SubjectOutcome>& outcomes) {
  return CovariateNames(EndpointViews(outcomes));
}

CovariateAnalysis AnalyseCovariate(const std::vector<SubjectOutcome>& outcomes,
                                   const std::string& name,
                                   const std::optional<std::vector<double>>& cuts, double level) {
  return AnalyseCovariate(EndpointViews(outcomes), name, cuts, level);
}

CovariateAnalysis AnalyseCovariate(const std::vector<EndpointOutcome>& outcomes,
                                   const std::string& name,
                                   const std::optional<std::vector<double>>& cuts, double level) {
  CovariateTally tally;
  for (const auto& o : outcomes) tally.Add(o);
  return tally.Analyse(name, cuts, level);
}

void CovariateTally::Add(const EndpointOutcome& o) {
  for (const auto& [name, value] : *o.covariates) names_.insert(name);
  if (!o.treated) return;
  ++treated_;
  for (const auto& [name, value] : *o.covariates)
    values_[name].push_back({value, o.response, o.control});
}

CovariateAnalysis CovariateTally::Analyse(const std::string& name,
                                          const std::optional<std::vector<double>>& cuts,
                                          double level) const {
  CovariateAnalysis a;
  a.name = name;
  std::vector<double> with, without, values;
  std::vector<CovariateOutcome> rows;
  if (const auto it = values_.find(name); it != values_.end()) {
    for (const Value& v : it->second) {
      values.push_back(v.value);
      (v.control ? with : without).push_back(v.value);
      rows.push_back({v.value, v.response, v.control});
    }
  }
  a.missing = treated_ - int(values.size());
  a.n = int(values.size());
  a.with_control = int(with.size());
  a.without_control = int(without.size());
  if (!with.empty()) a.median_with_control = SampleQuantile(with, 0.5);
  if (!without.empty()) a.median_without_control = SampleQuantile(without, 0.5);
  a.test = WilcoxonRankSum(with, without);
  a.tertiles = !cuts.has_value();
  a.bands = RatesByBand(rows, cuts ? *cuts : TertileCuts(values), level);
  a.bands.missing = a.missing;
  return a;
}

}  // namespace nadir::stats
