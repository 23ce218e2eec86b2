#include "measure/review/kappa.h"

#include <algorithm>
#include <cmath>

namespace nadir {

namespace {
// Two-sided 95 % quantile of the standard normal distribution.
constexpr double kZ95 = 1.959963984540054;
}  // namespace

std::optional<Kappa> CohensKappa(const std::vector<std::vector<int>>& table) {
  const std::size_t g = table.size();
  if (g == 0) return std::nullopt;
  double total = 0;
  for (const auto& row : table) {
    if (row.size() != g) return std::nullopt;
    for (int c : row) {
      if (c < 0) return std::nullopt;
      total += c;
    }
  }
  if (total == 0) return std::nullopt;

  // Cell and marginal proportions: rows are the first reader, columns the second.
  std::vector<double> row_p(g, 0.0), col_p(g, 0.0);
  for (std::size_t i = 0; i < g; ++i)
    for (std::size_t j = 0; j < g; ++j) {
      row_p[i] += table[i][j] / total;
      col_p[j] += table[i][j] / total;
    }
  Kappa k;
  k.n = static_cast<int>(total);
  for (std::size_t i = 0; i < g; ++i) {
    k.observed_agreement += table[i][i] / total;
    k.expected_agreement += row_p[i] * col_p[i];
  }
  const double pe = k.expected_agreement;
  if (1.0 - pe <= 1e-12) return std::nullopt;
  k.kappa = (k.observed_agreement - pe) / (1.0 - pe);

  // Fleiss, Cohen & Everitt (1969), eq. 13: the variance of kappa when it is not zero.
  const double one_minus_k = 1.0 - k.kappa;
  double diagonal = 0, off_diagonal = 0;
  for (std::size_t i = 0; i < g; ++i) {
    for (std::size_t j = 0; j < g; ++j) {
      const double p = table[i][j] / total;
      if (i == j) {
        const double t = 1.0 - (row_p[i] + col_p[i]) * one_minus_k;
        diagonal += p * t * t;
      } else {
        const double t = col_p[i] + row_p[j];
        off_diagonal += p * t * t;
      }
    }
  }
  const double last = k.kappa - pe * one_minus_k;
  const double variance = (diagonal + one_minus_k * one_minus_k * off_diagonal - last * last) /
                          (total * (1.0 - pe) * (1.0 - pe));
  k.standard_error = std::sqrt(std::max(0.0, variance));
  k.lower95 = k.kappa - kZ95 * k.standard_error;
  k.upper95 = k.kappa + kZ95 * k.standard_error;
  return k;
}

}  // namespace nadir
