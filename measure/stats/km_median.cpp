#include "measure/stats/km_median.h"

#include <cmath>
#include <vector>

namespace nadir::stats {

namespace {
constexpr double kFlatTolerance = 1e-12;
}

std::optional<double> StepQuantile(const KmCurve& curve, const double* values, double p) {
  const double target = 1.0 - p;
  const size_t n = curve.steps.size();
  for (size_t i = 0; i < n; ++i) {
    if (values[i] > target + kFlatTolerance) continue;
    if (std::fabs(values[i] - target) > kFlatTolerance) return curve.steps[i].time;
    // Exactly on the target: the midpoint up to the next drop, if the curve drops again.
    for (size_t j = i + 1; j < n; ++j)
      if (values[j] < values[i] - kFlatTolerance)
        return 0.5 * (curve.steps[i].time + curve.steps[j].time);
    return curve.steps[i].time;
  }
  return std::nullopt;
}

MedianEstimate MedianSurvival(const KmCurve& curve, double level, CiTransform transform) {
  MedianEstimate m;
  m.level = level;
  m.transform = transform;
  const size_t n = curve.steps.size();
  std::vector<double> s(n), low(n), high(n);
  for (size_t i = 0; i < n; ++i) {
    s[i] = curve.steps[i].survival;
    PointwiseInterval(s[i], curve.steps[i].greenwood_sum, transform, level, low[i], high[i]);
  }
  m.median = StepQuantile(curve, s.data(), 0.5);
  m.ci_low = StepQuantile(curve, low.data(), 0.5);
  m.ci_high = StepQuantile(curve, high.data(), 0.5);
  return m;
}

}  // namespace nadir::stats
