// A proportion with its exact (Clopper-Pearson) confidence interval: ORR and DCR.
#pragma once

namespace nadir::stats {

/// k successes out of n, the rate k / n and its two-sided confidence interval.
struct Proportion {
  int k = 0;
  int n = 0;
  double rate = 0.0;     // k / n; 0 when n == 0
  double ci_low = 0.0;   // 0 when k == 0
  double ci_high = 0.0;  // 1 when k == n
  double level = 0.95;
};

/// Exact two-sided Clopper-Pearson interval for a binomial proportion.
///
/// Inputs: k successes (0 <= k <= n), n trials (n >= 0), confidence level in (0, 1).
/// Output: the rate k / n and [low, high] with, for alpha = 1 - level,
///   low  = Beta quantile(alpha / 2;     k,     n - k + 1)   (0 when k = 0)
///   high = Beta quantile(1 - alpha / 2; k + 1, n - k)       (1 when k = n),
/// the values of p at which P(X >= k | p) = alpha / 2 and P(X <= k | p) = alpha / 2.
/// With n == 0 there is no information: rate 0 and the interval [0, 1].
/// References: Clopper & Pearson, Biometrika 1934;26:404-413; the beta form is in
/// Brown, Cai & DasGupta, Stat Sci 2001;16:101-133, section 2.1 (eq. 5).
/// Throws std::invalid_argument for k < 0, k > n or a level outside (0, 1).
Proportion ClopperPearson(int k, int n, double level = 0.95);

}  // namespace nadir::stats
