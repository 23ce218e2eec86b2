// Non-compartmental analysis (NCA) of a cell-kinetic or drug-concentration profile: Cmax, Tmax,
// Clast, Tlast and partial AUCs by the linear-up/log-down trapezoidal rule. Pure: values in,
// values out. Times in any unit (CAR-T kinetics: days since infusion), levels in any unit.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nadir::stats {

/// One sample: the time after dosing and the measured level, or below the limit of
/// quantification (BLQ; `value` ignored).
struct LevelSample {
  double time = 0;
  double value = 0;
  bool blq = false;
};

/// The profile NCA uses, after the BLQ rule and day 0 (points ascending in time).
struct Profile {
  std::vector<double> time;
  std::vector<double> value;
};

/// Applies the BLQ rule of PKNCA's defaults (`conc.blq = list(first = "keep", middle = "drop",
/// last = "keep")`, PKNCA.options, Denney et al., PKNCA): a BLQ sample before the first
/// measurable one counts as 0, one between measurable samples is dropped, one after the last
/// measurable one counts as 0. Then, without a sample at time 0, the level at time 0 is 0 (no
/// cells before infusion). Throws std::invalid_argument for a negative, non-finite or repeated
/// time, or a negative or non-finite measured value.
Profile CleanProfile(std::vector<LevelSample> samples);

/// The level at `t` between the profile's points: linear when the level rises (or either end
/// is 0), log-linear when it falls; nullopt outside [first time, last time].
std::optional<double> InterpolateLevel(const Profile& p, double t);

/// AUC from time 0 to `end` by the linear-up/log-down trapezoidal rule: a segment where the
/// level rises or stays (or either end is 0) is a linear trapezoid (t2 - t1)(c1 + c2) / 2; one
/// where it falls is log-trapezoidal (t2 - t1)(c1 - c2) / ln(c1 / c2). When `end` falls between
/// samples, the level there is interpolated (InterpolateLevel) and the last segment cut there.
/// nullopt when no sample reaches `end`. Reference: Gabrielsson & Weiner, Pharmacokinetic and
/// Pharmacodynamic Data Analysis, 5th ed. 2016, section 2.8.3; PKNCA's "lin up/log down".
std::optional<double> AucLinearUpLogDown(const Profile& p, double end);

struct NcaResult {
  std::optional<double> cmax;   // the highest level (nullopt for an empty profile)
  std::optional<double> tmax;   // the first time the level is cmax
  std::optional<double> clast;  // the last level above 0 (nullopt when none)
  std::optional<double> tlast;
  std::vector<double> auc_ends;            // as asked
  std::vector<std::optional<double>> auc;  // AUC 0-end per end; nullopt when not reached
};

/// NCA of one subject's samples (CleanProfile, then the values above) with partial AUCs from 0
/// to each of `auc_ends`.
NcaResult NonCompartmental(const std::vector<LevelSample>& samples,
                           const std::vector<double>& auc_ends);

/// Geometric mean and geometric coefficient of variation of positive values:
/// GM = exp(mean ln x), CV% = 100 sqrt(exp(s^2) - 1) with s the standard deviation (n - 1) of
/// ln x (Kirkwood, Biometrics 1979;35:908-909; PKNCA's geocv). Values <= 0 are not used and
/// counted in `not_positive`; cv needs two values.
struct GeometricSummary {
  int n = 0;
  int not_positive = 0;
  std::optional<double> mean;
  std::optional<double> cv_pct;
};
GeometricSummary Geometric(const std::vector<double>& values);

/// Median, minimum and maximum (for Tmax); empty when no values.
struct MedianRange {
  int n = 0;
  std::optional<double> median, min, max;
};
MedianRange MedianAndRange(const std::vector<double>& values);

}  // namespace nadir::stats
