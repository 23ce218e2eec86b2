#include "cli/report/report_safety_json.h"

namespace nadir::report {

namespace {

using nlohmann::ordered_json;

ordered_json Opt(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(); }

ordered_json Count(const stats::SubjectCount& c) { return {{"k", c.k}, {"n", c.n}}; }

ordered_json Geo(const stats::GeometricSummary& g) {
  return {{"n", g.n},
          {"geometric_mean", Opt(g.mean)},
          {"geometric_cv_pct", Opt(g.cv_pct)},
          {"not_positive", g.not_positive}};
}

ordered_json Tally(const stats::SafetyTally& t) {
  ordered_json j = {
      {"any_ae", Count(t.any_ae)},   {"grade_3_plus", Count(t.grade_3_plus)},
      {"serious", Count(t.serious)}, {"related", Count(t.related)},
      {"crs", Count(t.crs)},         {"crs_grade_3_plus", Count(t.crs_grade_3_plus)},
      {"icans", Count(t.icans)},     {"icans_grade_3_plus", Count(t.icans_grade_3_plus)}};
  ordered_json worst = ordered_json::object();
  for (const auto& [g, c] : t.worst_grade) worst[std::to_string(g)] = Count(c);
  j["worst_grade"] = worst;
  ordered_json rows = ordered_json::array();
  for (const auto& row : t.by_soc_and_term)
    rows.push_back({{"soc", row.soc},
                    {"term", row.term.empty() ? ordered_json() : ordered_json(row.term)},
                    {"any_grade", Count(row.any)},
                    {"grade_3_plus", Count(row.grade_3_plus)}});
  j["by_soc_and_term"] = rows;
  return j;
}

}  // namespace

void AddSafetyJson(const TrialSafety& s, nlohmann::ordered_json& j) {
  ordered_json esc = ordered_json::object();
  for (const auto& a : s.escalation) {
    ordered_json levels = ordered_json::array();
    for (const auto& l : a.escalation.levels)
      levels.push_back({{"dose_level", l.dose_level},
                        {"treated", l.treated},
                        {"evaluable", l.evaluable},
                        {"dlt", l.dlt},
                        {"decision", stats::DecisionKey(l.decision)}});
    esc[a.arm] = {{"levels", levels},
                  {"mtd", a.escalation.mtd ? ordered_json(*a.escalation.mtd) : ordered_json()},
                  {"mtd_status", stats::MtdStatusKey(a.escalation.status)},
                  {"mtd_reason", a.escalation.reason},
                  {"dlt_subjects", a.dlt_subjects}};
  }
  j["escalation"] = s.has_adverse_events ? esc : ordered_json();

  ordered_json safety = ordered_json::object();
  for (const auto& g : s.safety) safety[g.key] = Tally(g.tally);
  j["safety"] = s.has_adverse_events ? safety : ordered_json();

  if (s.has_kinetics) {
    ordered_json subjects = ordered_json::object();
    for (const auto& k : s.kinetics)
      subjects[k.subject] = {{"cmax", Opt(k.nca.cmax)},       {"tmax_day", Opt(k.nca.tmax)},
                             {"clast", Opt(k.nca.clast)},     {"tlast_day", Opt(k.nca.tlast)},
                             {"auc_0_28", Opt(k.nca.auc[0])}, {"auc_0_90", Opt(k.nca.auc[1])}};
    ordered_json groups = ordered_json::object();
    for (const auto& g : s.kinetics_groups)
      groups[g.key] = {{"n", g.n},
                       {"cmax", Geo(g.cmax)},
                       {"auc_0_28", Geo(g.auc_0_28)},
                       {"auc_0_90", Geo(g.auc_0_90)},
                       {"tmax_day",
                        {{"n", g.tmax.n},
                         {"median", Opt(g.tmax.median)},
                         {"min", Opt(g.tmax.min)},
                         {"max", Opt(g.tmax.max)}}}};
    j["kinetics"] = {{"unit", s.kinetics_unit},
                     {"auc_unit", s.kinetics_unit.empty() ? "" : s.kinetics_unit + " x day"},
                     {"subjects", subjects},
                     {"groups", groups}};
  } else {
    j["kinetics"] = nullptr;
  }

  if (s.has_labs) {
    ordered_json subjects = ordered_json::object();
    for (const auto& c : s.cytokines)
      subjects[c.subject][c.analyte] = {{"baseline", Opt(c.response.baseline)},
                                        {"peak", Opt(c.response.peak)},
                                        {"peak_day", Opt(c.response.peak_day)},
                                        {"fold_change", Opt(c.response.fold_change)},
                                        {"crs_grade", c.crs_grade}};
    ordered_json by = ordered_json::object();
    for (const auto& b : s.cytokines_by_crs)
      by[b.analyte][std::to_string(b.crs_grade)] = {
          {"n", b.n},
          {"median_peak", Opt(b.median_peak)},
          {"min_peak", Opt(b.min_peak)},
          {"max_peak", Opt(b.max_peak)},
          {"n_fold_change", b.n_fold},
          {"median_fold_change", Opt(b.median_fold_change)}};
    ordered_json by_day = ordered_json::object();
    for (const auto& d : s.cytokines_by_day)
      by_day[d.analyte].push_back({{"day", d.day},
                                   {"crs_grade", d.crs_grade},
                                   {"n", d.n},
                                   {"median", Opt(d.median)},
                                   {"min", Opt(d.min)},
                                   {"max", Opt(d.max)}});
    j["cytokines"] = {{"units", s.lab_units},
                      {"subjects", subjects},
                      {"by_crs_grade", by},
                      {"by_day_and_crs_grade", by_day}};
  } else {
    j["cytokines"] = nullptr;
  }

  ordered_json tox = ordered_json::object();
  for (const auto& t : s.toxicity_covariates)
    tox[t.covariate][t.toxicity] = {
        {"with", {{"n", t.with.size()}, {"values", t.with}}},
        {"without", {{"n", t.without.size()}, {"values", t.without}}},
        {"rank_sum_test",
         {{"w", t.test.w},
          {"p_value", t.test.p_value},
          {"method", t.test.exact ? "exact" : "normal approximation"}}}};
  j["covariates_toxicity"] = s.has_adverse_events ? tox : ordered_json();
}

}  // namespace nadir::report
