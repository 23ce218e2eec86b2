#include "measure/stats/cytokines.h"

#include "measure/stats/noncompartmental.h"

namespace nadir::stats {

CytokineResponse CytokineResponseOf(const std::vector<LabValue>& values) {
  CytokineResponse r;
  for (const auto& v : values) {
    if (v.day <= 0) {
      if (!r.baseline_day || v.day >= *r.baseline_day) {
        r.baseline = v.value;
        r.baseline_day = v.day;
      }
    } else if (!r.peak || v.value > *r.peak || (v.value == *r.peak && v.day < *r.peak_day)) {
      r.peak = v.value;
      r.peak_day = v.day;
    }
  }
  if (r.peak && r.baseline && *r.baseline > 0) r.fold_change = *r.peak / *r.baseline;
  return r;
}

std::vector<CytokineByGrade> ByCrsGrade(const std::string& analyte,
                                        const std::map<std::string, CytokineResponse>& responses,
                                        const std::map<std::string, int>& crs_grade) {
  std::map<int, std::pair<std::vector<double>, std::vector<double>>> by;  // peaks, folds
  for (const auto& [id, r] : responses) {
    const auto g = crs_grade.find(id);
    auto& [peaks, folds] = by[g == crs_grade.end() ? 0 : g->second];
    if (r.peak) peaks.push_back(*r.peak);
    if (r.fold_change) folds.push_back(*r.fold_change);
  }
  std::vector<CytokineByGrade> out;
  for (const auto& [grade, pf] : by) {
    CytokineByGrade c;
    c.analyte = analyte;
    c.crs_grade = grade;
    const MedianRange p = MedianAndRange(pf.first);
    c.n = p.n;
    c.median_peak = p.median;
    c.min_peak = p.min;
    c.max_peak = p.max;
    const MedianRange f = MedianAndRange(pf.second);
    c.n_fold = f.n;
    c.median_fold_change = f.median;
    out.push_back(c);
  }
  return out;
}

std::vector<CytokineDaySummary> ByDayAndCrsGrade(
    const std::string& analyte, const std::map<std::string, std::vector<LabValue>>& values,
    const std::map<std::string, int>& crs_grade) {
  std::map<std::pair<double, int>, std::vector<double>> cells;
  for (const auto& [id, vs] : values) {
    const auto g = crs_grade.find(id);
    for (const auto& v : vs)
      cells[{v.day, g == crs_grade.end() ? 0 : g->second}].push_back(v.value);
  }
  std::vector<CytokineDaySummary> out;
  for (const auto& [key, vs] : cells) {
    const MedianRange m = MedianAndRange(vs);
    out.push_back({analyte, key.first, key.second, m.n, m.median, m.min, m.max});
  }
  return out;
}

}  // namespace nadir::stats
