#include "formats/synthetic_trial.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace nadir {

Subject SyntheticSubject(std::uint64_t seed, int index) {
  std::mt19937_64 rng(seed * 1000003u + std::uint64_t(index));
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const char* arms[] = {"IV", "IP"};
  const char* sites[] = {"liver", "lung", "kidney", "peritoneum", "adrenal", "ovary", "cervix"};
  Subject s;
  char id[32];
  std::snprintf(id, sizeof id, "SYN-%05d", index);
  s.id = id;
  s.reader = "R1";
  s.groups["arm"] = arms[index % 2];
  s.groups["dose_level"] = "DL" + std::to_string(1 + (index / 2) % 4);
  s.covariates["cd70_positive_pct"] = std::round(u(rng) * 100);
  const Date baseline = *ParseIsoDate("2026-01-05") + int(u(rng) * 300);
  s.treatment_start = baseline + 3;

  const int n_targets = 1 + int(u(rng) * 5);
  const int n_nontargets = int(u(rng) * 4);
  const int n_timepoints = 3 + int(u(rng) * 7);
  const double trend = -0.25 + u(rng) * 0.45;  // relative change per visit
  std::vector<double> size(n_targets);
  std::vector<bool> nodal(n_targets);
  Timepoint base{baseline, "Baseline", "", {}, std::nullopt};
  for (int t = 0; t < n_targets; ++t) {
    nodal[t] = u(rng) < 0.2;
    size[t] = nodal[t] ? 15 + u(rng) * 20 : 10 + u(rng) * 50;
    LesionRecord l;
    l.id = "T" + std::to_string(t + 1);
    l.kind = LesionKind::kTarget;
    l.nodal = nodal[t];
    l.site = nodal[t] ? "lymph node" : sites[int(u(rng) * 7)];
    l.long_axis_mm = std::round((nodal[t] ? size[t] * 1.4 : size[t]) * 10) / 10;
    l.short_axis_mm = std::round((nodal[t] ? size[t] : size[t] * 0.7) * 10) / 10;
    base.lesions.push_back(l);
  }
  for (int n = 0; n < n_nontargets; ++n) {
    LesionRecord l;
    l.id = "NT" + std::to_string(n + 1);
    l.kind = LesionKind::kNonTarget;
    l.site = sites[int(u(rng) * 7)];
    l.state = LesionState::kPresent;
    base.lesions.push_back(l);
  }
  s.timepoints.push_back(base);
  const int new_at = u(rng) < 0.3 ? 1 + int(u(rng) * (n_timepoints - 1)) : -1;
  const bool new_equivocal = u(rng) < 0.4;
  for (int v = 1; v < n_timepoints; ++v) {
    Timepoint tp{baseline + (42 * v + int(u(rng) * 7) - 3),
                 "Week " + std::to_string(6 * v),
                 "",
                 {},
                 std::nullopt};
    for (int t = 0; t < n_targets; ++t) {
      size[t] = std::max(0.0, size[t] * (1 + trend + (u(rng) - 0.5) * 0.1));
      LesionRecord l = base.lesions[t];
      l.points.reset();
      const double d = std::round(size[t] * 10) / 10;
      if (u(rng) < 0.03) {
        l.state = LesionState::kNotEvaluated;
        l.long_axis_mm.reset();
        l.short_axis_mm.reset();
      } else if (!nodal[t] && d < 3) {
        l.state = LesionState::kAbsent;
        l.long_axis_mm.reset();
        l.short_axis_mm.reset();
      } else {
        l.long_axis_mm = nodal[t] ? std::round(d * 14) / 10 : d;
        l.short_axis_mm = nodal[t] ? d : std::round(d * 7) / 10;
      }
      tp.lesions.push_back(l);
    }
    for (int n = 0; n < n_nontargets; ++n) {
      LesionRecord l = base.lesions[n_targets + n];
      if (trend > 0.15 && u(rng) < 0.2)
        l.state = LesionState::kUnequivocalProgression;
      else if (trend < -0.15 && u(rng) < 0.3)
        l.state = LesionState::kAbsent;
      tp.lesions.push_back(l);
    }
    if (new_at >= 0 && v >= new_at) {
      LesionRecord l;
      l.id = "N1";
      l.kind = LesionKind::kNew;
      l.site = "liver";
      l.state =
          (new_equivocal && v == new_at) ? LesionState::kEquivocal : LesionState::kUnequivocal;
      l.long_axis_mm = std::round((6 + 4 * (v - new_at) + u(rng) * 6) * 10) / 10;
      tp.lesions.push_back(l);
    }
    s.timepoints.push_back(tp);
  }
  s.last_known_alive = s.timepoints.back().date + int(u(rng) * 200);
  if (u(rng) < 0.25) s.death_date = *s.last_known_alive + 1;
  if (s.death_date) s.last_known_alive.reset();
  return s;
}

}  // namespace nadir
