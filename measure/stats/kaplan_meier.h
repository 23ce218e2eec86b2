// The Kaplan-Meier estimator with Greenwood standard errors, pointwise confidence intervals,
// survival at landmark times and numbers at risk: DOR, PFS and OS (RECIST.md "Trial endpoints").
#pragma once

#include <map>
#include <optional>
#include <vector>

namespace nadir::stats {

/// One subject's time to event: `time` from day 0 (any unit, commonly days) and whether the
/// event (progression, death ...) was observed (`event`) or the time is censored.
struct Observation {
  double time = 0.0;
  bool event = false;
};

/// How a pointwise confidence interval for S(t) is formed from Greenwood's variance.
enum class CiTransform {
  kPlain,   // S +- z se(S), clipped to [0, 1]
  kLog,     // exp(log S +- z se(log S)), capped at 1 (R survival's default)
  kLogLog,  // S ^ exp(+-z se(log(-log S))) (SAS PROC LIFETEST's default; stays inside [0, 1])
};

/// The estimate at one distinct observed time (event or censoring times alike).
struct KmStep {
  double time = 0.0;
  int at_risk = 0;        // subjects with time >= this time (censored ones at this time included)
  int events = 0;         // events at this time
  int censored = 0;       // censorings at this time
  double survival = 1.0;  // S(t) just after this time
  double greenwood_sum = 0.0;  // sum over event times <= t of d / (n (n - d)); inf when S = 0
  double std_err = 0.0;        // Greenwood standard error of S(t); 0 when S = 0
};

struct KmCurve {
  int n = 0;
  int events = 0;
  int censored = 0;
  std::vector<KmStep> steps;  // ascending time, one per distinct observed time
};

/// Observations counted by time: all that the estimate depends on. Its memory grows with the
/// number of distinct times (days of follow-up), not with the number of subjects, so that a
/// trial report can count 100,000 subjects one at a time.
class KmTally {
 public:
  KmTally() = default;
  /// The observations counted; throws as Add.
  explicit KmTally(const std::vector<Observation>& observations) {
    for (const auto& o : observations) Add(o);
  }
  struct Count {
    int events = 0;
    int censored = 0;
  };
  /// Throws std::invalid_argument for a negative or non-finite time (nothing is counted).
  void Add(const Observation& o);
  /// Throws as Add would, counting nothing.
  static void Check(const Observation& o);
  int n() const { return n_; }
  const std::map<double, Count>& counts() const { return counts_; }  // ascending time

 private:
  std::map<double, Count> counts_;
  int n_ = 0;
};

/// Kaplan-Meier product-limit estimate with Greenwood's variance.
///
/// Inputs: observations (time >= 0, any unit; order irrelevant).
/// Output: S(t) = prod over event times t_j <= t of (1 - d_j / n_j), where n_j counts the
/// subjects with time >= t_j and d_j the events at t_j; Var S(t) = S(t)^2 sum d_j/(n_j(n_j-d_j)).
/// Ties: events and censorings on the same time count the censored subjects as still at risk
/// at that time (events come first), the usual convention (Kaplan & Meier, JASA 1958;53:457-481,
/// section 2; Collett, Modelling Survival Data in Medical Research, 3rd ed. 2015, section 2.1.2).
/// When S reaches 0 (n_j == d_j) the variance is 0 by convention and greenwood_sum is infinite.
/// Empty input: an empty curve (n = 0). A group with no events: S = 1 throughout.
/// Reference for the variance: Greenwood, Rep Public Health Med Subj 1926;33:1-26.
/// Throws std::invalid_argument for a negative or non-finite time.
KmCurve KaplanMeier(const std::vector<Observation>& observations);

/// The same estimate from observations counted by time (identical to counting them all).
KmCurve KaplanMeierOfTally(const KmTally& tally);

/// S(t) with its standard error and pointwise confidence interval at time t.
struct SurvivalEstimate {
  double time = 0.0;
  double survival = 1.0;
  double std_err = 0.0;
  double ci_low = 1.0;
  double ci_high = 1.0;
  int at_risk = 0;  // subjects still at risk at t (time >= t)
};

/// Pointwise two-sided interval for a survival probability `s` with Greenwood sum `gw`
/// (see KmStep) at `level`, formed on the scale of `transform`. s == 1 gives [1, 1] and
/// s == 0 gives [0, 0]. Reference: Collett 2015, section 2.2.3 (plain and log-log);
/// Kalbfleisch & Prentice, The Statistical Analysis of Failure Time Data, 2nd ed. 2002, 1.4.
void PointwiseInterval(double s, double gw, CiTransform transform, double level, double& low,
                       double& high);

/// The estimate at time t (a landmark, e.g. 6, 12 or 24 months expressed in the curve's unit):
/// the step function's value at t (right-continuous). nullopt when t lies beyond the last
/// observed time while S is still above 0 (the curve says nothing there), or the curve is empty.
std::optional<SurvivalEstimate> SurvivalAt(const KmCurve& curve, double t,
                                           CiTransform transform = CiTransform::kLogLog,
                                           double level = 0.95);

/// Numbers at risk at each time of `times` (subjects with time >= t), as printed under a
/// Kaplan-Meier plot.
std::vector<int> NumbersAtRisk(const KmCurve& curve, const std::vector<double>& times);

/// Days per month used to turn landmarks in months into days: 365.25 / 12.
inline constexpr double kDaysPerMonth = 30.4375;

}  // namespace nadir::stats
