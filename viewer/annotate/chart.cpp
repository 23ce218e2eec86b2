#include "viewer/annotate/chart.h"

#include <algorithm>

#include "measure/rules.h"

namespace nadir::annotate {

SumChart ChartOf(const SubjectResult& r, bool irecist) {
  SumChart c;
  if (!r.baseline) return c;
  const CriteriaResult* cr =
      irecist ? (r.irecist ? &*r.irecist : nullptr) : (r.recist11 ? &*r.recist11 : nullptr);
  ChartPoint base;
  base.sum_mm = r.baseline->sum_mm;
  base.label = "baseline";
  c.points.push_back(base);
  if (r.baseline->sum_mm)
    c.partial_response_mm = *r.baseline->sum_mm * (1.0 - kPartialResponseDecrease);
  if (cr)
    for (const TimepointResponse& t : cr->timepoints) {
      ChartPoint p;
      p.day = DaysBetween(r.baseline->date, t.date);
      p.sum_mm = t.sum_mm;
      if (t.nadir_mm) p.progression_line_mm = *t.nadir_mm * (1.0 + kProgressionIncrease);
      p.label = irecist ? ToIRecistString(t.overall) : ToString(t.overall);
      c.points.push_back(p);
    }
  for (const ChartPoint& p : c.points) {
    c.max_mm = std::max({c.max_mm, p.sum_mm.value_or(0), p.progression_line_mm.value_or(0)});
    c.last_day = std::max(c.last_day, p.day);
  }
  c.max_mm = c.max_mm > 0 ? c.max_mm * 1.1 : 10.0;
  return c;
}

}  // namespace nadir::annotate
