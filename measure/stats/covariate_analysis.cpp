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
  CovariateAnalysis a;
  a.name = name;
  std::vector<double> with, without, values;
  std::vector<CovariateOutcome> rows;
  for (const auto& o : outcomes) {
    if (!o.treated) continue;
    const auto it = o.covariates->find(name);
    if (it == o.covariates->end()) {
      ++a.missing;
      continue;
    }
    values.push_back(it->second);
    (o.control ? with : without).push_back(it->second);
    rows.push_back({it->second, o.response, o.control});
  }
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
