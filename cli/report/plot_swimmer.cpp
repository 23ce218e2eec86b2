// Swimmer plot: time on study per subject with response, progression and death marks.
#include <algorithm>
#include <cmath>

#include "cli/report/plots.h"
#include "cli/report/text_format.h"
#include "measure/stats/group_endpoints.h"

namespace nadir::report {

namespace {

constexpr size_t kMaxRows = 80;

struct Swim {
  size_t index;
  std::string label;
  double end_months;
  std::optional<double> response, progression, death;
  bool ongoing;  // alive and without progression at the end of the bar
  std::optional<double> unconfirmed = std::nullopt;  // iRECIST: iUPD not (yet) confirmed
};

// Fills the current path and outlines it in white, so marks stay visible on dark bars.
void FillOutlined(cairo_t* cr) {
  cairo_fill_preserve(cr);
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void Triangle(cairo_t* cr, double x, double y, double s) {
  cairo_move_to(cr, x, y - s);
  cairo_line_to(cr, x + s, y + s * 0.8);
  cairo_line_to(cr, x - s, y + s * 0.8);
  cairo_close_path(cr);
  FillOutlined(cr);
}

void DiamondPath(cairo_t* cr, double x, double y, double s) {
  cairo_move_to(cr, x, y - s);
  cairo_line_to(cr, x + s, y);
  cairo_line_to(cr, x, y + s);
  cairo_line_to(cr, x - s, y);
  cairo_close_path(cr);
}

void Diamond(cairo_t* cr, double x, double y, double s) {
  DiamondPath(cr, x, y, s);
  FillOutlined(cr);
}

void HollowDiamond(cairo_t* cr, double x, double y, double s) {
  DiamondPath(cr, x, y, s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
  cairo_set_line_width(cr, 1.5);
  cairo_stroke(cr);
}

void Cross(cairo_t* cr, double x, double y, double s) {
  cairo_set_line_width(cr, 2);
  cairo_move_to(cr, x - s, y - s);
  cairo_line_to(cr, x + s, y + s);
  cairo_move_to(cr, x - s, y + s);
  cairo_line_to(cr, x + s, y - s);
  cairo_stroke(cr);
}

}  // namespace

Figure SwimmerFigure(const Report& r, const CriteriaReport& c, const std::string& panel_by,
                     const std::string& detail_by) {
  return [&r, &c, panel_by, detail_by](cairo_t* cr, double w, double h) {
    // Rows: panels in order, longest time on study first within each.
    std::vector<std::pair<std::string, std::vector<Swim>>> groups;
    double xmax = 6;
    size_t rows = 0, total = 0;
    const auto panels = Panels(c, panel_by);
    // One row per subject stops being readable beyond about 80 rows: show the subjects longest
    // on study in each panel and say so in the subtitle.
    const size_t per_panel = std::max<size_t>(10, kMaxRows / std::max<size_t>(1, panels.size()));
    for (const auto& [name, members] : panels) {
      std::vector<Swim> swims;
      for (size_t i : members) {
        const auto& o = c.outcomes[i];
        const ReportSubject& s = r.subjects[i];
        const Date day0 = s.day_zero;
        const Date end = s.last_seen;
        auto months = [&](const std::optional<Date>& d) {
          return d ? std::optional<double>(Months(DaysBetween(day0, *d))) : std::nullopt;
        };
        Swim sw{i,
                std::string(o.subject),
                std::max(0.0, Months(DaysBetween(day0, end))),
                months(o.response_date),
                months(o.progression_date),
                months(s.death_date),
                !s.death_date && !o.progression_date};
        sw.unconfirmed = months(o.unconfirmed_progression_date);
        if (!detail_by.empty()) sw.label += " " + stats::GroupValue(o, detail_by);
        xmax = std::max(xmax, sw.end_months);
        swims.push_back(sw);
      }
      std::sort(swims.begin(), swims.end(),
                [](const Swim& a, const Swim& b) { return a.end_months > b.end_months; });
      total += swims.size();
      if (swims.size() > per_panel) swims.resize(per_panel);
      rows += swims.size();
      groups.push_back({name, swims});
    }
    Title(cr, w, "Time on study (" + CriteriaTitle(c) + ")",
          "bars coloured by best overall response; treatment start to death, last known alive "
          "or last assessment" +
              (rows < total ? "; the " + std::to_string(per_panel) + " longest per panel of " +
                                  std::to_string(total) + " subjects"
                            : std::string()) +
              SampleNote(r));
    const Frame f{150, 60, w - 25, h - 75};
    const double header = 16;
    const double row_h =
        (f.bottom - f.top - header * double(groups.size())) / double(std::max<size_t>(rows, 1));
    const auto xt = NiceTicks(0, xmax * 1.04, 8);
    const Scale x{0, std::max(xt.back(), xmax * 1.04), f.left, f.right};
    const Scale y{0, 1, f.bottom, f.top};
    DrawAxes(cr, f, x, y, xt, {}, "Months since treatment start", "", true);
    double yy = f.top;
    const double mark = std::clamp(row_h * 0.35, 2.0, 6.0);
    const double font = std::clamp(row_h * 0.7, 5.0, 10.0);
    for (const auto& [name, swims] : groups) {
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Text(cr, 8, yy + 12, (panel_by.empty() ? "" : panel_by + " ") + name, 11, Align::kLeft, true);
      yy += header;
      for (const auto& sw : swims) {
        const double cy = yy + row_h / 2, bh = row_h * 0.62;
        SetColour(cr, ResponseColour(c.outcomes[sw.index].best.value_or(Response::kNE)));
        cairo_rectangle(cr, x(0), cy - bh / 2, x(sw.end_months) - x(0), bh);
        cairo_fill(cr);
        if (row_h >= 5) {
          cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
          Text(cr, f.left - 6, cy + font * 0.35, sw.label, font, Align::kRight);
        }
        if (sw.response) {
          cairo_set_source_rgb(cr, 0.0, 0.2, 0.45);
          Triangle(cr, x(*sw.response), cy, mark);
        }
        if (sw.progression) {
          SetColour(cr, {0.75, 0.1, 0.1});
          Diamond(cr, x(*sw.progression), cy, mark);
        }
        if (sw.unconfirmed) {  // hollow: progression not confirmed (iRECIST I3, I5)
          HollowDiamond(cr, x(*sw.unconfirmed), cy, mark);
        }
        if (sw.death) {
          cairo_set_source_rgb(cr, 0, 0, 0);
          Cross(cr, x(*sw.death) + mark * 1.2, cy, mark * 0.8);
        }
        if (sw.ongoing) {
          cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
          const double ax = x(sw.end_months) + 2;
          cairo_move_to(cr, ax, cy - mark * 0.8);
          cairo_line_to(cr, ax + mark * 1.5, cy);
          cairo_line_to(cr, ax, cy + mark * 0.8);
          cairo_close_path(cr);
          cairo_fill(cr);
        }
        yy += row_h;
      }
    }
    // Legend: responses, then marks.
    const auto legend = ResponseLegend(c.criteria, true);
    Legend(cr, 20, h - 14, legend);
    double lx = w * (c.criteria == Criteria::kIRecist ? 0.47 : 0.55), ly = h - 18;
    cairo_set_source_rgb(cr, 0.0, 0.2, 0.45);
    Triangle(cr, lx, ly, 5);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    Text(cr, lx + 9, ly + 4, "first response", 10);
    lx += 100;
    SetColour(cr, {0.75, 0.1, 0.1});
    Diamond(cr, lx, ly, 5);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    Text(cr, lx + 9, ly + 4,
         c.criteria == Criteria::kIRecist ? "iCPD (dated per I4)" : "progression", 10);
    lx += c.criteria == Criteria::kIRecist ? 125 : 90;
    if (c.criteria == Criteria::kIRecist) {
      HollowDiamond(cr, lx, ly, 5);
      cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
      Text(cr, lx + 9, ly + 4, "iUPD unconfirmed", 10);
      lx += 115;
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    Cross(cr, lx, ly, 4);
    Text(cr, lx + 9, ly + 4, "death", 10);
    lx += 60;
    cairo_move_to(cr, lx - 3, ly - 4);
    cairo_line_to(cr, lx + 5, ly);
    cairo_line_to(cr, lx - 3, ly + 4);
    cairo_close_path(cr);
    cairo_fill(cr);
    Text(cr, lx + 9, ly + 4, "ongoing", 10);
  };
}

}  // namespace nadir::report
