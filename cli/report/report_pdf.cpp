#include "cli/report/report_pdf.h"

#include <cairo-pdf.h>

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
  const char* heads[] = {"group", "n", "ORR % (95% CI)", "DCR % (95% CI)", "PFS median, mo",
                         "OS median, mo", "DOR median, mo"};
  double y = 0;
  auto header = [&] {
    Title(cr, kPageW, "Endpoints by group (" + CriteriaTitle(c.criteria) + ")",
          r.study + ": " + std::to_string(r.assessed.size()) +
              " subjects read; exact Clopper-Pearson intervals; medians (Brookmeyer-Crowley "
              "95% CI), NR = not reached");
    y = 75;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    for (size_t i = 0; i < std::size(cols); ++i) Text(cr, cols[i], y, heads[i], 9.5, Align::kLeft, true);
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

}  // namespace

bool WriteReportPdf(const std::string& path, const Report& r,
                    const std::vector<NamedFigure>& figures, std::string* error) {
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), kPageW, kPageH);
  cairo_t* cr = cairo_create(pdf);
  for (const auto& c : r.criteria) SummaryPages(cr, r, c);
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
