#include "measure/stats/binomial_ci.h"

#include <stdexcept>
#include <string>

#include "measure/stats/special_functions.h"

namespace nadir::stats {

Proportion ClopperPearson(int k, int n, double level) {
  if (n < 0 || k < 0 || k > n)
    throw std::invalid_argument("Clopper-Pearson: need 0 <= k <= n, got k=" + std::to_string(k) +
                                " n=" + std::to_string(n));
  if (!(level > 0.0 && level < 1.0))
    throw std::invalid_argument("Clopper-Pearson: confidence level must lie in (0, 1)");
  Proportion p;
  p.k = k;
  p.n = n;
  p.level = level;
  if (n == 0) {
    p.ci_high = 1.0;
    return p;
  }
  const double alpha = 1.0 - level;
  p.rate = double(k) / n;
  p.ci_low = k == 0 ? 0.0 : InverseRegularizedIncompleteBeta(alpha / 2.0, k, n - k + 1);
  p.ci_high = k == n ? 1.0 : InverseRegularizedIncompleteBeta(1.0 - alpha / 2.0, k + 1, n - k);
  return p;
}

}  // namespace nadir::stats
