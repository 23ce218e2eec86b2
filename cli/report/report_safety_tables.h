// The tables of the safety, kinetics and cytokine sections (issue 21), as CSV and Markdown.
#pragma once

#include <string>

#include "cli/report/report_safety.h"

namespace nadir::report {

/// escalation.csv: arm, dose level, treated, evaluable, DLT, decision, the arm's MTD and why.
std::string EscalationCsv(const TrialSafety& s);
/// safety.csv: group, category (any_ae ... icans_grade_3_plus, worst_grade_N), k, n, %.
std::string SafetyCsv(const TrialSafety& s);
/// ae_by_term.csv: group, SOC, term (empty on the SOC row), subjects any grade and grade >= 3.
std::string AeByTermCsv(const TrialSafety& s);
/// kinetics.csv: per subject Cmax, Tmax, Clast, Tlast, AUC 0-28, AUC 0-90.
std::string KineticsCsv(const TrialSafety& s);
/// kinetics_summary.csv: per group geometric means and CV % of Cmax and AUCs, Tmax median.
std::string KineticsSummaryCsv(const TrialSafety& s);
/// cytokines.csv: per subject and analyte baseline, peak, day of peak, fold change, CRS grade;
/// cytokines_by_crs.csv: per analyte and worst CRS grade the medians.
std::string CytokinesCsv(const TrialSafety& s);
std::string CytokinesByCrsCsv(const TrialSafety& s);
/// cytokines_by_day.csv: per analyte, day and worst CRS grade: n, median, min, max.
std::string CytokinesByDayCsv(const TrialSafety& s);
/// covariates_toxicity.csv: per covariate and toxicity the rank-sum test.
std::string ToxicityCovariatesCsv(const TrialSafety& s);

/// The sections for endpoints.md, with their definitions.
std::string SafetyMarkdown(const TrialSafety& s);

/// A number to `digits` significant digits, without exponent or trailing zeros ("15230",
/// "0.004512", "14").
std::string Sig(double v, int digits = 4);
std::string Sig(const std::optional<double>& v, int digits = 4, const std::string& none = "");

}  // namespace nadir::report
