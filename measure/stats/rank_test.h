// The Wilcoxon-Mann-Whitney rank-sum test: does a covariate (e.g. the tumour's CD70-positive
// percentage) differ between subjects with and without disease control?
#pragma once

#include <vector>

namespace nadir::stats {

struct RankSumTest {
  int n1 = 0;           // size of the first sample (x)
  int n2 = 0;           // size of the second sample (y)
  double w = 0.0;       // Mann-Whitney U of x: rank sum of x minus n1 (n1 + 1) / 2 (R's W)
  double rank_sum = 0;  // Wilcoxon's rank sum of x (mid-ranks for ties)
  bool exact = false;   // p from the exact null distribution, else from the normal approximation
  bool ties = false;
  double z = 0.0;        // normal approximation statistic (0 when exact)
  double p_value = 1.0;  // two-sided
};

/// Two-sided Wilcoxon rank-sum (Mann-Whitney U) test of x against y.
///
/// Inputs: two samples of a numeric covariate (any unit); non-finite values are not allowed.
/// Output: U = #{(i, j): x_i > y_j} + 0.5 #{x_i = y_j}, computed as the rank sum of x in the
/// pooled sample (mid-ranks for ties) minus n1 (n1 + 1) / 2, and a two-sided p-value:
/// - exact when both samples have fewer than `exact_limit` (50) values and there are no ties:
///   p = min(1, 2 min(P(U <= u), P(U >= u))) from the null distribution of U, computed with the
///   recursion P_{m,n}(u) = m/(m+n) P_{m-1,n}(u-n) + n/(m+n) P_{m,n-1}(u) (Mann & Whitney,
///   Ann Math Stat 1947;18:50-60, eq. 2);
/// - otherwise the normal approximation with continuity correction 0.5 and the tie-corrected
///   variance n1 n2 / 12 ((N + 1) - sum(t^3 - t) / (N (N - 1))), t the sizes of tied groups
///   (Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed. 2014, 4.1).
/// These are the choices of R's wilcox.test (stats package) with its defaults.
/// Either sample empty: p = 1, n's set, nothing else.
/// Throws std::invalid_argument for a non-finite value.
RankSumTest WilcoxonRankSum(const std::vector<double>& x, const std::vector<double>& y,
                            int exact_limit = 50);

/// P(U <= u) under H0 for sample sizes m and n without ties (u may be any real; it is floored).
double MannWhitneyCdf(double u, int m, int n);

}  // namespace nadir::stats
