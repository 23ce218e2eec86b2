// Median survival time with the Brookmeyer-Crowley confidence interval.
#pragma once

#include <optional>

#include "measure/stats/kaplan_meier.h"

namespace nadir::stats {

/// A median (or other quantile) of survival time with its interval; each part is nullopt
/// when "not reached" (the curve, or its confidence band, never falls to the quantile).
struct MedianEstimate {
  std::optional<double> median;
  std::optional<double> ci_low;
  std::optional<double> ci_high;
  double level = 0.95;
  CiTransform transform = CiTransform::kLogLog;
};

/// The p-quantile of a right-continuous step function given at `curve`'s steps: the first
/// time at which the value falls to 1 - p or below (p = 0.5: the median). When the value
/// equals 1 - p exactly (within 1e-12) on an interval [t_i, t_j), t_j the next time at which
/// it drops, the quantile is the midpoint (t_i + t_j) / 2, as R's survival package and SAS
/// PROC LIFETEST report it; when the curve ends on that flat part, the start t_i.
/// `values[i]` is the function's value just after `curve.steps[i].time`.
std::optional<double> StepQuantile(const KmCurve& curve, const double* values, double p);

/// Median survival and its Brookmeyer-Crowley interval.
///
/// Inputs: a Kaplan-Meier curve (any time unit), confidence level, transform.
/// Output: the median as StepQuantile(S, 0.5); the interval is the set of times t at which the
/// test of H0: S(t) = 0.5 is not rejected at 1 - level, i.e. where the pointwise interval of
/// S(t) contains 0.5. Its lower limit is where the lower confidence band of S first reaches
/// 0.5, its upper limit where the upper band does (StepQuantile of each band).
/// Transform: by default log-log, g(S) = log(-log S), with Greenwood's variance through the
/// delta method, as SAS PROC LIFETEST (CONFTYPE=LOGLOG, its default) does; kLog reproduces R's
/// survfit default; kPlain is the original linear form of Brookmeyer & Crowley.
/// References: Brookmeyer & Crowley, Biometrics 1982;38:29-41; Klein & Moeschberger,
/// Survival Analysis, 2nd ed. 2003, section 4.5.
MedianEstimate MedianSurvival(const KmCurve& curve, double level = 0.95,
                              CiTransform transform = CiTransform::kLogLog);

}  // namespace nadir::stats
