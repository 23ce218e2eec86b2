#include "cli/report/plots_safety.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "cli/report/report_safety_tables.h"
#include "cli/report/text_format.h"

namespace nadir::report {

namespace {

// "100", "10k", "1M": tick labels of a log axis.
std::string DecadeLabel(int e) {
  static const char* small[] = {"0.001", "0.01", "0.1", "1", "10", "100"};
  if (e >= -3 && e <= 2) return small[e + 3];
  if (e < 6) return std::to_string(int(std::pow(10, e - 3))) + "k";
  return std::to_string(int(std::pow(10, e - 6))) + "M";
}

// Decade grid lines and labels on the left of a frame whose y scale is in log10 units.
void LogYAxis(cairo_t* cr, const Frame& f, const Scale& y, int e0, int e1) {
  cairo_set_line_width(cr, 0.5);
  for (int e = e0; e <= e1; ++e) {
    cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
    cairo_move_to(cr, f.left, y(e));
    cairo_line_to(cr, f.right, y(e));
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    Text(cr, f.left - 7, y(e) + 3.5, DecadeLabel(e), 10, Align::kRight);
  }
}

struct Series {
  Rgb colour;
  std::vector<std::pair<double, double>> points;  // (day, value > 0)
};

// Log-scale lines in one frame.
void DrawLogLines(cairo_t* cr, const Frame& f, const Scale& x, const Scale& y,
                  const std::vector<Series>& series) {
  cairo_set_line_width(cr, 1.5);
  for (const auto& s : series) {
    SetColour(cr, s.colour, 0.85);
    cairo_new_path(cr);
    bool pen = false;
    for (const auto& [d, v] : s.points) {
      if (pen)
        cairo_line_to(cr, x(d), y(std::log10(v)));
      else
        cairo_move_to(cr, x(d), y(std::log10(v)));
      pen = true;
    }
    cairo_stroke(cr);
    for (const auto& [d, v] : s.points) {
      cairo_arc(cr, x(d), y(std::log10(v)), 2.2, 0, 2 * M_PI);
      cairo_fill(cr);
    }
  }
  (void)f;
}

void Decades(const std::vector<Series>& series, int& e0, int& e1) {
  double lo = 1e300, hi = 0;
  for (const auto& s : series)
    for (const auto& [d, v] : s.points) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (hi <= 0) lo = hi = 1;
  e0 = int(std::floor(std::log10(lo)));
  e1 = int(std::ceil(std::log10(hi)));
  if (e1 == e0) ++e1;
}

}  // namespace

Rgb CrsGradeColour(int grade) {
  static const Rgb c[] = {{0.6, 0.6, 0.6},
                          {0.94, 0.80, 0.25},
                          {0.90, 0.55, 0.10},
                          {0.80, 0.25, 0.10},
                          {0.45, 0.05, 0.10}};
  return c[std::clamp(grade, 0, 4)];
}

Figure EscalationFigure(const Report& r, const ArmEscalationReport& arm) {
  return [&r, &arm](cairo_t* cr, double w, double h) {
    const auto& e = arm.escalation;
    Title(cr, w, "Dose escalation (3+3), arm " + arm.arm + ": MTD " + e.mtd.value_or("none"),
          e.reason + "; DLT window day 0-" + std::to_string(stats::kDltWindowDays));
    const size_t n = std::max<size_t>(1, e.levels.size());
    const double left = 80, right = w - 40, bottom = h - 110;
    const double col = (right - left) / double(n);
    const double r0 = std::min(16.0, col / 8);
    for (size_t i = 0; i < e.levels.size(); ++i) {
      const auto& l = e.levels[i];
      const double cx = left + col * (double(i) + 0.5);
      // Subjects of this level, in file order.
      std::vector<const ReportSubject*> subjects;
      for (const auto& s : r.subjects) {
        const auto& g = *s.groups;
        if (s.treatment_start && g.count(kArmLabel) && g.at(kArmLabel) == arm.arm &&
            g.count(kDoseLevelLabel) && g.at(kDoseLevelLabel) == l.dose_level)
          subjects.push_back(&s);
      }
      for (size_t k = 0; k < subjects.size(); ++k) {
        const ReportSubject& s = *subjects[k];
        const double cy = bottom - 50 - double(k) * (2.6 * r0 + 16);
        const bool dlt =
            std::any_of(r.safety.events.begin(), r.safety.events.end(), [&](const auto& ev) {
              return ev.subject == s.id && stats::IsDoseLimiting(ev, *s.treatment_start);
            });
        cairo_set_line_width(cr, 2);
        cairo_new_path(cr);  // Text leaves a current point: start afresh
        if (!s.dlt_evaluable) {
          cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
          cairo_move_to(cr, cx - r0, cy - r0);
          cairo_line_to(cr, cx + r0, cy + r0);
          cairo_move_to(cr, cx + r0, cy - r0);
          cairo_line_to(cr, cx - r0, cy + r0);
          cairo_stroke(cr);
        } else {
          cairo_arc(cr, cx, cy, r0, 0, 2 * M_PI);
          SetColour(cr, dlt ? Rgb{0.84, 0.37, 0.0} : Rgb{0.0, 0.45, 0.70});
          if (dlt) cairo_fill_preserve(cr);
          cairo_stroke(cr);
        }
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        Text(cr, cx, cy + r0 + 11, s.id, 8.5, Align::kCentre);
      }
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Text(cr, cx, bottom + 8, l.dose_level, 13, Align::kCentre, true);
      Text(cr, cx, bottom + 26,
           std::to_string(l.dlt) + " DLT / " + std::to_string(l.evaluable) + " evaluable (" +
               std::to_string(l.treated) + " treated)",
           9.5, Align::kCentre);
      const bool exceeded = l.decision == stats::EscalationDecision::kExceeded;
      SetColour(cr, exceeded ? Rgb{0.80, 0.25, 0.10} : Rgb{0.2, 0.2, 0.2});
      Text(cr, cx, bottom + 44, stats::DecisionKey(l.decision), 11, Align::kCentre, true);
      if (e.mtd && *e.mtd == l.dose_level) {
        SetColour(cr, Rgb{0.0, 0.62, 0.45});
        Text(cr, cx, bottom + 62, "MTD", 12, Align::kCentre, true);
      }
      if (i + 1 < e.levels.size()) {  // arrow to the next level
        cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
        cairo_new_path(cr);
        const double ax = cx + col / 2;
        cairo_move_to(cr, ax - 8, bottom + 4);
        cairo_line_to(cr, ax + 8, bottom + 4);
        cairo_line_to(cr, ax + 3, bottom);
        cairo_stroke(cr);
      }
    }
    Legend(cr, left, h - 14,
           {{"DLT", {0.84, 0.37, 0.0}},
            {"evaluable, no DLT", {0.0, 0.45, 0.70}},
            {"not DLT-evaluable (x)", {0.6, 0.6, 0.6}}});
  };
}

Figure KineticsFigure(const Report& r) {
  return [&r](cairo_t* cr, double w, double h) {
    const auto& s = r.safety;
    std::map<std::string, std::vector<const SubjectKinetics*>> arms;
    std::set<std::string, bool (*)(const std::string&, const std::string&)> levels(
        stats::DoseLevelLess);
    double xmax = 28;
    for (const auto& k : s.kinetics) {
      arms[k.groups.count(kArmLabel) ? k.groups.at(kArmLabel) : "all"].push_back(&k);
      levels.insert(k.groups.count(kDoseLevelLabel) ? k.groups.at(kDoseLevelLabel) : "-");
      xmax = std::max(xmax, k.profile.time.empty() ? 0.0 : k.profile.time.back());
    }
    const std::vector<std::string> level_list(levels.begin(), levels.end());
    auto colour = [&](const SubjectKinetics& k) {
      const std::string l = k.groups.count(kDoseLevelLabel) ? k.groups.at(kDoseLevelLabel) : "-";
      return SeriesColour(
          size_t(std::find(level_list.begin(), level_list.end(), l) - level_list.begin()));
    };
    std::vector<std::vector<Series>> panels;
    std::vector<Series> all;
    for (const auto& [arm, ks] : arms) {
      panels.emplace_back();
      for (const auto* k : ks) {
        Series sr{colour(*k), {}};
        for (size_t i = 0; i < k->profile.time.size(); ++i)
          if (k->profile.value[i] > 0)
            sr.points.push_back({k->profile.time[i], k->profile.value[i]});
        panels.back().push_back(sr);
        all.push_back(sr);
      }
    }
    int e0, e1;
    Decades(all, e0, e1);
    Title(cr, w, "CAR-T cell expansion and persistence in blood, by dose level",
          "log scale" + (s.kinetics_unit.empty() ? "" : ", " + s.kinetics_unit) +
              "; one line per subject; levels below the limit of quantification not drawn");
    const double top = 78, bottom = h - 60, left = 80, right = w - 20, gap = 30;
    const double pw = (right - left - gap * double(panels.size() - 1)) / double(panels.size());
    const auto xt = NiceTicks(0, xmax, 7);
    size_t p = 0;
    for (const auto& [arm, ks] : arms) {
      const Frame f{left + double(p) * (pw + gap), top, left + double(p) * (pw + gap) + pw, bottom};
      const Scale x{0, std::max(xt.back(), xmax), f.left, f.right};
      const Scale y{double(e0), double(e1), f.bottom, f.top};
      DrawAxes(cr, f, x, y, xt, {}, "Days since infusion",
               p == 0
                   ? "CAR-T level" + (s.kinetics_unit.empty() ? "" : " (" + s.kinetics_unit + ")")
                   : "");
      LogYAxis(cr, f, y, e0, e1);
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Text(cr, (f.left + f.right) / 2, f.top - 6,
           "arm " + arm + " (n=" + std::to_string(ks.size()) + ")", 11, Align::kCentre, true);
      DrawLogLines(cr, f, x, y, panels[p]);
      ++p;
    }
    std::vector<std::pair<std::string, Rgb>> legend;
    for (size_t i = 0; i < level_list.size(); ++i)
      legend.push_back({level_list[i], SeriesColour(i)});
    Legend(cr, left, h - 14, legend);
  };
}

Figure CytokineFigure(const Report& r, const std::string& analyte) {
  return [&r, analyte](cairo_t* cr, double w, double h) {
    const auto& s = r.safety;
    std::vector<Series> series;
    double xmin = 0, xmax = 14;
    for (const auto& c : s.cytokines) {
      if (c.analyte != analyte) continue;
      Series sr{CrsGradeColour(c.crs_grade), {}};
      for (const auto& v : c.values)
        if (v.value > 0) {
          sr.points.push_back({v.day, v.value});
          xmin = std::min(xmin, v.day);
          xmax = std::max(xmax, v.day);
        }
      series.push_back(sr);
    }
    int e0, e1;
    Decades(series, e0, e1);
    const std::string unit = s.lab_units.count(analyte) ? s.lab_units.at(analyte) : "";
    Title(cr, w, analyte + " after CAR-T infusion, by worst CRS grade (ASTCT 2019)",
          "log scale, " + unit + "; one line per subject; day 0 = infusion");
    const Frame f{80, 70, w - 20, h - 60};
    const auto xt = NiceTicks(xmin, xmax, 8);
    const Scale x{std::min(xt.front(), xmin), std::max(xt.back(), xmax), f.left, f.right};
    const Scale y{double(e0), double(e1), f.bottom, f.top};
    DrawAxes(cr, f, x, y, xt, {}, "Days since infusion", analyte + " (" + unit + ")");
    LogYAxis(cr, f, y, e0, e1);
    DrawLogLines(cr, f, x, y, series);
    std::vector<std::pair<std::string, Rgb>> legend;
    for (int g = 0; g <= 4; ++g)
      legend.push_back({g ? "CRS grade " + std::to_string(g) : "no CRS", CrsGradeColour(g)});
    Legend(cr, 80, h - 14, legend);
  };
}

Figure CovariateToxicityFigure(const Report& r, const std::string& covariate) {
  return [&r, covariate](cairo_t* cr, double w, double h) {
    const auto& s = r.safety;
    struct Column {
      std::string label;
      std::vector<std::pair<double, int>> values;  // (covariate, CRS grade)
    };
    std::vector<Column> cols = {{"no CRS", {}}, {"CRS", {}}, {"no ICANS", {}}, {"ICANS", {}}};
    std::string subtitle;
    double lo = 0, hi = 100;
    for (const auto& sub : r.subjects) {
      const auto v = sub.covariates->find(covariate);
      if (!sub.treatment_start || v == sub.covariates->end() || !s.crs_grade.count(sub.id))
        continue;
      const int crs = s.crs_grade.at(sub.id), icans = s.icans_grade.at(sub.id);
      cols[crs > 0 ? 1 : 0].values.push_back({v->second, crs});
      cols[icans > 0 ? 3 : 2].values.push_back({v->second, crs});
      lo = std::min(lo, v->second);
      hi = std::max(hi, v->second);
    }
    for (const auto& t : s.toxicity_covariates)
      if (t.covariate == covariate)
        subtitle += (subtitle.empty() ? "" : "; ") + t.toxicity +
                    ": rank-sum p = " + Num(t.test.p_value, 3) +
                    (t.test.exact ? " (exact)" : " (normal approx.)");
    Title(cr, w, covariate + " and CRS / ICANS (any grade, treatment emergent)",
          subtitle + "; dots coloured by worst CRS grade, bars: medians");
    const Frame f{80, 70, w - 30, h - 60};
    const auto yt = NiceTicks(lo, hi, 6);
    const Scale x{0, double(cols.size()), f.left, f.right};
    const Scale y{yt.front(), std::max(yt.back(), hi), f.bottom, f.top};
    DrawAxes(cr, f, x, y, {}, yt, "", covariate);
    for (size_t i = 0; i < cols.size(); ++i) {
      const double cx = x(double(i) + 0.5);
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Text(cr, cx, f.bottom + 18,
           cols[i].label + " (n=" + std::to_string(cols[i].values.size()) + ")", 11, Align::kCentre,
           true);
      std::vector<double> vals;
      for (size_t k = 0; k < cols[i].values.size(); ++k) {
        const auto& [v, g] = cols[i].values[k];
        vals.push_back(v);
        const double jitter = (double(k % 5) - 2) * 7;
        SetColour(cr, CrsGradeColour(g));
        cairo_new_path(cr);
        cairo_arc(cr, cx + jitter, y(v), 5, 0, 2 * M_PI);
        cairo_fill(cr);
      }
      if (const auto m = stats::MedianAndRange(vals).median) {
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cairo_set_line_width(cr, 2);
        cairo_new_path(cr);
        cairo_move_to(cr, cx - 30, y(*m));
        cairo_line_to(cr, cx + 30, y(*m));
        cairo_stroke(cr);
      }
    }
    std::vector<std::pair<std::string, Rgb>> legend;
    for (int g = 0; g <= 4; ++g)
      legend.push_back({g ? "CRS grade " + std::to_string(g) : "no CRS", CrsGradeColour(g)});
    Legend(cr, 80, h - 14, legend);
  };
}

}  // namespace nadir::report
