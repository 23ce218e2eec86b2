#include "measure/stats/covariate_bands.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace nadir::stats {

namespace {

std::string FormatCut(double v) {
  char buf[32];
  if (v == std::floor(v) && std::fabs(v) < 1e9)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

double SampleQuantile(std::vector<double> values, double p) {
  if (values.empty()) throw std::invalid_argument("quantile of an empty sample");
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("quantile: p outside [0, 1]");
  std::sort(values.begin(), values.end());
  const double h = (double(values.size()) - 1.0) * p;
  const size_t lo = size_t(std::floor(h));
  const size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - double(lo)) * (values[hi] - values[lo]);
}

std::vector<double> TertileCuts(const std::vector<double>& values) {
  if (values.empty()) return {};
  std::vector<double> cuts = {SampleQuantile(values, 1.0 / 3.0), SampleQuantile(values, 2.0 / 3.0)};
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

CovariateBands RatesByBand(const std::vector<CovariateOutcome>& subjects, std::vector<double> cuts,
                           double level) {
  for (double c : cuts)
    if (!std::isfinite(c)) throw std::invalid_argument("covariate bands: non-finite cut point");
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  CovariateBands out;
  out.cuts = cuts;
  const size_t nb = cuts.size() + 1;
  std::vector<int> n(nb, 0), responses(nb, 0), controls(nb, 0);
  for (const auto& s : subjects) {
    if (!s.value || !std::isfinite(*s.value)) {
      ++out.missing;
      continue;
    }
    // Band index: the number of cuts strictly below the value (x <= c stays in the lower band).
    const size_t b = size_t(std::lower_bound(cuts.begin(), cuts.end(), *s.value) - cuts.begin());
    ++n[b];
    responses[b] += s.response;
    controls[b] += s.control;
  }
  for (size_t b = 0; b < nb; ++b) {
    BandRates band;
    if (b > 0) band.lower = cuts[b - 1];
    if (b < cuts.size()) band.upper = cuts[b];
    if (nb == 1)
      band.label = "all";
    else if (b == 0)
      band.label = "<= " + FormatCut(cuts[0]);
    else if (b == cuts.size())
      band.label = "> " + FormatCut(cuts.back());
    else
      band.label = FormatCut(cuts[b - 1]) + "-" + FormatCut(cuts[b]);
    band.orr = ClopperPearson(responses[b], n[b], level);
    band.dcr = ClopperPearson(controls[b], n[b], level);
    out.bands.push_back(band);
  }
  return out;
}

}  // namespace nadir::stats
