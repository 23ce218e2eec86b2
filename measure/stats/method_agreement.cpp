// Bland-Altman and ICC(2,1) (see method_agreement.h).
#include "measure/stats/method_agreement.h"

#include <cmath>
#include <limits>

namespace nadir::stats {

BlandAltman BlandAltmanOf(const std::vector<std::pair<double, double>>& pairs) {
  BlandAltman r;
  r.n = int(pairs.size());
  if (r.n == 0) return r;
  for (const auto& [a, b] : pairs) r.bias += (b - a) / r.n;
  if (r.n < 2) return r;
  double ss = 0;
  for (const auto& [a, b] : pairs) ss += (b - a - r.bias) * (b - a - r.bias);
  r.sd = std::sqrt(ss / (r.n - 1));
  r.lower = r.bias - 1.96 * r.sd;
  r.upper = r.bias + 1.96 * r.sd;
  return r;
}

double Icc21(const std::vector<std::pair<double, double>>& pairs) {
  const int n = int(pairs.size());
  constexpr int k = 2;
  if (n < 2) return std::numeric_limits<double>::quiet_NaN();
  double grand = 0, col_a = 0, col_b = 0;
  for (const auto& [a, b] : pairs) {
    grand += (a + b) / (k * n);
    col_a += a / n;
    col_b += b / n;
  }
  double ss_rows = 0, ss_total = 0;
  for (const auto& [a, b] : pairs) {
    const double row = 0.5 * (a + b);
    ss_rows += k * (row - grand) * (row - grand);
    ss_total += (a - grand) * (a - grand) + (b - grand) * (b - grand);
  }
  const double ss_cols =
      n * ((col_a - grand) * (col_a - grand) + (col_b - grand) * (col_b - grand));
  const double ss_error = ss_total - ss_rows - ss_cols;
  const double msr = ss_rows / (n - 1), msc = ss_cols / (k - 1);
  const double mse = ss_error / ((n - 1) * (k - 1));
  const double denom = msr + (k - 1) * mse + k * (msc - mse) / n;
  if (!(denom > 0)) return std::numeric_limits<double>::quiet_NaN();
  return (msr - mse) / denom;
}

}  // namespace nadir::stats
