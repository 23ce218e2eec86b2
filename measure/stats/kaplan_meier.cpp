#include "measure/stats/kaplan_meier.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "measure/stats/special_functions.h"

namespace nadir::stats {

void KmTally::Check(const Observation& o) {
  if (!std::isfinite(o.time) || o.time < 0.0)
    throw std::invalid_argument("Kaplan-Meier: time must be finite and >= 0, got " +
                                std::to_string(o.time));
}

void KmTally::Add(const Observation& o) {
  Check(o);
  Count& c = counts_[o.time];
  (o.event ? c.events : c.censored) += 1;
  ++n_;
}

KmCurve KaplanMeier(const std::vector<Observation>& observations) {
  return KaplanMeierOfTally(KmTally(observations));
}

KmCurve KaplanMeierOfTally(const KmTally& tally) {
  KmCurve curve;
  curve.n = tally.n();
  double survival = 1.0;
  double gw = 0.0;
  int at_risk = curve.n;
  curve.steps.reserve(tally.counts().size());
  for (const auto& [time, count] : tally.counts()) {
    KmStep step;
    step.time = time;
    step.at_risk = at_risk;
    step.events = count.events;
    step.censored = count.censored;
    if (step.events > 0) {
      const int n = step.at_risk, d = step.events;
      survival *= 1.0 - double(d) / n;
      gw =
          n == d ? std::numeric_limits<double>::infinity() : gw + double(d) / (double(n) * (n - d));
    }
    step.survival = survival;
    step.greenwood_sum = gw;
    step.std_err = survival > 0.0 ? survival * std::sqrt(gw) : 0.0;
    curve.events += step.events;
    curve.censored += step.censored;
    at_risk -= step.events + step.censored;
    curve.steps.push_back(step);
  }
  return curve;
}

void PointwiseInterval(double s, double gw, CiTransform transform, double level, double& low,
                       double& high) {
  if (s >= 1.0 || gw == 0.0) {
    low = high = s;
    return;
  }
  if (s <= 0.0 || !std::isfinite(gw)) {
    low = high = 0.0;
    return;
  }
  const double z = NormalQuantile(0.5 + level / 2.0);
  switch (transform) {
    case CiTransform::kPlain: {
      const double se = s * std::sqrt(gw);
      low = std::max(0.0, s - z * se);
      high = std::min(1.0, s + z * se);
      return;
    }
    case CiTransform::kLog: {
      const double se = std::sqrt(gw);  // se of log S (delta method)
      low = s * std::exp(-z * se);
      high = std::min(1.0, s * std::exp(z * se));
      return;
    }
    case CiTransform::kLogLog: {
      // se of log(-log S) = sqrt(gw) / |log S| (delta method); S^exp(+a) is the lower limit.
      const double a = z * std::sqrt(gw) / std::fabs(std::log(s));
      low = std::pow(s, std::exp(a));
      high = std::pow(s, std::exp(-a));
      return;
    }
  }
}

std::optional<SurvivalEstimate> SurvivalAt(const KmCurve& curve, double t, CiTransform transform,
                                           double level) {
  if (curve.steps.empty()) return std::nullopt;
  SurvivalEstimate e;
  e.time = t;
  e.at_risk = NumbersAtRisk(curve, {t}).front();
  const KmStep* last = nullptr;
  for (const auto& s : curve.steps) {
    if (s.time > t) break;
    last = &s;
  }
  if (last == &curve.steps.back() && t > last->time && last->survival > 0.0) return std::nullopt;
  if (last) {
    e.survival = last->survival;
    e.std_err = last->std_err;
    PointwiseInterval(last->survival, last->greenwood_sum, transform, level, e.ci_low, e.ci_high);
  }
  return e;
}

std::vector<int> NumbersAtRisk(const KmCurve& curve, const std::vector<double>& times) {
  std::vector<int> out;
  out.reserve(times.size());
  for (double t : times) {
    int n = 0;
    for (const auto& s : curve.steps)
      if (s.time >= t) {
        n = s.at_risk;
        break;
      }
    out.push_back(n);
  }
  return out;
}

}  // namespace nadir::stats
