// Pharmacodynamics of CAR-T cells: per subject and analyte (CRP, IL-6, ferritin ...) the peak
// after infusion, its day and the fold change from baseline; summaries by CRS grade.
// Pure: values in, values out.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nadir::stats {

/// One lab value on a day since infusion (day 0 = treatment start; negative before it).
struct LabValue {
  double day = 0;
  double value = 0;
};

struct CytokineResponse {
  std::optional<double> baseline;  // the last value on or before day 0
  std::optional<double> baseline_day;
  std::optional<double> peak;         // the highest value after day 0
  std::optional<double> peak_day;     // the first day of that value
  std::optional<double> fold_change;  // peak / baseline; nullopt without both or baseline 0
};

/// Baseline, peak and fold change of one subject's values of one analyte (any order).
CytokineResponse CytokineResponseOf(const std::vector<LabValue>& values);

/// One analyte in the subjects of one worst CRS grade (0 = no CRS): medians and ranges.
struct CytokineByGrade {
  std::string analyte;
  int crs_grade = 0;
  int n = 0;  // subjects with a peak
  std::optional<double> median_peak, min_peak, max_peak;
  int n_fold = 0;  // subjects with a fold change
  std::optional<double> median_fold_change;
};

/// Summaries of `responses` (per subject id) by the subject's worst CRS grade (`crs_grade`,
/// per subject id; a subject missing from it counts as grade 0), for one analyte.
std::vector<CytokineByGrade> ByCrsGrade(const std::string& analyte,
                                        const std::map<std::string, CytokineResponse>& responses,
                                        const std::map<std::string, int>& crs_grade);

/// One analyte on one day in the subjects of one worst CRS grade: the values at each time point.
struct CytokineDaySummary {
  std::string analyte;
  double day = 0;
  int crs_grade = 0;
  int n = 0;
  std::optional<double> median, min, max;
};

/// Per day (ascending) and worst CRS grade (a subject missing from `crs_grade` counts as 0),
/// the median and range of the values of `values` (per subject id) for one analyte.
std::vector<CytokineDaySummary> ByDayAndCrsGrade(
    const std::string& analyte, const std::map<std::string, std::vector<LabValue>>& values,
    const std::map<std::string, int>& crs_grade);

}  // namespace nadir::stats
