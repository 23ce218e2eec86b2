#include "measure/stats/noncompartmental.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "measure/stats/covariate_bands.h"

namespace nadir::stats {

namespace {

std::string Show(double v) { return std::to_string(v); }

// Linear when rising, level or touching 0; log-linear when falling.
bool UseLog(double c1, double c2) { return c1 > 0 && c2 > 0 && c2 < c1; }

double SegmentLevel(double t1, double c1, double t2, double c2, double t) {
  const double f = (t - t1) / (t2 - t1);
  if (UseLog(c1, c2)) return std::exp(std::log(c1) + f * (std::log(c2) - std::log(c1)));
  return c1 + f * (c2 - c1);
}

double SegmentArea(double t1, double c1, double t2, double c2) {
  if (UseLog(c1, c2)) return (t2 - t1) * (c1 - c2) / std::log(c1 / c2);
  return (t2 - t1) * (c1 + c2) / 2;
}

}  // namespace

Profile CleanProfile(std::vector<LevelSample> samples) {
  for (const auto& s : samples) {
    if (!std::isfinite(s.time) || s.time < 0)
      throw std::invalid_argument("time " + Show(s.time) + " is not a time after dosing");
    if (!s.blq && (!std::isfinite(s.value) || s.value < 0))
      throw std::invalid_argument("level " + Show(s.value) + " at time " + Show(s.time) +
                                  " is not a level");
  }
  std::stable_sort(samples.begin(), samples.end(),
                   [](const LevelSample& a, const LevelSample& b) { return a.time < b.time; });
  for (size_t i = 1; i < samples.size(); ++i)
    if (samples[i].time == samples[i - 1].time)
      throw std::invalid_argument("two samples at time " + Show(samples[i].time));
  long first = -1, last = -1;
  for (size_t i = 0; i < samples.size(); ++i)
    if (!samples[i].blq) {
      if (first < 0) first = long(i);
      last = long(i);
    }
  Profile p;
  if (samples.empty() || samples.front().time > 0) {
    p.time.push_back(0);  // no sample at time 0: no cells before infusion
    p.value.push_back(0);
  }
  for (size_t i = 0; i < samples.size(); ++i) {
    const auto& s = samples[i];
    if (s.blq && first >= 0 && long(i) > first && long(i) < last) continue;  // middle: dropped
    p.time.push_back(s.time);
    p.value.push_back(s.blq ? 0.0 : s.value);  // first and last BLQ: 0
  }
  return p;
}

std::optional<double> InterpolateLevel(const Profile& p, double t) {
  if (p.time.empty() || t < p.time.front() || t > p.time.back()) return std::nullopt;
  for (size_t i = 0; i < p.time.size(); ++i) {
    if (p.time[i] == t) return p.value[i];
    if (p.time[i] > t) return SegmentLevel(p.time[i - 1], p.value[i - 1], p.time[i], p.value[i], t);
  }
  return std::nullopt;
}

std::optional<double> AucLinearUpLogDown(const Profile& p, double end) {
  if (p.time.empty() || p.time.back() < end) return std::nullopt;
  double auc = 0;
  for (size_t i = 1; i < p.time.size() && p.time[i - 1] < end; ++i) {
    double t2 = p.time[i], c2 = p.value[i];
    if (t2 > end) {
      c2 = SegmentLevel(p.time[i - 1], p.value[i - 1], t2, c2, end);
      t2 = end;
    }
    auc += SegmentArea(p.time[i - 1], p.value[i - 1], t2, c2);
  }
  return auc;
}

NcaResult NonCompartmental(const std::vector<LevelSample>& samples,
                           const std::vector<double>& auc_ends) {
  const Profile p = CleanProfile(samples);
  NcaResult r;
  for (size_t i = 0; i < p.time.size(); ++i) {
    if (!r.cmax || p.value[i] > *r.cmax) {
      r.cmax = p.value[i];
      r.tmax = p.time[i];
    }
    if (p.value[i] > 0) {
      r.clast = p.value[i];
      r.tlast = p.time[i];
    }
  }
  r.auc_ends = auc_ends;
  for (double end : auc_ends) r.auc.push_back(AucLinearUpLogDown(p, end));
  return r;
}

GeometricSummary Geometric(const std::vector<double>& values) {
  GeometricSummary g;
  std::vector<double> logs;
  for (double v : values) {
    if (v > 0 && std::isfinite(v))
      logs.push_back(std::log(v));
    else
      ++g.not_positive;
  }
  g.n = int(logs.size());
  if (logs.empty()) return g;
  double mean = 0;
  for (double l : logs) mean += l;
  mean /= double(logs.size());
  g.mean = std::exp(mean);
  if (logs.size() >= 2) {
    double ss = 0;
    for (double l : logs) ss += (l - mean) * (l - mean);
    const double var = ss / double(logs.size() - 1);
    g.cv_pct = 100 * std::sqrt(std::exp(var) - 1);
  }
  return g;
}

MedianRange MedianAndRange(const std::vector<double>& values) {
  MedianRange m;
  m.n = int(values.size());
  if (values.empty()) return m;
  m.median = SampleQuantile(values, 0.5);
  m.min = *std::min_element(values.begin(), values.end());
  m.max = *std::max_element(values.begin(), values.end());
  return m;
}

}  // namespace nadir::stats
