#include "cli/report/report_pdf.h"

#include <cairo-pdf.h>

#include "cli/report/report_safety_tables.h"
#include "cli/report/text_format.h"

namespace nadir::report {

namespace {

constexpr double kPageW = 842, kPageH = 595;  // A4 landscape, points

std::string MedianCell(const stats::MedianEstimate& m) {
  return Num(Months(m.median), 1, "NR") + " (" + Num(Months(m.ci_low), 1, "NR") + "-" +
         Num(Months(m.ci_high), 1, "NR") + ")";
}

// One summary table per criteria; continues on new pages when the groups do not fit.
void SummaryPages(cairo_t* cr, const Report& r, const CriteriaReport& c) {
  const double cols[] = {25, 185, 215, 345, 475, 590, 700};
  const char* heads[] = {
      "group",         "n", "ORR % (95% CI)", "DCR % (95% CI)", "PFS median, mo", "OS median, mo",
      "DOR median, mo"};
  double y = 0;
  auto header = [&] {
    Title(cr, kPageW, "Endpoints by group (" + CriteriaTitle(c) + ")",
          r.study + ": " + std::to_string(r.subjects_read) +
              " subjects read; exact Clopper-Pearson intervals; medians (Brookmeyer-Crowley "
              "95% CI), NR = not reached");
    y = 75;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    for (size_t i = 0; i < std::size(cols); ++i)
      Text(cr, cols[i], y, heads[i], 9.5, Align::kLeft, true);
    y += 6;
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, cols[0], y);
    cairo_line_to(cr, kPageW - 30, y);
    cairo_stroke(cr);
    y += 14;
  };
  header();
  for (const auto& g : c.groups) {
    if (y > kPageH - 40) {
      cairo_show_page(cr);
      header();
    }
    const std::string cells[] = {g.key,
                                 std::to_string(g.n),
                                 std::to_string(g.orr.k) + "  " + PercentWithCi(g.orr),
                                 std::to_string(g.dcr.k) + "  " + PercentWithCi(g.dcr),
                                 MedianCell(g.pfs.median),
                                 MedianCell(g.os.median),
                                 g.dor.n ? MedianCell(g.dor.median) : "-"};
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    for (size_t i = 0; i < std::size(cols); ++i) Text(cr, cols[i], y, cells[i], 9);
    y += 14;
  }
  cairo_show_page(cr);
}

// Rows of text in columns, with a bold header and a rule, continuing on new pages.
void TablePage(cairo_t* cr, const std::string& title, const std::string& subtitle,
               const std::vector<double>& cols, const std::vector<std::string>& heads,
               const std::vector<std::vector<std::string>>& rows) {
  double y = 0;
  auto header = [&] {
    Title(cr, kPageW, title, subtitle);
    y = 75;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    for (size_t i = 0; i < cols.size(); ++i) Text(cr, cols[i], y, heads[i], 9, Align::kLeft, true);
    y += 6;
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, cols[0], y);
    cairo_line_to(cr, kPageW - 30, y);
    cairo_stroke(cr);
    y += 14;
  };
  header();
  for (const auto& row : rows) {
    if (y > kPageH - 40) {
      cairo_show_page(cr);
      header();
    }
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    for (size_t i = 0; i < cols.size() && i < row.size(); ++i) Text(cr, cols[i], y, row[i], 8.5);
    y += 13;
  }
  cairo_show_page(cr);
}

std::string KOfN(const stats::SubjectCount& c) {
  return std::to_string(c.k) + "/" + std::to_string(c.n) +
         (c.n ? " (" + Num(100.0 * c.k / c.n, 0) + "%)" : "");
}

