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

// The fields only the listings read, dropped once the subject's rows are spooled.
void DropListingFields(stats::SubjectOutcome& o) {
  o.file = std::string();
  o.notes = {};
  for (stats::TimeToEvent* t : {&o.pfs, &o.os}) {
    t->event_kind = std::string();
    t->censor_reason = std::string();
  }
  if (o.dor) {
    o.dor->event_kind = std::string();
    o.dor->censor_reason = std::string();
  }
}

ReportSubject Compact(const Subject& s, const SubjectResult& res) {
  ReportSubject out{s.id,
                    s.groups,
                    s.covariates,
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
  if (res.recist11 && res.baseline && res.baseline->sum_mm) {
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

ReportBuilder::ReportBuilder(const std::vector<std::string>& by, const CutPoints& cuts,
                             const stats::EndpointOptions& options, const std::string& study)
    : cuts_(cuts) {
  r_.study = study;
  r_.by = by;
  r_.options = options;
}

void ReportBuilder::AddOutcome(int c, bool whole, const Subject& s, const SubjectResult& res) {
  const Criteria criteria = c == 0 ? Criteria::kRecist11 : Criteria::kIRecist;
  ReportListings& l = *r_.listings;
  stats::SubjectOutcome o = stats::OutcomeOf(s, res, criteria);
  l.listing[c][whole].AppendRecord(ListingRecord(s, o));
  if (!whole) {
    l.rs[c].Append(RsRows(r_.study, s, res, o));
    l.adtte[c].Append(AdtteRows(r_.study, s, o));
  }
  DropListingFields(o);
  variants_[c][whole].outcomes.push_back(std::move(o));
}

void ReportBuilder::Add(AssessedFile&& a) {
  if (a.skipped) return;
  if (!a.subject) {
    std::string why = a.result.errors.empty() ? "unreadable" : a.result.errors.front();
    r_.unreadable.push_back(a.result.file + ": " + why);
    return;
  }
  const Subject& s = *a.subject;
  const SubjectResult& res = a.result;
  ReportListings& l = *r_.listings;
  for (const auto& [k, v] : s.groups) l.labels.insert(k);
  for (const auto& [k, v] : s.covariates) l.covariates.insert(k);
  l.tr.Append(TrRows(r_.study, s, res));

  // The whole-course variant: this subject without the protocol's window and DOR start.
  // Until a subject has them, it is the same as the protocol's, and is copied then.
  const bool own_definitions = HasProtocolDefinitions(s.protocol);
  if (own_definitions && !protocol_definitions_) {
    protocol_definitions_ = true;
    for (int c = 0; c < 2; ++c) {
      variants_[c][1].outcomes = variants_[c][0].outcomes;
      l.listing[c][1].AppendSpool(l.listing[c][0]);
    }
  }
  std::optional<Subject> whole_subject;
  std::optional<SubjectResult> whole_result;
  if (own_definitions) {
    whole_subject = s;
    whole_subject->protocol = WholeCourse(s.protocol);
    if (res.errors.empty()) {
      whole_result = AssessSubject(*whole_subject);
      whole_result->file = res.file;
    }
  }
  const SubjectResult& whole_res = whole_result ? *whole_result : res;
  for (int c = 0; c < 2; ++c) {
    const Criteria criteria = c == 0 ? Criteria::kRecist11 : Criteria::kIRecist;
    variants_[c][0].definitions.insert(EndpointDefinition(s.protocol));
    variants_[c][0].any |= stats::BestResponseFor(res, criteria) != nullptr;
    variants_[c][1].definitions.insert(EndpointDefinition(WholeCourse(s.protocol)));
    variants_[c][1].any |= stats::BestResponseFor(whole_res, criteria) != nullptr;
    AddOutcome(c, false, s, res);
    if (protocol_definitions_) AddOutcome(c, true, whole_subject ? *whole_subject : s, whole_res);
  }
  r_.subjects.push_back(Compact(s, res));
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
      cr.groups = stats::EndpointsByGroup(cr.outcomes, r_.by, r_.options);
      for (const auto& name : stats::CovariateNames(cr.outcomes)) {
        const auto it = cuts_.find(name);
        cr.covariates.push_back(stats::AnalyseCovariate(
            cr.outcomes, name,
            it == cuts_.end() ? std::nullopt : std::optional<std::vector<double>>(it->second),
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
