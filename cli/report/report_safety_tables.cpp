#include "cli/report/report_safety_tables.h"

#include <cmath>
#include <cstdio>

#include "cli/report/text_format.h"

namespace nadir::report {

namespace {

std::string I(int v) { return std::to_string(v); }

std::string Pct(const stats::SubjectCount& c) { return c.n ? Num(100.0 * c.k / c.n, 1) : ""; }

// "3/8 (37.5)".
std::string KOfN(const stats::SubjectCount& c) {
  return I(c.k) + "/" + I(c.n) + (c.n ? " (" + Pct(c) + ")" : "");
}

std::vector<std::pair<std::string, const stats::SubjectCount*>> Categories(
    const stats::SafetyTally& t) {
  return {{"any_ae", &t.any_ae},   {"grade_3_plus", &t.grade_3_plus},
          {"serious", &t.serious}, {"related", &t.related},
          {"crs", &t.crs},         {"crs_grade_3_plus", &t.crs_grade_3_plus},
          {"icans", &t.icans},     {"icans_grade_3_plus", &t.icans_grade_3_plus}};
}

std::string GeoText(const stats::GeometricSummary& g) {
  if (!g.mean) return "-";
  return Sig(g.mean) + " (" + (g.cv_pct ? Num(*g.cv_pct, 0) + " %" : "-") + ")";
}

}  // namespace

std::string Sig(double v, int digits) {
  if (v == 0 || !std::isfinite(v)) return Num(v, 0);
  const int magnitude = int(std::floor(std::log10(std::fabs(v))));
  std::string t = Num(v, std::max(0, digits - 1 - magnitude));
  if (t.find('.') != std::string::npos) {  // "14.00" -> "14", "2.50" -> "2.5"
    t.erase(t.find_last_not_of('0') + 1);
    if (t.back() == '.') t.pop_back();
  }
  return t;
}

std::string Sig(const std::optional<double>& v, int digits, const std::string& none) {
  return v ? Sig(*v, digits) : none;
}

std::string EscalationCsv(const TrialSafety& s) {
  std::string out = CsvRow({"arm", "dose_level", "treated", "evaluable", "dlt", "decision", "mtd",
                            "mtd_status", "mtd_reason"});
  for (const auto& a : s.escalation)
    for (const auto& l : a.escalation.levels)
      out += CsvRow({a.arm, l.dose_level, I(l.treated), I(l.evaluable), I(l.dlt),
                     stats::DecisionKey(l.decision), a.escalation.mtd.value_or(""),
                     stats::MtdStatusKey(a.escalation.status), a.escalation.reason});
  return out;
}

std::string SafetyCsv(const TrialSafety& s) {
  std::string out = CsvRow({"group", "category", "k", "n", "pct"});
  for (const auto& g : s.safety) {
    for (const auto& [name, c] : Categories(g.tally))
      out += CsvRow({g.key, name, I(c->k), I(c->n), Pct(*c)});
    for (const auto& [grade, c] : g.tally.worst_grade)
      out += CsvRow({g.key, "worst_grade_" + I(grade), I(c.k), I(c.n), Pct(c)});
  }
  return out;
}

std::string AeByTermCsv(const TrialSafety& s) {
  std::string out = CsvRow({"group", "soc", "term", "n", "any_grade_k", "any_grade_pct",
                            "grade_3_plus_k", "grade_3_plus_pct"});
  for (const auto& g : s.safety)
    for (const auto& r : g.tally.by_soc_and_term)
      out += CsvRow({g.key, r.soc, r.term, I(r.any.n), I(r.any.k), Pct(r.any), I(r.grade_3_plus.k),
                     Pct(r.grade_3_plus)});
  return out;
}

std::string KineticsCsv(const TrialSafety& s) {
  std::string out = CsvRow({"subject", "arm", "dose_level", "samples", "cmax", "tmax_day", "clast",
                            "tlast_day", "auc_0_28", "auc_0_90", "unit"});
  for (const auto& k : s.kinetics) {
    auto label = [&](const char* l) { return k.groups.count(l) ? k.groups.at(l) : ""; };
    out += CsvRow({k.subject, label(kArmLabel), label(kDoseLevelLabel), I(int(k.samples.size())),
                   Sig(k.nca.cmax), Sig(k.nca.tmax), Sig(k.nca.clast), Sig(k.nca.tlast),
                   Sig(k.nca.auc[0]), Sig(k.nca.auc[1]), s.kinetics_unit});
  }
  return out;
}

std::string KineticsSummaryCsv(const TrialSafety& s) {
  std::string out =
      CsvRow({"group", "n", "cmax_n", "cmax_geomean", "cmax_geocv_pct", "auc_0_28_n",
              "auc_0_28_geomean", "auc_0_28_geocv_pct", "auc_0_90_n", "auc_0_90_geomean",
              "auc_0_90_geocv_pct", "tmax_median_day", "tmax_min_day", "tmax_max_day"});
  for (const auto& g : s.kinetics_groups) {
    std::vector<std::string> row = {g.key, I(g.n)};
    for (const auto* x : {&g.cmax, &g.auc_0_28, &g.auc_0_90}) {
      row.push_back(I(x->n));
      row.push_back(Sig(x->mean));
      row.push_back(Num(x->cv_pct, 1));
    }
    row.push_back(Sig(g.tmax.median));
    row.push_back(Sig(g.tmax.min));
    row.push_back(Sig(g.tmax.max));
    out += CsvRow(row);
  }
  return out;
}

std::string CytokinesCsv(const TrialSafety& s) {
  std::string out = CsvRow({"subject", "analyte", "unit", "crs_grade", "baseline", "baseline_day",
                            "peak", "peak_day", "fold_change"});
  for (const auto& c : s.cytokines)
    out += CsvRow({c.subject, c.analyte, s.lab_units.at(c.analyte), I(c.crs_grade),
                   Sig(c.response.baseline), Sig(c.response.baseline_day), Sig(c.response.peak),
                   Sig(c.response.peak_day), Sig(c.response.fold_change, 3)});
  return out;
}

std::string CytokinesByCrsCsv(const TrialSafety& s) {
  std::string out = CsvRow({"analyte", "unit", "crs_grade", "n", "median_peak", "min_peak",
                            "max_peak", "n_fold_change", "median_fold_change"});
  for (const auto& b : s.cytokines_by_crs)
    out += CsvRow({b.analyte, s.lab_units.at(b.analyte), I(b.crs_grade), I(b.n), Sig(b.median_peak),
                   Sig(b.min_peak), Sig(b.max_peak), I(b.n_fold), Sig(b.median_fold_change, 3)});
  return out;
}

std::string CytokinesByDayCsv(const TrialSafety& s) {
  std::string out = CsvRow({"analyte", "unit", "day", "crs_grade", "n", "median", "min", "max"});
  for (const auto& d : s.cytokines_by_day)
    out += CsvRow({d.analyte, s.lab_units.at(d.analyte), Sig(d.day), I(d.crs_grade), I(d.n),
                   Sig(d.median), Sig(d.min), Sig(d.max)});
  return out;
}

std::string ToxicityCovariatesCsv(const TrialSafety& s) {
  std::string out = CsvRow({"covariate", "toxicity", "n_with", "n_without", "median_with",
                            "median_without", "rank_sum_w", "p_value", "p_method"});
  for (const auto& t : s.toxicity_covariates)
    out += CsvRow({t.covariate, t.toxicity, I(int(t.with.size())), I(int(t.without.size())),
                   Sig(stats::MedianAndRange(t.with).median),
                   Sig(stats::MedianAndRange(t.without).median), Num(t.test.w, 1),
                   Num(t.test.p_value, 4), t.test.exact ? "exact" : "normal approximation"});
  return out;
}

std::string SafetyMarkdown(const TrialSafety& s) {
  std::string md;
  if (!s.escalation.empty()) {
    md += "## Dose escalation (3+3, DLT-evaluable subjects, DLT window day 0-" +
          I(stats::kDltWindowDays) + ")\n\n";
    for (const auto& a : s.escalation) {
      md += "### Arm " + a.arm + ": MTD " + a.escalation.mtd.value_or("none") + " (" +
            a.escalation.reason +
            ")\n\n| dose level | treated | evaluable | with DLT | "
            "decision |\n|---|---:|---:|---:|---|\n";
      for (const auto& l : a.escalation.levels)
        md += "| " + l.dose_level + " | " + I(l.treated) + " | " + I(l.evaluable) + " | " +
              I(l.dlt) + " | " + stats::DecisionKey(l.decision) + " |\n";
      if (!a.dlt_subjects.empty()) {
        md += "\nSubjects with a DLT:";
        for (const auto& d : a.dlt_subjects) md += " " + d;
        md += ".\n";
      }
      md += "\n";
    }
  }
  if (!s.safety.empty()) {
    md +=
        "## Treatment-emergent adverse events (subjects, k/n (%))\n\n| group | any AE | grade "
        ">= 3 | serious | related | CRS | CRS grade >= 3 | ICANS | ICANS grade >= 3 |\n"
        "|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& g : s.safety) {
      md += "| " + g.key + " |";
      for (const auto& [name, c] : Categories(g.tally)) md += " " + KOfN(*c) + " |";
      md += "\n";
    }
    md += "\n### By worst grade (CTCAE v5.0; ASTCT 2019 for CRS and ICANS)\n\n| group |";
    for (int gr = 0; gr <= stats::kMaxGrade; ++gr) md += gr ? " grade " + I(gr) + " |" : " no AE |";
    md += "\n|---|---|---|---|---|---|---|\n";
    for (const auto& g : s.safety) {
      md += "| " + g.key + " |";
      for (const auto& [grade, c] : g.tally.worst_grade) md += " " + KOfN(c) + " |";
      md += "\n";
    }
    md +=
        "\n### By system organ class and preferred term (all treated subjects)\n\n| SOC / term "
        "| any grade | grade >= 3 |\n|---|---|---|\n";
    for (const auto& r : s.safety.front().tally.by_soc_and_term)
      md += "| " + (r.term.empty() ? "**" + r.soc + "**" : "&nbsp;&nbsp;" + r.term) + " | " +
            KOfN(r.any) + " | " + KOfN(r.grade_3_plus) + " |\n";
    md += "\n";
  }
  if (!s.kinetics.empty()) {
    const std::string u = s.kinetics_unit.empty() ? "" : " (" + s.kinetics_unit + ")";
    md += "## CAR-T cell kinetics in blood" + u +
          "\n\n| subject | Cmax | Tmax (day) | Clast | "
          "Tlast (day) | AUC 0-28 | AUC 0-90 |\n|---|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& k : s.kinetics)
      md += "| " + k.subject + " | " + Sig(k.nca.cmax, 4, "-") + " | " + Sig(k.nca.tmax, 4, "-") +
            " | " + Sig(k.nca.clast, 4, "-") + " | " + Sig(k.nca.tlast, 4, "-") + " | " +
            Sig(k.nca.auc[0], 4, "NA") + " | " + Sig(k.nca.auc[1], 4, "NA") + " |\n";
    md +=
        "\n| group | n | Cmax geo. mean (CV %) | AUC 0-28 geo. mean (CV %) | AUC 0-90 geo. "
        "mean (CV %) | Tmax median (range), day |\n|---|---:|---|---|---|---|\n";
    for (const auto& g : s.kinetics_groups)
      md += "| " + g.key + " | " + I(g.n) + " | " + GeoText(g.cmax) + " | " + GeoText(g.auc_0_28) +
            " | " + GeoText(g.auc_0_90) + " | " + Sig(g.tmax.median, 3, "-") + " (" +
            Sig(g.tmax.min, 3, "-") + "-" + Sig(g.tmax.max, 3, "-") + ") |\n";
    md += "\n";
  }
  if (!s.cytokines_by_crs.empty()) {
    md +=
        "## Cytokines by worst CRS grade (peak after day 0; fold change from baseline)\n\n"
        "| analyte | CRS grade | n | median peak (range) | median fold change |\n"
        "|---|---:|---:|---|---:|\n";
    for (const auto& b : s.cytokines_by_crs)
      md += "| " + b.analyte + " (" + s.lab_units.at(b.analyte) + ") | " + I(b.crs_grade) + " | " +
            I(b.n) + " | " + Sig(b.median_peak, 3, "-") + " (" + Sig(b.min_peak, 3, "-") + "-" +
            Sig(b.max_peak, 3, "-") + ") | " + Sig(b.median_fold_change, 3, "-") + " |\n";
    md += "\n";
  }
  for (const auto& t : s.toxicity_covariates)
    md += "- " + t.covariate + " with " + t.toxicity + ": n = " + I(int(t.with.size())) +
          ", median " + Sig(stats::MedianAndRange(t.with).median, 3, "-") +
          "; without: n = " + I(int(t.without.size())) + ", median " +
          Sig(stats::MedianAndRange(t.without).median, 3, "-") +
          ". Wilcoxon rank-sum W = " + Num(t.test.w, 1) +
          ", two-sided p = " + Num(t.test.p_value, 4) + " (" +
          (t.test.exact ? "exact" : "normal approximation") + ").\n";
  if (!s.toxicity_covariates.empty()) md += "\n";
  if (!s.files_read.empty() || !s.errors.empty()) {
    md += "## Safety and kinetics: definitions\n\n";
    md +=
        "- Treatment emergent: onset on or after treatment_start (day 0). Each subject counts "
        "once per row (its worst event); n = treated subjects of the group.\n";
    md += "- DLT: an adverse event flagged dlt = Y with onset day 0 to " +
          I(stats::kDltWindowDays) +
          ". 3+3 per arm and dose level over DLT-evaluable subjects "
          "(assessment field dlt_evaluable, default true): exceeded with >= 2 subjects with a "
          "DLT; incomplete with < 3 evaluable; expand with exactly 1 DLT among < 6; otherwise "
          "escalate. MTD: the level just below the lowest exceeded one, if it had >= 6 "
          "evaluable and <= 1 with a DLT.\n";
    md +=
        "- CAR-T kinetics, non-compartmental: Cmax and Tmax (first day of Cmax), Clast and "
        "Tlast (last level above 0), AUC 0-28 and 0-90 by the linear-up/log-down trapezoidal "
        "rule, interpolated at an unsampled end day (linear when rising, log when falling), "
        "NA when no sample reaches it. No sample at day 0: 0 at day 0. Below the limit "
        "(PKNCA's defaults): 0 before the first measurable sample, dropped between measurable "
        "ones, 0 after the last. Groups: geometric mean and geometric CV % = 100 sqrt(exp(s^2) "
        "- 1).\n";
    md +=
        "- Cytokines: baseline = last value on or before day 0; peak = highest value after "
        "day 0 (first day of it); fold change = peak / baseline. CRP in mg/L, IL-6 in pg/mL, "
        "ferritin in ng/mL (converted from mg/dL, ng/L, ug/L).\n";
    md +=
        "- Covariates against CRS and ICANS: Wilcoxon rank-sum test between treated subjects "
        "with and without a treatment-emergent event of any grade.\n";
    for (const auto& f : s.files_read) md += "- Read: " + f + "\n";
    for (const auto& e : s.errors) md += "- Error: " + e + "\n";
    md += "\n";
  }
  return md;
}

}  // namespace nadir::report
