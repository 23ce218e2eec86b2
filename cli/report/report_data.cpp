#include "cli/report/report_data.h"

#include "cli/report/report_cdisc.h"
#include "cli/report/report_tables.h"
#include "measure/assess.h"

namespace nadir::report {

namespace {

constexpr double kDaysPerWeek = 7.0;

bool HasProtocolDefinitions(const Protocol& p) {
  return p.bor_window_days || p.dor_from == DurationFrom::kControl;
}

Protocol WholeCourse(Protocol p) {
  p.bor_window_days.reset();
  p.dor_from = DurationFrom::kResponse;
  return p;
}

// The definition shared by the subjects, or a note that it differs between them.
std::string SharedDefinition(const std::set<std::string>& seen) {
  if (seen.size() == 1) return *seen.begin();
  if (seen.empty()) return EndpointDefinition(Protocol{});
  return "BOR window and DOR start per subject's protocol (" + std::to_string(seen.size()) +
         " different)";
}

ReportSubject Compact(const Subject& s, const SubjectResult& res, bool plot_data) {
  ReportSubject out{s.id,
                    std::make_shared<const GroupLabels>(s.groups),
                    std::make_shared<const CovariateValues>(s.covariates),
                    s.treatment_start,
                    s.death_date,
                    s.dlt_evaluable,
                    !res.errors.empty(),
                    s.DayZero(),
                    {},
                    {}};
  out.last_seen = s.timepoints.empty() ? out.day_zero : s.timepoints.back().date;
  if (s.last_known_alive) out.last_seen = std::max(out.last_seen, *s.last_known_alive);
  if (s.death_date) out.last_seen = *s.death_date;
  if (plot_data && res.recist11 && res.baseline && res.baseline->sum_mm) {
    out.spider.push_back({DaysBetween(out.day_zero, res.baseline->date) / kDaysPerWeek, 0.0});
    for (const auto& t : res.recist11->timepoints)
      if (t.change_from_baseline_pct)
        out.spider.push_back(
            {DaysBetween(out.day_zero, t.date) / kDaysPerWeek, *t.change_from_baseline_pct});
  }
  return out;
}

}  // namespace

std::string EndpointDefinition(const Protocol& p) {
  return (p.bor_window_days ? "BOR to day " + std::to_string(*p.bor_window_days)
                            : std::string("BOR over the whole course")) +
         (p.dor_from == DurationFrom::kControl ? ", DOR from the first CR, PR or SD"
                                               : ", DOR from the first CR or PR");
}

std::shared_ptr<const GroupLabels> OutcomeLabels::Intern(const GroupLabels& g) {
  const auto it = groups.find(g);
  if (it != groups.end()) return *it;
  return *groups.insert(std::make_shared<const GroupLabels>(g)).first;
}

std::string_view OutcomeLabels::Id(const std::string& id) {
  if (ids.empty() || ids.back() != id) ids.push_back(id);
  return ids.back();
}

void ReportListings::SetFolder(const std::string& folder) {
  tr.SetFolder(folder);
  for (int c = 0; c < 2; ++c) {
    for (auto& s : listing[c]) s.SetFolder(folder);
    rs[c].SetFolder(folder);
    adtte[c].SetFolder(folder);
  }
}

ReportBuilder::ReportBuilder(const std::vector<std::string>& by, const CutPoints& cuts,
                             const stats::EndpointOptions& options, const std::string& study,
                             const std::string& spool_folder)
    : cuts_(cuts), variants_{{Variant(by), Variant(by)}, {Variant(by), Variant(by)}} {
  r_.listings->SetFolder(spool_folder);
  r_.study = study;
  r_.by = by;
  r_.options = options;
}

namespace {

// One subject's share of one variant (criteria, whole course or not).
struct PreparedOutcome {
  stats::SubjectOutcome outcome;  // the report keeps its EndpointView
  std::vector<std::string> listing_record;
  bool any = false;  // the engine has results under the criteria
};

// One readable subject's share of the report, made on a worker thread.
struct PreparedSubject {
  ReportSubject subject;
  std::string tr;
  std::string rs[2], adtte[2];
  std::string definition, whole_definition;
  bool own_definitions = false;    // the protocol sets a BOR window or the DOR start
  PreparedOutcome outcomes[2][2];  // [criteria][whole course]; whole course only with own
};

PreparedOutcome PrepareOutcome(Criteria c, const Subject& s, const SubjectResult& res) {
  PreparedOutcome out{stats::OutcomeOf(s, res, c), {}, stats::BestResponseFor(res, c) != nullptr};
  out.listing_record = ListingRecord(s, out.outcome);
  return out;
}

}  // namespace

void ReportBuilder::Prepare(AssessedFile& a) const {
  a.prepared_value.reset();
  if (a.skipped || !a.subject) return;
  const Subject& s = *a.subject;
  const SubjectResult& res = a.result;
  PreparedSubject p;
  p.subject = Compact(s, res, plot_data_);
  p.tr = TrRows(r_.study, s, res);
  p.definition = EndpointDefinition(s.protocol);
  p.whole_definition = EndpointDefinition(WholeCourse(s.protocol));
  p.own_definitions = HasProtocolDefinitions(s.protocol);
  // The whole-course variant: the subject without the protocol's window and DOR start. A
  // subject with errors has no responses in either.
  std::optional<Subject> whole_subject;
  std::optional<SubjectResult> whole_result;
  if (p.own_definitions) {
    whole_subject = s;
    whole_subject->protocol = WholeCourse(s.protocol);
    if (res.errors.empty()) {
      whole_result = AssessSubject(*whole_subject);
      whole_result->file = res.file;
    }
  }
  for (int c = 0; c < 2; ++c) {
    const Criteria criteria = c == 0 ? Criteria::kRecist11 : Criteria::kIRecist;
    PreparedOutcome& o = p.outcomes[c][0];
    o = PrepareOutcome(criteria, s, res);
    p.rs[c] = RsRows(r_.study, s, res, o.outcome);
    p.adtte[c] = AdtteRows(r_.study, s, o.outcome);
    if (whole_subject)
      p.outcomes[c][1] =
          PrepareOutcome(criteria, *whole_subject, whole_result ? *whole_result : res);
  }
  a.prepared_value = std::move(p);
}

void ReportBuilder::SizePlotSample(std::size_t n) {
  r_.plot_every = plot_subjects_only_ && plot_data_ && n > plot_sample_
                      ? (n + plot_sample_ - 1) / plot_sample_
                      : 1;
}

void ReportBuilder::Reserve(std::size_t subjects) {
  SizePlotSample(subjects);
  const std::size_t plotted = plot_data_ ? (subjects + r_.plot_every - 1) / r_.plot_every : 0;
  r_.subjects.reserve(plot_subjects_only_ ? plotted : subjects);
  for (auto& v : variants_) v[0].outcomes.reserve(plotted);
}

void ReportBuilder::Add(AssessedFile&& a) {
  if (a.skipped) return;
  if (!a.subject) {
    std::string why = a.result.errors.empty() ? "unreadable" : a.result.errors.front();
    r_.unreadable.push_back(a.result.file + ": " + why);
    return;
  }
  if (!a.prepared_value.has_value()) Prepare(a);
  auto& p = std::any_cast<PreparedSubject&>(a.prepared_value);
  ReportListings& l = *r_.listings;
  for (const auto& [k, v] : *p.subject.groups) l.labels.insert(k);
  for (const auto& [k, v] : *p.subject.covariates) l.covariates.insert(k);
  // Whether the plots draw this subject, and whether its record is kept (see PlotSubjectsOnly).
  const bool plotted = plot_data_ && r_.subjects_read % r_.plot_every == 0;
  const bool kept_record = plotted || !plot_subjects_only_;
  ++r_.subjects_read;
  r_.subjects_with_errors += p.subject.has_errors;
  OutcomeLabels& kept = *r_.labels;
  if (kept_record) p.subject.groups = kept.Intern(*p.subject.groups);
  // OutcomeOf copies the subject's covariates: the outcomes kept view the subject's.
  auto view = [&](const stats::SubjectOutcome& o) {
    return stats::EndpointView(o, kept.Id(o.subject), *kept.Intern(o.groups),
                               *p.subject.covariates);
  };
  auto count = [&](Variant& v, const stats::SubjectOutcome& o) {
    const stats::EndpointOutcome e = stats::EndpointView(o);  // read now, not kept
    v.tally.Add(e);
    v.covariates.Add(e);
    if (plotted) v.outcomes.push_back(view(o));
  };
  l.tr.Append(p.tr);
  // Until a subject's protocol has its own definitions, the whole-course variant is the same
  // as the protocol's: it is copied when the first such subject comes.
  if (p.own_definitions && !protocol_definitions_) {
    protocol_definitions_ = true;
    for (int c = 0; c < 2; ++c) {
      variants_[c][1].outcomes.reserve(variants_[c][0].outcomes.capacity());
      variants_[c][1].outcomes = variants_[c][0].outcomes;
      variants_[c][1].tally = variants_[c][0].tally;
      variants_[c][1].covariates = variants_[c][0].covariates;
      l.listing[c][1].AppendSpool(l.listing[c][0]);
    }
  }
  for (int c = 0; c < 2; ++c) {
    l.rs[c].Append(p.rs[c]);
    l.adtte[c].Append(p.adtte[c]);
    variants_[c][0].definitions.insert(p.definition);
    variants_[c][1].definitions.insert(p.whole_definition);
    for (int whole : {1, 0}) {  // the whole course first: it may copy the protocol's
      // Without its own definitions, the subject's whole course is its protocol's.
      PreparedOutcome& o = p.outcomes[c][whole && p.own_definitions];
      Variant& v = variants_[c][whole];
      v.any |= o.any;
      if (whole && !protocol_definitions_) continue;
      l.listing[c][whole].AppendRecord(o.listing_record);
      count(v, o.outcome);
    }
  }
  if (kept_record) r_.subjects.push_back(std::move(p.subject));
}

Report ReportBuilder::Finish() {
  for (int c = 0; c < 2; ++c) {
    const Criteria criteria = c == 0 ? Criteria::kRecist11 : Criteria::kIRecist;
    for (bool whole : {false, true}) {
      if (whole && !protocol_definitions_) continue;
      Variant& v = variants_[c][whole];
      if (!v.any) {
        if (!whole)
          r_.criteria_missing.push_back(std::string(stats::CriteriaKey(criteria)) +
                                        ": no subject has results under these criteria");
        continue;
      }
      CriteriaReport cr;
      cr.criteria = criteria;
      cr.whole_course_variant = whole;
      cr.key = std::string(stats::CriteriaKey(criteria)) + (whole ? "_whole_course" : "");
      cr.definition = SharedDefinition(v.definitions);
      cr.outcomes = std::move(v.outcomes);
      cr.groups = v.tally.Finish(r_.options);
      for (const auto& name : v.covariates.Names()) {
        const auto it = cuts_.find(name);
        cr.covariates.push_back(v.covariates.Analyse(
            name, it == cuts_.end() ? std::nullopt : std::optional<std::vector<double>>(it->second),
            r_.options.level));
      }
      r_.criteria.push_back(std::move(cr));
    }
  }
  return std::move(r_);
}

std::string Collect(const Report& r, bool (*write)(const Report&, const TextSink&)) {
  std::string out;
  write(r, [&out](std::string_view text) {
    out += text;
    return true;
  });
  return out;
}

Report BuildReport(std::vector<AssessedFile> assessed, const std::vector<std::string>& by,
                   const CutPoints& cuts, const stats::EndpointOptions& options,
                   const std::string& study) {
  ReportBuilder builder(by, cuts, options, study);
  for (auto& a : assessed) builder.Add(std::move(a));
  return builder.Finish();
}

}  // namespace nadir::report
