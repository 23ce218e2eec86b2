// Waterfall plot of the best % change of the target sum (see plots.h).
#include <algorithm>
#include <cmath>

#include "cli/report/plots.h"
#include "cli/report/text_format.h"
#include "measure/stats/group_endpoints.h"

namespace nadir::report {

namespace {
constexpr double kPrLinePct = -30.0;  // RECIST 1.1 §4.3.1: PR is a decrease of at least 30 %
constexpr double kPdLinePct = 20.0;   // RECIST 1.1 §4.3.1: PD is an increase of at least 20 %
}  // namespace

Figure WaterfallFigure(const Report& r, const CriteriaReport& c, const std::string& panel_by,
                       const std::string& detail_by) {
  return [&r, &c, panel_by, detail_by](cairo_t* cr, double w, double h) {
    const auto panels = Panels(c, panel_by);
    std::vector<std::pair<std::string, std::vector<size_t>>> bars;  // per panel, with a change
    double ymax = 40, ymin = -100;
    int without = 0;
    for (const auto& [name, members] : panels) {
      std::vector<size_t> with;
      for (size_t i : members) {
        const auto& v = c.outcomes[i].best_change_pct;
        if (!v) {
          ++without;
          continue;
        }
        with.push_back(i);
        ymax = std::max(ymax, *v);
        ymin = std::min(ymin, *v);
      }
      std::sort(with.begin(), with.end(), [&](size_t a, size_t b) {
        return *c.outcomes[a].best_change_pct > *c.outcomes[b].best_change_pct;
      });
      bars.push_back({name, with});
    }
    size_t total = 0;
    for (const auto& p : bars) total += p.second.size();
    Title(cr, w, "Best change in sum of target diameters (" + CriteriaTitle(c) + ")",
          std::to_string(total) + " subjects with measurable disease; " + std::to_string(without) +
              " without a best change (non-target disease only or not evaluable)" + SampleNote(r));
    const Frame f{70, 70, w - 20, h - 95};
    auto yt = NiceTicks(ymin, ymax, 8);
    if (yt.size() >= 2 && yt.back() < ymax) yt.push_back(2 * yt.back() - yt[yt.size() - 2]);
    const Scale y{yt.front(), std::max(yt.back(), ymax), f.bottom, f.top};
    const double gap = std::max(1.5, 0.03 * double(total));  // bar widths between panels
    const double slots = double(total) + gap * double(bars.size() > 0 ? bars.size() - 1 : 0);
    const double slot = slots > 0 ? (f.right - f.left) / slots : 1;
    const Scale x{0, 1, f.left, f.right};
    DrawAxes(cr, f, x, y, {}, yt, "", "Best change from baseline (%)");
    // Reference lines at -30 % and +20 %.
    const double dashes[] = {5, 4};
    cairo_set_dash(cr, dashes, 2, 0);
    cairo_set_line_width(cr, 1);
    for (double ref : {kPrLinePct, kPdLinePct}) {
      SetColour(cr, ResponseColour(ref < 0 ? Response::kPR : Response::kPD));
      cairo_move_to(cr, f.left, y(ref));
      cairo_line_to(cr, f.right, y(ref));
      cairo_stroke(cr);
    }
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_move_to(cr, f.left, y(0));
    cairo_line_to(cr, f.right, y(0));
    cairo_stroke(cr);
    double pos = 0;
    for (const auto& [name, members] : bars) {
      const double start = pos;
      for (size_t i : members) {
        const auto& o = c.outcomes[i];
        const double x0 = f.left + pos * slot + 0.12 * slot, bw = 0.76 * slot;
        const double v = *o.best_change_pct;
        SetColour(cr, ResponseColour(o.best.value_or(Response::kNE)));
        cairo_rectangle(cr, x0, std::min(y(0), y(v)), bw, std::max(0.8, std::fabs(y(v) - y(0))));
        cairo_fill(cr);
        if (!detail_by.empty() && slot >= 9) {
          cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
          cairo_save(cr);
          cairo_translate(cr, x0 + bw / 2 + 3, v >= 0 ? y(0) + 6 : y(0) - 6);
          cairo_rotate(cr, -M_PI / 2);
          Text(cr, 0, 0, stats::GroupValue(o, detail_by), std::min(9.0, slot * 0.8),
               v >= 0 ? Align::kRight : Align::kLeft);
          cairo_restore(cr);
        }
        pos += 1;
      }
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      if (bars.size() > 1 || name != "all")
        Text(cr, f.left + (start + pos) / 2 * slot, f.bottom + 18,
             (panel_by.empty() ? "" : panel_by + " ") + name +
                 " (n=" + std::to_string(members.size()) + ")",
             11, Align::kCentre, true);
      pos += gap;
    }
    // Labels of the reference lines, over the bars on a white patch so they stay legible.
    for (double ref : {kPrLinePct, kPdLinePct}) {
      const std::string label = (ref > 0 ? "+" : "") + Num(ref, 0) + "%";
      cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
      cairo_rectangle(cr, f.right - 34, y(ref) - 12, 32, 11);
      cairo_fill(cr);
      SetColour(cr, ResponseColour(ref < 0 ? Response::kPR : Response::kPD));
      Text(cr, f.right - 3, y(ref) - 3, label, 9, Align::kRight, true);
    }
    const auto legend = ResponseLegend(c.criteria, false);
    Legend(cr, f.left, h - 40, legend);
    if (!detail_by.empty() && slot >= 9) {
      cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
      Text(cr, f.right, h - 40, "bar labels: " + detail_by, 10, Align::kRight);
    }
  };
}

}  // namespace nadir::report
