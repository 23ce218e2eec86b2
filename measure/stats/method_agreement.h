// Agreement between two methods measuring the same lesions (manual calipers against
// semi-automatic measurement): Bland-Altman bias and limits of agreement, and ICC(2,1).
#pragma once

#include <utility>
#include <vector>

namespace nadir::stats {

/// Bland & Altman, Lancet 1986;327:307-310: differences b - a, their mean (bias) and the 95 %
/// limits of agreement bias +- 1.96 SD (SD with n - 1). n < 2 leaves sd and limits at 0.
struct BlandAltman {
  int n = 0;
  double bias = 0, sd = 0, lower = 0, upper = 0;
};
BlandAltman BlandAltmanOf(const std::vector<std::pair<double, double>>& pairs);

/// ICC(2,1) of Shrout & Fleiss, Psychol Bull 1979;86:420-428 (two-way random effects,
/// absolute agreement, single measurement), from the two-way ANOVA mean squares:
///   (MSR - MSE) / (MSR + (k - 1) MSE + k (MSC - MSE) / n), k = 2 methods, n lesions.
/// Returns NaN for fewer than 2 pairs or no variance at all.
double Icc21(const std::vector<std::pair<double, double>>& pairs);

}  // namespace nadir::stats
