// Separable exact Euclidean distance transform (see distance.h).
#include "analysis/distance.h"

#include <cmath>
#include <limits>

namespace nadir::analysis {
namespace {

constexpr double kInf = 1e20;

// One pass along a line: f holds squared distances so far (kInf where none), sampled every
// `step` mm; on return the lower envelope of parabolas (the new squared distances).
void Pass(std::vector<double>& f, double step, std::vector<double>& d, std::vector<int>& v,
          std::vector<double>& z) {
  const int n = int(f.size());
  d.resize(n);
  v.resize(n);
  z.resize(n + 1);
  const double w = step * step;
  int k = 0;
  int first = -1;
  for (int q = 0; q < n; ++q)
    if (f[q] < kInf) {
      first = q;
      break;
    }
  if (first < 0) return;  // nothing on this line: it stays kInf
  v[0] = first;
  z[0] = -kInf;
  z[1] = kInf;
  for (int q = first + 1; q < n; ++q) {
    if (f[q] >= kInf) continue;
    double s;
    while (true) {
      const int p = v[k];
      s = ((f[q] + w * q * q) - (f[p] + w * p * p)) / (2 * w * (q - p));
      if (s <= z[k] && k > 0)
        --k;
      else
        break;
    }
    ++k;
    v[k] = q;
    z[k] = s;
    z[k + 1] = kInf;
  }
  k = 0;
  for (int q = 0; q < n; ++q) {
    while (z[k + 1] < q) ++k;
    const double dq = q - v[k];
    d[q] = w * dq * dq + f[v[k]];
  }
  f = d;
}

}  // namespace

std::vector<float> DistanceTo(const std::vector<std::uint8_t>& set, std::uint8_t target,
                              const std::array<int, 3>& size,
                              const std::array<double, 3>& spacing) {
  const std::size_t nx = size[0], ny = size[1], nz = size[2];
  std::vector<double> g(set.size());
  for (std::size_t n = 0; n < set.size(); ++n) g[n] = set[n] == target ? 0 : kInf;
  std::vector<double> line, d, z;
  std::vector<int> v;
  auto run = [&](std::size_t start, std::size_t stride, std::size_t count, double step) {
    line.resize(count);
    for (std::size_t q = 0; q < count; ++q) line[q] = g[start + q * stride];
    Pass(line, step, d, v, z);
    for (std::size_t q = 0; q < count; ++q) g[start + q * stride] = line[q];
  };
  for (std::size_t k = 0; k < nz; ++k)
    for (std::size_t j = 0; j < ny; ++j) run((k * ny + j) * nx, 1, nx, spacing[0]);
  for (std::size_t k = 0; k < nz; ++k)
    for (std::size_t i = 0; i < nx; ++i) run(k * ny * nx + i, nx, ny, spacing[1]);
  for (std::size_t j = 0; j < ny; ++j)
    for (std::size_t i = 0; i < nx; ++i) run(j * nx + i, nx * ny, nz, spacing[2]);
  std::vector<float> out(g.size());
  for (std::size_t n = 0; n < g.size(); ++n)
    out[n] = g[n] >= kInf ? std::numeric_limits<float>::max() : float(std::sqrt(g[n]));
  return out;
}

}  // namespace nadir::analysis