// The safety, escalation and kinetics tables (issue 21).
void SafetyPages(cairo_t* cr, const Report& r) {
  const TrialSafety& s = r.safety;
  if (!s.escalation.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : s.escalation) {
      for (const auto& l : a.escalation.levels)
        rows.push_back({a.arm, l.dose_level, std::to_string(l.treated), std::to_string(l.evaluable),
                        std::to_string(l.dlt), stats::DecisionKey(l.decision)});
      rows.push_back(
          {"", "MTD: " + a.escalation.mtd.value_or("none") + " - " + a.escalation.reason});
    }
    TablePage(cr, "Dose escalation (3+3) per arm",
              "DLT: flagged AE with onset day 0-" + std::to_string(stats::kDltWindowDays) +
                  "; over DLT-evaluable subjects",
              {25, 90, 300, 380, 470, 540},
              {"arm", "dose level", "treated", "evaluable", "DLT", "decision"}, rows);
  }
  if (!s.safety.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : s.safety) {
      const auto& t = g.tally;
      rows.push_back({g.key, KOfN(t.any_ae), KOfN(t.grade_3_plus), KOfN(t.serious), KOfN(t.related),
                      KOfN(t.crs), KOfN(t.crs_grade_3_plus), KOfN(t.icans),
                      KOfN(t.icans_grade_3_plus)});
    }
    TablePage(cr, "Treatment-emergent adverse events (subjects)",
              "CTCAE v5.0; CRS and ICANS by ASTCT 2019; each subject counts once per column",
              {25, 190, 265, 340, 415, 490, 565, 640, 715},
              {"group", "any AE", "grade >= 3", "serious", "related", "CRS", "CRS >= 3", "ICANS",
               "ICANS >= 3"},
              rows);
  }
  if (!s.kinetics_groups.empty()) {
    auto geo = [](const stats::GeometricSummary& g) {
      return g.mean ? Sig(g.mean) + (g.cv_pct ? " (" + Num(*g.cv_pct, 0) + "%)" : "") : "-";
    };
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : s.kinetics_groups)
      rows.push_back({g.key, std::to_string(g.n), geo(g.cmax), geo(g.auc_0_28), geo(g.auc_0_90),
                      Sig(g.tmax.median, 3, "-") + " (" + Sig(g.tmax.min, 3, "-") + "-" +
                          Sig(g.tmax.max, 3, "-") + ")"});
    TablePage(cr, "CAR-T cell kinetics by group (" + s.kinetics_unit + ")",
              "geometric mean (geometric CV %); AUC by linear-up/log-down, per day; Tmax median "
              "(range), days",
              {25, 190, 230, 380, 530, 680}, {"group", "n", "Cmax", "AUC 0-28", "AUC 0-90", "Tmax"},
              rows);
  }
  if (!s.cytokines_by_crs.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& b : s.cytokines_by_crs)
      rows.push_back({b.analyte + " (" + s.lab_units.at(b.analyte) + ")",
                      b.crs_grade ? "grade " + std::to_string(b.crs_grade) : "no CRS",
                      std::to_string(b.n),
                      Sig(b.median_peak, 3, "-") + " (" + Sig(b.min_peak, 3, "-") + "-" +
                          Sig(b.max_peak, 3, "-") + ")",
                      Sig(b.median_fold_change, 3, "-")});
    TablePage(cr, "Cytokines by worst CRS grade (ASTCT 2019)",
              "peak: highest value after day 0; fold change: peak / baseline (last value on or "
              "before day 0); medians (range)",
              {25, 200, 300, 360, 560}, {"analyte", "CRS", "n", "peak", "fold change"}, rows);
  }
  if (!s.safety.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : s.safety.front().tally.by_soc_and_term)
      rows.push_back({t.term.empty() ? t.soc : "    " + t.term, KOfN(t.any), KOfN(t.grade_3_plus)});
    TablePage(cr, "Treatment-emergent adverse events by SOC and preferred term (all treated)",
              "subjects with at least one event; MedDRA SOC rows, then their terms", {25, 560, 680},
              {"SOC / term", "any grade", "grade >= 3"}, rows);
  }
}

}  // namespace

bool WriteReportPdf(const std::string& path, const Report& r,
                    const std::vector<NamedFigure>& figures, std::string* error) {
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), kPageW, kPageH);
  cairo_t* cr = cairo_create(pdf);
  for (const auto& c : r.criteria) SummaryPages(cr, r, c);
  SafetyPages(cr, r);
  for (const auto& f : figures) {
    f.figure(cr, kPageW, kPageH);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  const cairo_status_t status = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  if (status != CAIRO_STATUS_SUCCESS) {
    if (error) *error = path + ": " + cairo_status_to_string(status);
    return false;
  }
  return true;
}

}  // namespace nadir::report
