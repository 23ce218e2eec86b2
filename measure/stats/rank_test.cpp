#include "measure/stats/rank_test.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "measure/stats/special_functions.h"

namespace nadir::stats {

namespace {

// Null distribution of U for sizes m, n: probabilities of u = 0 .. m n, by the Mann-Whitney
// recursion over (i, j), keeping one row of i at a time. All terms are positive: no cancellation.
std::vector<double> MannWhitneyDistribution(int m, int n) {
  // prev[j] holds P_{i-1, j}(.), cur[j] holds P_{i, j}(.).
  std::vector<std::vector<double>> prev(n + 1), cur(n + 1);
  for (int j = 0; j <= n; ++j) prev[j] = {1.0};  // P_{0, j}: U = 0 surely
  for (int i = 1; i <= m; ++i) {
    cur[0] = {1.0};  // P_{i, 0}: U = 0 surely
    for (int j = 1; j <= n; ++j) {
      std::vector<double> p(size_t(i) * j + 1, 0.0);
      const double wx = double(i) / (i + j), wy = double(j) / (i + j);
      // The largest of the pooled values is an x (prob i/(i+j)): it beats all j y's.
      for (size_t u = 0; u < prev[j].size(); ++u) p[u + j] += wx * prev[j][u];
      // It is a y (prob j/(i+j)): U is unchanged.
      for (size_t u = 0; u < cur[j - 1].size(); ++u) p[u] += wy * cur[j - 1][u];
      cur[j] = std::move(p);
    }
    std::swap(prev, cur);
  }
  return prev[n];
}

}  // namespace

double MannWhitneyCdf(double u, int m, int n) {
  if (m < 0 || n < 0) throw std::invalid_argument("Mann-Whitney: negative sample size");
  const double fl = std::floor(u + 1e-9);
  if (fl < 0) return 0.0;
  if (fl >= double(m) * n) return 1.0;
  const auto dist = MannWhitneyDistribution(m, n);
  double p = 0.0;
  for (int k = 0; k <= int(fl); ++k) p += dist[k];
  return std::min(1.0, p);
}

RankSumTest WilcoxonRankSum(const std::vector<double>& x, const std::vector<double>& y,
                            int exact_limit) {
  RankSumTest r;
  r.n1 = int(x.size());
  r.n2 = int(y.size());
  for (double v : x)
    if (!std::isfinite(v)) throw std::invalid_argument("rank-sum test: non-finite value in x");
  for (double v : y)
    if (!std::isfinite(v)) throw std::invalid_argument("rank-sum test: non-finite value in y");
  if (r.n1 == 0 || r.n2 == 0) return r;

  // Pool, sort, assign mid-ranks, and collect tie sizes.
  struct Item {
    double value;
    bool from_x;
  };
  std::vector<Item> pooled;
  pooled.reserve(x.size() + y.size());
  for (double v : x) pooled.push_back({v, true});
  for (double v : y) pooled.push_back({v, false});
  std::sort(pooled.begin(), pooled.end(),
            [](const Item& a, const Item& b) { return a.value < b.value; });
  const double N = double(pooled.size());
  double tie_term = 0.0;  // sum of t^3 - t over tied groups
  for (size_t i = 0; i < pooled.size();) {
    size_t j = i;
    while (j < pooled.size() && pooled[j].value == pooled[i].value) ++j;
    const double t = double(j - i);
    const double mid_rank = 0.5 * (double(i + 1) + double(j));  // ranks i+1 .. j
    for (size_t k = i; k < j; ++k)
      if (pooled[k].from_x) r.rank_sum += mid_rank;
    if (t > 1) {
      r.ties = true;
      tie_term += t * t * t - t;
    }
    i = j;
  }
  const double n1 = r.n1, n2 = r.n2;
  r.w = r.rank_sum - n1 * (n1 + 1.0) / 2.0;

  if (r.n1 < exact_limit && r.n2 < exact_limit && !r.ties) {
    r.exact = true;
    const double half = n1 * n2 / 2.0;
    const double one_tail =
        r.w > half ? 1.0 - MannWhitneyCdf(r.w - 1.0, r.n1, r.n2) : MannWhitneyCdf(r.w, r.n1, r.n2);
    r.p_value = std::min(1.0, 2.0 * one_tail);
    return r;
  }
  const double centred = r.w - n1 * n2 / 2.0;
  const double sigma = std::sqrt(n1 * n2 / 12.0 * ((N + 1.0) - tie_term / (N * (N - 1.0))));
  if (sigma == 0.0) {  // every value equal: no evidence either way
    r.p_value = 1.0;
    return r;
  }
  const double correction = centred > 0 ? 0.5 : centred < 0 ? -0.5 : 0.0;
  r.z = (centred - correction) / sigma;
  r.p_value = std::min(1.0, 2.0 * std::min(NormalCdf(r.z), NormalUpperTail(r.z)));
  return r;
}

}  // namespace nadir::stats
