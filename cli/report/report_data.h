// Everything `nadir report` writes, computed once: per criteria, every subject's outcome, the
// endpoint table per group and the covariate analyses. Built from the engine's batch results.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/report/report_safety.h"
#include "formats/batch.h"
#include "measure/stats/covariate_analysis.h"
#include "measure/stats/group_endpoints.h"
#include "measure/stats/subject_outcome.h"

namespace nadir::report {

struct CriteriaReport {
  Criteria criteria = Criteria::kRecist11;
  // "recist11", "irecist"; "recist11_whole_course" ... for the whole-course variant.
  std::string key;
  // The BOR window and the DOR start, said in every heading: "BOR to day 91, DOR from the
  // first CR, PR or SD".
  std::string definition;
  // True for the whole-course variant computed beside a protocol's window or DOR start.
  bool whole_course_variant = false;
  std::vector<stats::SubjectOutcome> outcomes;  // one per readable subject, in file order
  std::vector<stats::GroupEndpoints> groups;    // "all", each --by value, combinations
  std::vector<stats::CovariateAnalysis> covariates;
};

struct Report {
  std::string study = "NADIR";
  std::vector<std::string> by;
  stats::EndpointOptions options;
  std::vector<AssessedFile> assessed;         // readable subjects (subject set)
  std::vector<std::string> unreadable;        // "file: error" for files that gave no subject
  std::vector<CriteriaReport> criteria;       // the criteria any subject has results for
  std::vector<std::string> criteria_missing;  // e.g. "irecist: the engine reports none yet"
  TrialSafety safety;  // escalation, AEs, kinetics, cytokines (BuildSafety; empty without data)
};

/// Band cut points per covariate name, from `--cuts NAME=v1,v2`; tertiles for the others.
using CutPoints = std::map<std::string, std::vector<double>>;

/// Builds the report from assessed files: keeps the readable subjects, derives the outcomes
/// under RECIST 1.1 and iRECIST (a criteria for which no subject has results is listed in
/// criteria_missing), and computes the group tables and covariate analyses. When any subject's
/// protocol sets `bor_window_days` or `dor_from: "control"`, each criteria is reported twice:
/// with the protocol's definitions, then over the whole course with DOR from CR or PR
/// (the subjects re-assessed without those two parameters).
Report BuildReport(std::vector<AssessedFile> assessed, const std::vector<std::string>& by,
                   const CutPoints& cuts, const stats::EndpointOptions& options,
                   const std::string& study);

/// "BOR to day 91, DOR from the first CR, PR or SD" for one protocol.
std::string EndpointDefinition(const Protocol& p);

/// The subject behind an outcome (same index in `report.assessed`).
inline const Subject& SubjectAt(const Report& r, size_t i) { return *r.assessed[i].subject; }

}  // namespace nadir::report
