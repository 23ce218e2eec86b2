// Spider plot: % change of the target sum over time, one line per subject (see plots.h).
#include <algorithm>
#include <cmath>

#include "cli/report/plots.h"
#include "cli/report/text_format.h"

namespace nadir::report {

namespace {

// Beyond a few hundred lines a panel is a solid blot and its files grow with every subject:
// a larger panel draws an evenly spaced sample (every k-th subject in file order), said in
// the subtitle and the panel heading; the axes still span every subject.
constexpr size_t kMaxLinesPerPanel = 250;

struct Line {
  Response best;
  std::vector<std::pair<double, double>> points;  // (weeks, % change)
};
}  // namespace

Figure SpiderFigure(const Report& r, const CriteriaReport& c, const std::string& panel_by) {
  return [&r, &c, panel_by](cairo_t* cr, double w, double h) {
    const auto panels = Panels(c, panel_by);
    std::vector<std::vector<Line>> lines(panels.size());
    std::vector<size_t> with_line(panels.size(), 0);  // subjects with a line, drawn or not
    double xmax = 12, ymin = -100, ymax = 40;
    bool sampled = false;
    for (size_t p = 0; p < panels.size(); ++p) {
      for (size_t i : panels[p].second) {
        const auto& spider = r.subjects[i].spider;
        if (spider.empty()) continue;
        ++with_line[p];
        for (size_t k = 1; k < spider.size(); ++k) {  // the baseline does not widen the axes
          const auto [wk, pct] = spider[k];
          xmax = std::max(xmax, wk);
          ymin = std::min(ymin, pct);
          ymax = std::max(ymax, pct);
        }
      }
      const size_t every = (with_line[p] + kMaxLinesPerPanel - 1) / kMaxLinesPerPanel;
      sampled |= every > 1;
      size_t n = 0;
      for (size_t i : panels[p].second) {
        const auto& spider = r.subjects[i].spider;
        if (spider.empty() || n++ % std::max<size_t>(every, 1) != 0) continue;
        lines[p].push_back(Line{c.outcomes[i].best.value_or(Response::kNE), spider});
      }
    }
    Title(cr, w, "Change in sum of target diameters over time (" + CriteriaTitle(c) + ")",
          std::string("one line per subject with target lesions, coloured by best overall "
                      "response") +
              (sampled ? "; a panel of over " + std::to_string(kMaxLinesPerPanel) +
                             " draws every k-th subject in file order"
                       : "") +
              SampleNote(r));
    const double top = 60, bottom = h - 60, left = 70, right = w - 20, gap = 25;
    const double pw = (right - left - gap * double(panels.size() - 1)) / double(panels.size());
    auto yt = NiceTicks(ymin, ymax, 7);
    if (yt.size() >= 2 && yt.back() < ymax) yt.push_back(2 * yt.back() - yt[yt.size() - 2]);
    const auto xt = NiceTicks(0, xmax, 6);
    for (size_t p = 0; p < panels.size(); ++p) {
      const Frame f{left + double(p) * (pw + gap), top + 18, left + double(p) * (pw + gap) + pw,
                    bottom};
      const Scale x{std::min(0.0, -1.0), std::max(xt.back(), xmax), f.left, f.right};
      const Scale y{yt.front(), std::max(yt.back(), ymax), f.bottom, f.top};
      DrawAxes(cr, f, x, y, xt, yt, "Weeks since treatment start",
               p == 0 ? "Change from baseline (%)" : "");
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Text(cr, (f.left + f.right) / 2, f.top - 6,
           (panel_by.empty() ? "" : panel_by + " ") + panels[p].first + " (n=" +
               (lines[p].size() < with_line[p] ? std::to_string(lines[p].size()) + " of " : "") +
               std::to_string(with_line[p]) + ")",
           11, Align::kCentre, true);
      const double dashes[] = {5, 4};
      cairo_set_dash(cr, dashes, 2, 0);
      for (double ref : {-30.0, 20.0}) {  // RECIST 1.1 §4.3.1 thresholds
        SetColour(cr, ResponseColour(ref < 0 ? Response::kPR : Response::kPD), 0.8);
        cairo_move_to(cr, f.left, y(ref));
        cairo_line_to(cr, f.right, y(ref));
        cairo_stroke(cr);
      }
      cairo_set_dash(cr, nullptr, 0, 0);
      cairo_set_line_width(cr, 1.6);
      for (const auto& line : lines[p]) {
        SetColour(cr, ResponseColour(line.best), 0.85);
        for (size_t k = 0; k < line.points.size(); ++k) {
          const double px = x(line.points[k].first), py = y(line.points[k].second);
          if (k == 0)
            cairo_move_to(cr, px, py);
          else
            cairo_line_to(cr, px, py);
        }
        cairo_stroke(cr);
        for (const auto& [wk, v] : line.points) {
          cairo_arc(cr, x(wk), y(v), 2.2, 0, 2 * M_PI);
          cairo_fill(cr);
        }
      }
    }
    const auto legend = ResponseLegend(c.criteria, false);
    Legend(cr, left, h - 14, legend);
  };
}

}  // namespace nadir::report
