#include "cli/report/report_json.h"

#include "cli/report/report_safety_json.h"
#include "cli/report/text_format.h"

namespace nadir::report {

namespace {

using nlohmann::ordered_json;

ordered_json Opt(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(); }

ordered_json Rate(const stats::Proportion& p) {
  return {{"k", p.k}, {"n", p.n}, {"rate", p.rate}, {"ci_low", p.ci_low}, {"ci_high", p.ci_high}};
}

ordered_json Tte(const stats::TimeToEventSummary& s) {
  ordered_json j = {{"n", s.n},
                    {"events", s.events},
                    {"censored", s.censored},
                    {"median_days", Opt(s.median.median)},
                    {"ci_low_days", Opt(s.median.ci_low)},
                    {"ci_high_days", Opt(s.median.ci_high)},
                    {"median_months", Opt(Months(s.median.median))},
                    {"ci_low_months", Opt(Months(s.median.ci_low))},
                    {"ci_high_months", Opt(Months(s.median.ci_high))}};
  ordered_json landmarks = ordered_json::array();
  for (const auto& l : s.landmarks) {
    ordered_json e = {{"months", l.months}};
    if (l.estimate) {
      e["survival"] = l.estimate->survival;
      e["std_err"] = l.estimate->std_err;
      e["ci_low"] = l.estimate->ci_low;
      e["ci_high"] = l.estimate->ci_high;
      e["at_risk"] = l.estimate->at_risk;
    } else {
      e["survival"] = nullptr;  // follow-up ends before this landmark
    }
    landmarks.push_back(e);
  }
  j["landmarks"] = landmarks;
  ordered_json risk = ordered_json::array();
  for (size_t i = 0; i < s.risk_times_days.size(); ++i)
    risk.push_back({{"months", Months(s.risk_times_days[i])}, {"at_risk", s.at_risk[i]}});
  j["at_risk"] = risk;
  return j;
}

}  // namespace

nlohmann::ordered_json EndpointsJson(const Report& r) {
  ordered_json j;
  j["format"] = "nadir-endpoints/1";
  j["study"] = r.study;
  j["by"] = r.by;
  j["methods"] = {
      {"confidence_level", r.options.level},
      {"rate_interval", "Clopper-Pearson exact, two-sided"},
      {"survival", "Kaplan-Meier, Greenwood standard errors"},
      {"survival_interval_transform", r.options.transform == stats::CiTransform::kLogLog ? "log-log"
                                      : r.options.transform == stats::CiTransform::kLog  ? "log"
                                                                                         : "plain"},
      {"median_interval", "Brookmeyer-Crowley"},
      {"days_per_month", stats::kDaysPerMonth},
      {"time_unit", "days"}};
  j["subjects_read"] = r.subjects_read;
  for (Criteria c : {Criteria::kRecist11, Criteria::kIRecist}) j[stats::CriteriaKey(c)] = nullptr;
  ordered_json covariates = ordered_json::object();
  ordered_json definitions = ordered_json::object();
  for (const auto& c : r.criteria) {
    ordered_json groups = ordered_json::object();
    for (const auto& g : c.groups) {
      ordered_json best = ordered_json::object();
      for (const auto& [resp, n] : g.best_counts) best[stats::ResponseCode(resp, c.criteria)] = n;
      groups[g.key] = {{"labels", g.labels},    {"n", g.n},           {"evaluable", g.evaluable},
                       {"best_response", best}, {"orr", Rate(g.orr)}, {"dcr", Rate(g.dcr)},
                       {"pfs", Tte(g.pfs)},     {"os", Tte(g.os)},    {"dor", Tte(g.dor)}};
    }
    j[c.key] = groups;
    definitions[c.key] = c.definition;
    ordered_json cov = ordered_json::object();
    for (const auto& a : c.covariates) {
      ordered_json bands = ordered_json::array();
      for (const auto& b : a.bands.bands)
        bands.push_back({{"label", b.label},
                         {"lower_exclusive", Opt(b.lower)},
                         {"upper_inclusive", Opt(b.upper)},
                         {"orr", Rate(b.orr)},
                         {"dcr", Rate(b.dcr)}});
      cov[a.name] = {
          {"n", a.n},
          {"missing", a.missing},
          {"with_control", {{"n", a.with_control}, {"median", Opt(a.median_with_control)}}},
          {"without_control",
           {{"n", a.without_control}, {"median", Opt(a.median_without_control)}}},
          {"rank_sum_test",
           {{"w", a.test.w},
            {"p_value", a.test.p_value},
            {"method", a.test.exact ? "exact" : "normal approximation"}}},
          {"bands_from", a.tertiles ? "tertiles" : "given cut points"},
          {"bands", bands}};
    }
    covariates[c.key] = cov;
  }
  j["definitions"] = definitions;
  j["covariates"] = covariates;
  AddSafetyJson(r.safety, j);
  ordered_json notes = ordered_json::array();
  for (const auto& m : r.criteria_missing) notes.push_back(m);
  for (const auto& u : r.unreadable) notes.push_back("unreadable: " + u);
  j["notes"] = notes;
  return j;
}

}  // namespace nadir::report
