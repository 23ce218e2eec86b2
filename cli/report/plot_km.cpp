// Kaplan-Meier curves with censoring ticks and numbers at risk (see plots.h).
#include <algorithm>
#include <cmath>

#include "cli/report/plots.h"
#include "cli/report/text_format.h"

namespace nadir::report {

namespace {

const stats::TimeToEventSummary& Pick(const stats::GroupEndpoints& g, Endpoint e) {
  return e == Endpoint::kPfs ? g.pfs : e == Endpoint::kOs ? g.os : g.dor;
}

}  // namespace

Figure KaplanMeierFigure(const Report& r, const CriteriaReport& c, Endpoint endpoint,
                         const std::string& by) {
  return [&r, &c, endpoint, by](cairo_t* cr, double w, double h) {
    std::vector<const stats::GroupEndpoints*> groups;
    for (const auto& g : c.groups)
      if (by.empty() ? g.key == "all" : (g.labels.size() == 1 && g.labels.count(by)))
        groups.push_back(&g);
    std::string title = std::string(EndpointName(endpoint));
    if (endpoint == Endpoint::kDor && !c.outcomes.empty() &&
        c.outcomes.front().dor_from == DurationFrom::kControl)
      title = "Duration of disease control";
    Title(cr, w, title + " (" + CriteriaTitle(c) + ")" + (by.empty() ? "" : " by " + by),
          "Kaplan-Meier estimate; + censored; median (95% CI, Brookmeyer-Crowley) in months");
    const double table_h = 22.0 + 15.0 * double(groups.size());
    const Frame f{75, 60, w - 30, h - 50 - table_h};
    double xmax = r.options.risk_table_max_months;
    for (const auto* g : groups) {
      const auto& s = Pick(*g, endpoint);
      if (!s.curve.steps.empty()) xmax = std::max(xmax, Months(s.curve.steps.back().time));
    }
    const double step = r.options.risk_table_step_months > 0 ? r.options.risk_table_step_months : 3;
    const double xend = std::ceil(xmax / step) * step;
    std::vector<double> xt;
    for (double m = 0; m <= xend + 1e-9; m += step) xt.push_back(m);
    const Scale x{0, xend, f.left, f.right};
    const Scale y{0, 100, f.bottom, f.top};
    DrawAxes(
        cr, f, x, y, xt, {0, 20, 40, 60, 80, 100},
        "Months since " + std::string(endpoint == Endpoint::kDor ? "response" : "treatment start"),
        "Probability (%)");
    for (size_t k = 0; k < groups.size(); ++k) {
      const auto& s = Pick(*groups[k], endpoint);
      SetColour(cr, SeriesColour(k));
      cairo_set_line_width(cr, 2);
      double prev = 100, px = x(0);
      cairo_move_to(cr, px, y(prev));
      for (const auto& st : s.curve.steps) {
        const double sx = x(Months(st.time));
        cairo_line_to(cr, sx, y(prev));
        cairo_line_to(cr, sx, y(100 * st.survival));
        prev = 100 * st.survival;
      }
      cairo_stroke(cr);
      // Censoring ticks at the censored times, on the curve.
      cairo_set_line_width(cr, 1.2);
      for (const auto& st : s.curve.steps)
        if (st.censored > 0) {
          const double sx = x(Months(st.time)), sy = y(100 * st.survival);
          cairo_move_to(cr, sx, sy - 5);
          cairo_line_to(cr, sx, sy + 5);
          cairo_move_to(cr, sx - 3, sy);
          cairo_line_to(cr, sx + 3, sy);
        }
      cairo_stroke(cr);
      // Legend with the median, top right.
      const std::string name = by.empty() ? "all" : groups[k]->labels.begin()->second;
      const std::string legend = name + "  n=" + std::to_string(s.n) + ", events " +
                                 std::to_string(s.events) + ", median " +
                                 Num(Months(s.median.median), 1, "NR") + " (" +
                                 Num(Months(s.median.ci_low), 1, "NR") + "-" +
                                 Num(Months(s.median.ci_high), 1, "NR") + ")";
      cairo_rectangle(cr, f.right - 300, f.top + 8 + 15 * double(k), 14, 3);
      cairo_fill(cr);
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Text(cr, f.right - 280, f.top + 14 + 15 * double(k), legend, 10);
    }
    // Numbers at risk at the tick times, one row per group.
    const double ty = f.bottom + 48;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    Text(cr, 8, ty, "At risk", 10, Align::kLeft, true);
    for (size_t k = 0; k < groups.size(); ++k) {
      const auto& s = Pick(*groups[k], endpoint);
      std::vector<double> days;
      for (double m : xt) days.push_back(m * stats::kDaysPerMonth);
      const auto n = stats::NumbersAtRisk(s.curve, days);
      const double ry = ty + 15 * double(k + 1);
      SetColour(cr, SeriesColour(k));
      Text(cr, 8, ry, by.empty() ? "all" : groups[k]->labels.begin()->second, 10);
      for (size_t t = 0; t < xt.size(); ++t)
        Text(cr, x(xt[t]), ry, std::to_string(n[t]), 10, Align::kCentre);
    }
  };
}

}  // namespace nadir::report
