#include "measure/stats/special_functions.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace nadir::stats {

namespace {

constexpr double kTiny = 1e-300;       // keeps Lentz's denominators away from zero
constexpr double kEpsilon = 1e-16;     // continued fraction converged when a factor is 1 +- this
constexpr int kMaxIterations = 10000;  // enough for a, b of order 1e6

double LogBeta(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

// The continued fraction of A&S 26.5.8, I_x(a, b) = front * (1 / (1 + d1 / (1 + d2 / ...))) / a,
// with d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and
//      d_{2m}   =  m (b - m) x / ((a + 2m - 1)(a + 2m)); evaluated by modified Lentz.
double BetaContinuedFraction(double x, double a, double b) {
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= kMaxIterations; ++m) {
    const double m2 = 2.0 * m;
    // Even step d_{2m}.
    double num = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    d = 1.0 + num * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + num / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    // Odd step d_{2m+1}.
    num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    d = 1.0 + num * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + num / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double factor = d * c;
    h *= factor;
    if (std::fabs(factor - 1.0) < kEpsilon) return h;
  }
  return h;  // not converged within kMaxIterations: the best value reached
}

// Density of Beta(a, b) at x in (0, 1), the derivative of I_x(a, b) in x.
double BetaDensity(double x, double a, double b) {
  return std::exp((a - 1.0) * std::log(x) + (b - 1.0) * std::log1p(-x) - LogBeta(a, b));
}

}  // namespace

double RegularizedIncompleteBeta(double x, double a, double b) {
  if (!(a > 0.0) || !(b > 0.0))
    throw std::invalid_argument("incomplete beta: shape parameters must be positive");
  if (!(x >= 0.0 && x <= 1.0)) throw std::invalid_argument("incomplete beta: x outside [0, 1]");
  if (x == 0.0) return 0.0;
  if (x == 1.0) return 1.0;
  const double log_front = a * std::log(x) + b * std::log1p(-x) - LogBeta(a, b);
  if (x < (a + 1.0) / (a + b + 2.0))
    return std::exp(log_front) * BetaContinuedFraction(x, a, b) / a;
  return 1.0 - std::exp(log_front) * BetaContinuedFraction(1.0 - x, b, a) / b;
}

double InverseRegularizedIncompleteBeta(double p, double a, double b) {
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("inverse beta: p outside [0, 1]");
  if (p == 0.0) return 0.0;
  if (p == 1.0) return 1.0;
  double lo = 0.0, hi = 1.0;
  double x = a / (a + b);  // the mean: a start inside the bracket
  double residual = RegularizedIncompleteBeta(x, a, b) - p;
  // Relative stopping rule: quantiles near 0 (small a) need digits far below 1e-15.
  for (int i = 0; i < 400 && hi - lo > 4e-16 * x && residual != 0.0; ++i) {
    if (residual > 0.0)
      hi = x;
    else
      lo = x;
    const double density = BetaDensity(x, a, b);
    double next = density > 0.0 && std::isfinite(density) ? x - residual / density : lo - 1.0;
    bool newton_ok = next > lo && next < hi;
    double next_residual = 0.0;
    if (newton_ok) {
      next_residual = RegularizedIncompleteBeta(next, a, b) - p;
      newton_ok = std::fabs(next_residual) <= 0.5 * std::fabs(residual);
    }
    if (!newton_ok) {
      next = 0.5 * (lo + hi);
      next_residual = RegularizedIncompleteBeta(next, a, b) - p;
    }
    x = next;
    residual = next_residual;
  }
  return x;
}

double NormalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

double NormalUpperTail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

double NormalQuantile(double p) {
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("normal quantile: p outside (0, 1)");
  double lo = -40.0, hi = 40.0, z = 0.0;
  const double kInvSqrt2Pi = 0.3989422804014327;
  for (int i = 0; i < 200; ++i) {
    const double residual = NormalCdf(z) - p;
    if (residual == 0.0) break;
    if (residual > 0.0)
      hi = z;
    else
      lo = z;
    const double density = kInvSqrt2Pi * std::exp(-0.5 * z * z);
    double next = z - residual / density;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (std::fabs(next - z) <= 1e-15 * std::max(1.0, std::fabs(z))) {
      z = next;
      break;
    }
    z = next;
  }
  return z;
}

}  // namespace nadir::stats
