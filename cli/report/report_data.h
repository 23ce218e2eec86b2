// Everything `nadir report` writes, computed once: per criteria, every subject's outcome, the
// endpoint table per group and the covariate analyses. Built from the engine's batch results,
// one subject at a time: the per-subject data sets go to spool files as subjects come in, and
// the report keeps of each subject only what the tables, safety sections and plots read.
#pragma once

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/report/report_safety.h"
#include "cli/report/report_spool.h"
#include "formats/batch.h"
#include "measure/stats/covariate_analysis.h"
#include "measure/stats/endpoint_outcome.h"
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
  // What the plots read of each subject they draw (Report::plot_every; none without plots), in
  // file order, viewing the id and labels the report keeps once per subject (Report::labels,
  // ReportSubject). The tables come from the tallies; the listing-only fields (file, notes,
  // dates, event and censoring descriptions) went to the listings as the subject was added.
  std::vector<stats::EndpointOutcome> outcomes;
  std::vector<stats::GroupEndpoints> groups;  // "all", each --by value, combinations
  std::vector<stats::CovariateAnalysis> covariates;
};

/// What the report keeps of a readable subject once its rows are in the listings: the labels
/// and dates that the safety sections and the spider and swimmer plots read.
using GroupLabels = std::map<std::string, std::string>;
using CovariateValues = std::map<std::string, double>;
struct ReportSubject {
  std::string id;
  // Never null. The labels are shared by every subject with the same ones (a trial has few
  // arms and dose levels); the covariates by the subject's outcomes.
  std::shared_ptr<const GroupLabels> groups;
  std::shared_ptr<const CovariateValues> covariates;
  std::optional<Date> treatment_start;
  std::optional<Date> death_date;
  bool dlt_evaluable = true;
  bool has_errors = false;  // the engine's result has errors (no responses)
  Date day_zero;            // Subject::DayZero
  // End of the swimmer bar: death, else the later of the last timepoint and last known alive.
  Date last_seen;
  // The spider line: (weeks since day 0, % change of the RECIST 1.1 target sum), the baseline
  // first; empty when the subject has no baseline sum.
  std::vector<std::pair<double, double>> spider;
};

/// Index of a criteria in the spool arrays.
inline int CriteriaIndex(Criteria c) { return c == Criteria::kRecist11 ? 0 : 1; }

/// The per-subject data sets, spooled in file order as subjects were added (report_cdisc.h,
/// report_tables.h write them out).
struct ReportListings {
  std::set<std::string> labels, covariates;  // listing columns: the union over subjects
  Spool tr;
  Spool listing[2][2];    // [criteria][whole-course variant]: one record per subject
  Spool rs[2], adtte[2];  // [criteria]: rows
  /// Where the spools are made (SetFolder); empty: the system's temporary folder.
  void SetFolder(const std::string& folder);
};

/// The ids and label sets that the outcomes view, each kept once: ids in a deque so that they
/// never move, label sets interned (one per distinct set).
struct OutcomeLabels {
  struct Less {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return Deref(a) < Deref(b);
    }
    static const GroupLabels& Deref(const GroupLabels& g) { return g; }
    static const GroupLabels& Deref(const std::shared_ptr<const GroupLabels>& g) { return *g; }
  };
  std::deque<std::string> ids;
  std::set<std::shared_ptr<const GroupLabels>, Less> groups;
  /// The kept copy of `g`, made on first sight.
  std::shared_ptr<const GroupLabels> Intern(const GroupLabels& g);
  /// A view of `id` that lives as long as this: the last id kept when it is the same.
  std::string_view Id(const std::string& id);
};

struct Report {
  std::string study = "NADIR";
  std::vector<std::string> by;
  stats::EndpointOptions options;
  std::vector<ReportSubject> subjects;  // readable subjects, in file order (see below)
  // Readable subjects, and those whose results have errors: counted even when `subjects` is
  // not kept (ReportBuilder::PlotSubjectsOnly).
  std::size_t subjects_read = 0;
  std::size_t subjects_with_errors = 0;
  // `subjects` and each criteria's outcomes hold every plot_every-th readable subject in file
  // order: the sample the plots of a large trial draw (PlotSubjectsOnly); 1: every subject.
  std::size_t plot_every = 1;
  std::vector<std::string> unreadable;        // "file: error" for files that gave no subject
  std::vector<CriteriaReport> criteria;       // the criteria any subject has results for
  std::vector<std::string> criteria_missing;  // e.g. "irecist: the engine reports none yet"
  TrialSafety safety;  // escalation, AEs, kinetics, cytokines (BuildSafety; empty without data)
  std::shared_ptr<ReportListings> listings = std::make_shared<ReportListings>();
  // What the criteria's outcomes view; shared so that a copy of the report views it too.
  std::shared_ptr<OutcomeLabels> labels = std::make_shared<OutcomeLabels>();
};

