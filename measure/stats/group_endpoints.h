// Endpoint tables per group: ORR and DCR with exact intervals; PFS, OS and DOR as Kaplan-Meier
// summaries (events, censored, median with its interval, landmark rates, numbers at risk).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "measure/stats/binomial_ci.h"
#include "measure/stats/endpoint_outcome.h"
#include "measure/stats/kaplan_meier.h"
#include "measure/stats/km_median.h"
#include "measure/stats/subject_outcome.h"

namespace nadir::stats {

/// Settings of the endpoint tables; the defaults are the trial's (issue 8).
struct EndpointOptions {
  double level = 0.95;                           // confidence level of every interval
  CiTransform transform = CiTransform::kLogLog;  // KM pointwise intervals and median CI
  std::vector<double> landmark_months = {6, 12, 24};
  double risk_table_step_months = 3;  // numbers at risk every 3 months ...
  double risk_table_max_months = 24;  // ... up to 24 months
};

/// A landmark: S(t) at `months` (converted with kDaysPerMonth); nullopt estimate when the
/// follow-up ends before it.
struct Landmark {
  double months = 0;
  std::optional<SurvivalEstimate> estimate;
};

/// One time-to-event endpoint in one group. Times are days.
struct TimeToEventSummary {
  int n = 0;
  int events = 0;
  int censored = 0;
  KmCurve curve;
  MedianEstimate median;  // days; nullopt parts are "not reached"
  std::vector<Landmark> landmarks;
  std::vector<double> risk_times_days;
  std::vector<int> at_risk;
};

/// One row of the endpoint table: a group of the analysis set.
struct GroupEndpoints {
  std::string key;                            // "all", "arm=IV", "arm=IV,dose_level=DL2"
  std::map<std::string, std::string> labels;  // {} for all, {arm: IV} ...
  int n = 0;                                  // treated subjects (the denominator)
  int evaluable = 0;                          // with a best overall response other than NE
  std::map<Response, int> best_counts;        // best overall response counts; NE includes no result
  Proportion orr;
  Proportion dcr;
  TimeToEventSummary pfs;
  TimeToEventSummary os;
  TimeToEventSummary dor;  // responders (or subjects with control) only
};

/// One group's endpoints counted one outcome at a time: counts and time-to-event tallies, in
/// memory that grows with the number of distinct days, not of subjects.
struct GroupTally {
  int n = 0;
  int evaluable = 0;
  int responses = 0;
  int controls = 0;
  std::map<Response, int> best_counts;
  KmTally pfs, os, dor;
  /// Counts `o` when it is treated (others are not in any denominator).
  void Add(const EndpointOutcome& o);
  GroupEndpoints Finish(const std::string& key, const std::map<std::string, std::string>& labels,
                        const EndpointOptions& options) const;
};

/// The endpoint table of EndpointsByGroup, counted one outcome at a time: an outcome's labels
/// are read while it is added and not kept, so a report over any number of subjects holds only
/// a tally per group.
class EndpointTally {
 public:
  explicit EndpointTally(std::vector<std::string> by);
  void Add(const EndpointOutcome& o);
  /// The groups in EndpointsByGroup's order.
  std::vector<GroupEndpoints> Finish(const EndpointOptions& options) const;

 private:
  std::vector<std::string> by_;
  GroupTally all_;
  std::vector<std::map<std::string, GroupTally>> by_value_;  // [label of by][value]
  std::map<std::vector<std::string>, GroupTally> cells_;     // combinations, with 2+ labels
};

/// Kaplan-Meier summary of observations in days (KmTally(list) counts a list).
TimeToEventSummary SummariseTally(const KmTally& tally, const EndpointOptions& options = {});

/// The endpoint table: "all" first; then, for each label of `by` in order, each of its values
/// (sorted; "(missing)" for subjects without the label); then, when `by` has two or more
/// labels, each combination of values seen (e.g. arm=IV,dose_level=DL2: dose levels are
/// numbered within an arm). Only treated subjects count.
std::vector<GroupEndpoints> EndpointsByGroup(const std::vector<EndpointOutcome>& outcomes,
                                             const std::vector<std::string>& by,
                                             const EndpointOptions& options = {});
std::vector<GroupEndpoints> EndpointsByGroup(const std::vector<SubjectOutcome>& outcomes,
                                             const std::vector<std::string>& by,
                                             const EndpointOptions& options = {});

/// The group value of a subject for label `name`: its value or "(missing)".
std::string GroupValue(const SubjectOutcome& o, const std::string& name);
std::string GroupValue(const EndpointOutcome& o, const std::string& name);

}  // namespace nadir::stats
