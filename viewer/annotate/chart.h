// The sum-of-diameters chart of the response panel as plain values: one point per timepoint
// with a sum, the partial-response line (baseline - 30 %) and the progression line (nadir +
// 20 %, stepping with the nadir). The numbers come from the engine's results; the reference
// lines use the rule constants of measure/rules.h (RECIST 1.1 §4.3.1). Nothing is decided here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "measure/results.h"

namespace nadir::annotate {

struct ChartPoint {
  int day = 0;                                // days after the baseline
  std::optional<double> sum_mm;               // nullopt: not evaluable (a target not evaluated)
  std::optional<double> progression_line_mm;  // nadir_mm * 1.2 at this follow-up
  std::string label;                          // overall response at this timepoint
};

struct SumChart {
  std::vector<ChartPoint> points;             // baseline first
  std::optional<double> partial_response_mm;  // baseline sum * 0.7
  double max_mm = 0;                          // top of the plot
  int last_day = 0;
};

/// The chart of one subject's results under RECIST 1.1 (`irecist`: iRECIST labels).
SumChart ChartOf(const SubjectResult& r, bool irecist = false);

}  // namespace nadir::annotate
