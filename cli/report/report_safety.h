// The safety, cell-kinetic and cytokine sections of `nadir report` (issue 21): 3+3 escalation
// per arm, AE tallies per group, NCA of CAR-T levels, cytokine peaks by CRS grade, and the
// covariates (CD70-positive rate) against CRS and ICANS. Built from the assessed subjects and
// the trial's CSV data; the numbers come from measure/stats.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "formats/trial_data.h"
#include "measure/stats/adverse_events.h"
#include "measure/stats/cytokines.h"
#include "measure/stats/dose_escalation.h"
#include "measure/stats/noncompartmental.h"
#include "measure/stats/rank_test.h"

namespace nadir::report {

struct Report;

/// The group labels the escalation reads.
inline constexpr const char* kArmLabel = "arm";
inline constexpr const char* kDoseLevelLabel = "dose_level";

/// Partial AUCs of CAR-T kinetics: to day 28 (the DLT window) and day 90 (issue 21).
inline constexpr double kAucEndsDays[] = {28, 90};

struct ArmEscalationReport {
  std::string arm;
  stats::ArmEscalation escalation;
  std::vector<std::string> dlt_subjects;  // evaluable subjects with a DLT, "ID (DL2)"
};

struct SafetyGroup {
  std::string key;  // as the endpoint groups: "all", "arm=IV", "arm=IV,dose_level=DL2"
  std::map<std::string, std::string> labels;
  stats::SafetyTally tally;
};

struct SubjectKinetics {
  std::string subject;
  std::map<std::string, std::string> groups;
  std::vector<stats::LevelSample> samples;
  stats::Profile profile;  // after the BLQ rule
  stats::NcaResult nca;
};

struct KineticsGroup {
  std::string key;
  std::map<std::string, std::string> labels;
  int n = 0;  // subjects with kinetics
  stats::GeometricSummary cmax, auc_0_28, auc_0_90;
  stats::MedianRange tmax;
};

struct SubjectCytokine {
  std::string subject;
  std::string analyte;
  int crs_grade = 0;                    // worst treatment-emergent CRS grade
  std::vector<stats::LabValue> values;  // by day
  stats::CytokineResponse response;
};

/// A covariate (CD70-positive rate) between subjects with and without a toxicity.
struct ToxicityCovariate {
  std::string covariate;
  std::string toxicity;  // "CRS", "ICANS"
  std::vector<double> with, without;
  stats::RankSumTest test;
};

struct TrialSafety {
  std::vector<std::string> files_read;
  std::vector<std::string> errors;  // bad rows and fields, from the reader and from NCA
  bool has_adverse_events = false, has_kinetics = false, has_labs = false;
  std::vector<stats::AdverseEvent> events;  // as read
  std::vector<ArmEscalationReport> escalation;
  std::vector<SafetyGroup> safety;
  std::string kinetics_unit;
  std::vector<SubjectKinetics> kinetics;
  std::vector<KineticsGroup> kinetics_groups;
  std::map<std::string, std::string> lab_units;  // analyte -> unit
  std::vector<SubjectCytokine> cytokines;
  std::vector<stats::CytokineByGrade> cytokines_by_crs;
  std::vector<stats::CytokineDaySummary> cytokines_by_day;  // each time point, by CRS grade
  std::vector<ToxicityCovariate> toxicity_covariates;
  std::map<std::string, int> crs_grade, icans_grade;  // worst grade per treated subject
};

/// Computes every section from the report's treated subjects and `data`. Groups are the
/// endpoint tables' groups ("all", per --by label, combinations).
TrialSafety BuildSafety(const Report& r, TrialData data);

}  // namespace nadir::report
