// ORR and DCR by bands of a numeric covariate (tertiles, or cut points a protocol gives), for
// questions such as "does the tumour's CD70-positive rate relate to disease control?".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "measure/stats/binomial_ci.h"

namespace nadir::stats {

/// The sample p-quantile by linear interpolation between order statistics: with the sorted
/// values v_1..v_n and h = (n - 1) p, Q(p) = v_{floor h + 1} + (h - floor h)(v_{floor h + 2} -
/// v_{floor h + 1}). Definition 7 of Hyndman & Fan, Am Stat 1996;50:361-365 (R's default).
/// Throws std::invalid_argument for an empty sample or p outside [0, 1].
double SampleQuantile(std::vector<double> values, double p);

/// Tertile cut points (Q(1/3), Q(2/3)) of the values; duplicates removed (fewer bands when
/// many values tie). Empty for an empty sample (then one band holds everyone).
std::vector<double> TertileCuts(const std::vector<double>& values);

/// One subject's covariate value and outcome.
struct CovariateOutcome {
  std::optional<double> value;  // missing: counted apart
  bool response = false;        // BOR CR or PR
  bool control = false;         // BOR CR, PR, SD or NON-CR/NON-PD
};

/// ORR and DCR in one band (lower, upper]; the first band is closed below at -inf, the last
/// open above at +inf.
struct BandRates {
  std::string label;            // "<= 40", "40-70", "> 70"
  std::optional<double> lower;  // exclusive; none for the first band
  std::optional<double> upper;  // inclusive; none for the last band
  Proportion orr;
  Proportion dcr;
};

struct CovariateBands {
  std::vector<double> cuts;      // ascending, as used
  std::vector<BandRates> bands;  // cuts.size() + 1 bands
  int missing = 0;               // subjects without a value (in no band)
};

/// Splits subjects at `cuts` (ascending; duplicates ignored) into bands x <= c1, c1 < x <= c2,
/// ..., x > ck, and computes ORR and DCR with Clopper-Pearson intervals in each.
/// Pass TertileCuts(values) for tertiles.
CovariateBands RatesByBand(const std::vector<CovariateOutcome>& subjects, std::vector<double> cuts,
                           double level = 0.95);

}  // namespace nadir::stats
