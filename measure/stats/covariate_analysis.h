// Does a numeric covariate (e.g. the tumour's CD70-positive percentage) relate to disease
// control? A rank-sum test between subjects with and without control, and ORR/DCR by band.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "measure/stats/covariate_bands.h"
#include "measure/stats/endpoint_outcome.h"
#include "measure/stats/rank_test.h"
#include "measure/stats/subject_outcome.h"

namespace nadir::stats {

struct CovariateAnalysis {
  std::string name;
  int n = 0;        // treated subjects with the covariate
  int missing = 0;  // treated subjects without it
  int with_control = 0;
  int without_control = 0;
  std::optional<double> median_with_control;
  std::optional<double> median_without_control;
  RankSumTest test;      // x: with disease control, y: without
  CovariateBands bands;  // tertiles, or the given cut points
  bool tertiles = true;
};

/// What AnalyseCovariate reads, gathered one outcome at a time: per covariate, how many treated
/// subjects have each distinct value with each outcome (response, control). A covariate such as
/// a percentage or an H-score has few distinct values, so a report over any number of subjects
/// holds a few entries; a continuous one holds at most one entry per subject. Analyse gives
/// exactly what AnalyseCovariate gives on the outcomes.
class CovariateTally {
 public:
  void Add(const EndpointOutcome& o);
  /// Names of the covariates any outcome carried (treated or not), sorted.
  std::vector<std::string> Names() const { return {names_.begin(), names_.end()}; }
  CovariateAnalysis Analyse(const std::string& name,
                            const std::optional<std::vector<double>>& cuts = std::nullopt,
                            double level = 0.95) const;
  /// Entries held for covariate `name` (what its memory grows with).
  std::size_t Entries(const std::string& name) const;

 private:
  // Subjects with one value, by outcome: [response * 2 + control].
  struct Entry {
    double value = 0.0;
    int count[4] = {0, 0, 0, 0};
  };
  // Entries of one covariate: equal values merged whenever the list has doubled since.
  struct Values {
    std::vector<Entry> entries;
    std::size_t merged = 0;  // entries.size() after the last merge
    void Add(double value, bool response, bool control);
    void Merge();
  };
  std::set<std::string> names_;
  std::map<std::string, Values> values_;  // treated subjects only
  int treated_ = 0;
};

/// Names of the covariates any outcome carries, sorted.
std::vector<std::string> CovariateNames(const std::vector<EndpointOutcome>& outcomes);
std::vector<std::string> CovariateNames(const std::vector<SubjectOutcome>& outcomes);

/// Analyses covariate `name` over the treated subjects: Wilcoxon rank-sum test (rank_test.h)
/// of its values between subjects with disease control (BOR CR, PR, SD, NON-CR/NON-PD) and the
/// others (not evaluable ones included, as in the DCR denominator), and ORR/DCR per band.
/// `cuts`: the band limits; nullopt for tertiles of the observed values (covariate_bands.h).
CovariateAnalysis AnalyseCovariate(const std::vector<EndpointOutcome>& outcomes,
                                   const std::string& name,
                                   const std::optional<std::vector<double>>& cuts = std::nullopt,
                                   double level = 0.95);
CovariateAnalysis AnalyseCovariate(const std::vector<SubjectOutcome>& outcomes,
                                   const std::string& name,
                                   const std::optional<std::vector<double>>& cuts = std::nullopt,
                                   double level = 0.95);

}  // namespace nadir::stats
