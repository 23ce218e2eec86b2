#include "measure/stats/covariate_analysis.h"

#include <algorithm>
#include <cmath>

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

void CovariateTally::Values::Add(double value, bool response, bool control) {
  Entry e;
  e.value = value == 0.0 ? 0.0 : value;  // -0 and +0 are one value: merged, it prints as 0
  e.count[int(response) * 2 + int(control)] = 1;
  entries.push_back(e);
  if (entries.size() >= 1024 && entries.size() >= 2 * merged) Merge();
}

void CovariateTally::Values::Merge() {
  // Ordered by value, then equal values summed. A non-finite value, which no file should carry,
  // is kept apart as it came (no order holds for NaN; the analysis refuses it as before).
  const auto finite_end = std::partition(entries.begin(), entries.end(),
                                         [](const Entry& e) { return std::isfinite(e.value); });
  std::sort(entries.begin(), finite_end,
            [](const Entry& a, const Entry& b) { return a.value < b.value; });
  std::size_t out = 0;
  const auto finite = std::size_t(finite_end - entries.begin());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i < finite && out > 0 && entries[out - 1].value == entries[i].value) {
      for (int k = 0; k < 4; ++k) entries[out - 1].count[k] += entries[i].count[k];
    } else {
      entries[out++] = entries[i];
    }
  }
  entries.resize(out);
  merged = out;
}

void CovariateTally::Add(const EndpointOutcome& o) {
  for (const auto& [name, value] : *o.covariates) names_.insert(name);
  if (!o.treated) return;
  ++treated_;
  for (const auto& [name, value] : *o.covariates) values_[name].Add(value, o.response, o.control);
}

std::size_t CovariateTally::Entries(const std::string& name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? 0 : it->second.entries.size();
}

CovariateAnalysis CovariateTally::Analyse(const std::string& name,
                                          const std::optional<std::vector<double>>& cuts,
                                          double level) const {
  CovariateAnalysis a;
  a.name = name;
  // The subjects' values again, one covariate at a time: the statistics below are the ones
  // AnalyseCovariate uses, and none depends on the order of the subjects.
  std::vector<double> with, without, values;
  std::vector<CovariateOutcome> rows;
  if (const auto it = values_.find(name); it != values_.end()) {
    for (const Entry& e : it->second.entries)
      for (int k = 0; k < 4; ++k) {
        const bool response = k & 2, control = k & 1;
        for (int i = 0; i < e.count[k]; ++i) {
          values.push_back(e.value);
          (control ? with : without).push_back(e.value);
          rows.push_back({e.value, response, control});
        }
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
