#include "measure/sum_of_diameters.h"

namespace nadir {

namespace {
std::optional<double> AxisFor(bool nodal, const std::optional<double>& long_axis,
                              const std::optional<double>& short_axis) {
  return nodal ? short_axis : long_axis;
}
}  // namespace

std::optional<double> TargetDiameterMm(const LesionRecord& lesion, const Protocol& protocol) {
  switch (lesion.state) {
    case LesionState::kNotEvaluated:
      return std::nullopt;
    case LesionState::kAbsent:
    case LesionState::kMerged:
      return 0.0;
    case LesionState::kTooSmall: {
      // §4.3.2: a reader who could measure it records the value, even under 5 mm.
      const auto given = AxisFor(lesion.nodal, lesion.long_axis_mm, lesion.short_axis_mm);
      return given ? *given : protocol.too_small_mm;
    }
    default:
      break;
  }
  if (!lesion.fragments.empty()) {
    double sum = 0.0;
    for (const auto& f : lesion.fragments)
      sum += AxisFor(lesion.nodal, f.long_axis_mm, f.short_axis_mm).value_or(0.0);
    return sum;
  }
  return AxisFor(lesion.nodal, lesion.long_axis_mm, lesion.short_axis_mm);
}

}  // namespace nadir
