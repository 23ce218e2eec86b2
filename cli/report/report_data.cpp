#include "cli/report/report_data.h"

namespace nadir::report {

Report BuildReport(std::vector<AssessedFile> assessed, const std::vector<std::string>& by,
                   const CutPoints& cuts, const stats::EndpointOptions& options,
                   const std::string& study) {
  Report r;
  r.study = study;
  r.by = by;
  r.options = options;
  for (auto& a : assessed) {
    if (a.skipped) continue;
    if (!a.subject) {
      std::string why = a.result.errors.empty() ? "unreadable" : a.result.errors.front();
      r.unreadable.push_back(a.result.file + ": " + why);
      continue;
    }
    r.assessed.push_back(std::move(a));
  }
  for (Criteria c : {Criteria::kRecist11, Criteria::kIRecist}) {
    CriteriaReport cr;
    cr.criteria = c;
    bool any = false;
    for (const auto& a : r.assessed) {
      cr.outcomes.push_back(stats::OutcomeOf(*a.subject, a.result, c));
      any |= stats::BestResponseFor(a.result, c) != nullptr;
    }
    if (!any) {
      r.criteria_missing.push_back(std::string(stats::CriteriaKey(c)) +
                                   ": no subject has results under these criteria");
      continue;
    }
    cr.groups = stats::EndpointsByGroup(cr.outcomes, by, options);
    for (const auto& name : stats::CovariateNames(cr.outcomes)) {
      const auto it = cuts.find(name);
      cr.covariates.push_back(stats::AnalyseCovariate(
          cr.outcomes, name,
          it == cuts.end() ? std::nullopt : std::optional<std::vector<double>>(it->second),
          options.level));
    }
    r.criteria.push_back(std::move(cr));
  }
  return r;
}

}  // namespace nadir::report