/// Band cut points per covariate name, from `--cuts NAME=v1,v2`; tertiles for the others.
using CutPoints = std::map<std::string, std::vector<double>>;

/// Builds the report one assessed file at a time, in file order: keeps the readable subjects,
/// derives the outcomes under RECIST 1.1 and iRECIST (a criteria for which no subject has
/// results is listed in criteria_missing), and computes the group tables and covariate
/// analyses in Finish. When any subject's protocol sets `bor_window_days` or
/// `dor_from: "control"`, each criteria is reported twice: with the protocol's definitions,
/// then over the whole course with DOR from CR or PR (those subjects re-assessed without the
/// two parameters; the others' results hold for both, as do the results of a subject with
/// errors, which has no responses in either).
class ReportBuilder {
 public:
  /// `spool_folder`: where the per-subject rows wait (Spool); empty: the system's temp folder.
  ReportBuilder(const std::vector<std::string>& by, const CutPoints& cuts,
                const stats::EndpointOptions& options, const std::string& study,
                const std::string& spool_folder = "");
  /// Without plots, the outcomes and the spider plot's points are not kept: the tables are
  /// counted as subjects come (stats::EndpointTally, CovariateTally), so a large trial's
  /// report holds a tally per group instead of its subjects' outcomes (CriteriaReport::outcomes
  /// stays empty).
  ReportBuilder& WithoutPlotData() {
    plot_data_ = false;
    return *this;
  }
  /// Without the trial's CSV data (adverse events, kinetics, labs) only the plots read
  /// Report::subjects and the outcomes, so only what they draw is kept: nothing without plots;
  /// with plots, every subject of a trial of up to `sample` subjects (any trial run today), and
  /// every k-th in file order beyond (k = ceil(n / sample), n given to Reserve), which the
  /// figures say. The report's memory then stops growing with the subjects; the tables count
  /// every subject.
  static constexpr std::size_t kPlotSample = 10000;
  ReportBuilder& PlotSubjectsOnly(std::size_t sample = kPlotSample) {
    plot_subjects_only_ = true;
    plot_sample_ = std::max<std::size_t>(1, sample);
    return *this;
  }
  /// Makes the file's share of the report (outcomes, listing rows, compact record) into
  /// `a.prepared_value`; safe on several threads at once (AssessFilesInOrder's `prepare`).
  void Prepare(AssessedFile& a) const;
  /// Room for `subjects` subjects, so that the outcomes never hold twice their size while
  /// they grow; with PlotSubjectsOnly, also the plots' sample (SizePlotSample). Call before Add.
  void Reserve(std::size_t subjects);
  /// With PlotSubjectsOnly, the plots draw 1 in ceil(n / sample) subjects; `n` is the number of
  /// files to come, an upper bound of the subjects (unreadable files count). Call before Add.
  void SizePlotSample(std::size_t n);
  /// Adds a file, in file order; prepares it first when Prepare has not.
  void Add(AssessedFile&& a);
  Report Finish();

 private:
  struct Variant {
    explicit Variant(const std::vector<std::string>& by) : tally(by) {}
    std::vector<stats::EndpointOutcome> outcomes;  // kept for the plots only
    stats::EndpointTally tally;
    stats::CovariateTally covariates;
    std::set<std::string> definitions;  // EndpointDefinition of each subject's protocol
    bool any = false;                   // a subject has results under the criteria
  };
  Report r_;
  CutPoints cuts_;
  Variant variants_[2][2];  // [criteria][whole-course variant], made with `by`
  bool protocol_definitions_ = false;
  bool plot_data_ = true;
  bool plot_subjects_only_ = false;
  std::size_t plot_sample_ = kPlotSample;
};

/// ReportBuilder over `assessed`, in order.
Report BuildReport(std::vector<AssessedFile> assessed, const std::vector<std::string>& by,
                   const CutPoints& cuts, const stats::EndpointOptions& options,
                   const std::string& study);

/// A data set that `write` writes, as one string (tests; small trials).
std::string Collect(const Report& r, bool (*write)(const Report&, const TextSink&));

/// "BOR to day 91, DOR from the first CR, PR or SD" for one protocol.
std::string EndpointDefinition(const Protocol& p);

}  // namespace nadir::report
