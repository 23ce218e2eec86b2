#include "cli/report/report_data.h"

#include <set>

#include "measure/assess.h"

namespace nadir::report {

namespace {

bool HasProtocolDefinitions(const Protocol& p) {
  return p.bor_window_days || p.dor_from == DurationFrom::kControl;
}

// The definition shared by the subjects, or a note that it differs between them.
std::string SharedDefinition(const std::vector<const Subject*>& subjects) {
  std::set<std::string> seen;
  for (const Subject* s : subjects) seen.insert(EndpointDefinition(s->protocol));
  if (seen.size() == 1) return *seen.begin();
  if (seen.empty()) return EndpointDefinition(Protocol{});
  return "BOR window and DOR start per subject's protocol (" + std::to_string(seen.size()) +
         " different)";
}

}  // namespace

std::string EndpointDefinition(const Protocol& p) {
  return (p.bor_window_days ? "BOR to day " + std::to_string(*p.bor_window_days)
                            : std::string("BOR over the whole course")) +
         (p.dor_from == DurationFrom::kControl ? ", DOR from the first CR, PR or SD"
                                               : ", DOR from the first CR or PR");
}

Report BuildReport(std::vector<AssessedFile> assessed, const std::vector<std::string>& by,
                   const CutPoints& cuts, const stats::EndpointOptions& options,
                   const std::string& study) {
  Report r;
  r.study = study;
  r.by = by;
  r.options = options;
  for (auto& a : assessed) {
    if (a.skipped) continue;
    if (!a.subject) {
      std::string why = a.result.errors.empty() ? "unreadable" : a.result.errors.front();
      r.unreadable.push_back(a.result.file + ": " + why);
      continue;
    }
    r.assessed.push_back(std::move(a));
  }
  // The whole-course variant: the same subjects without the protocol's window and DOR start.
  bool protocol_definitions = false;
  std::vector<const Subject*> subjects;
  for (const auto& a : r.assessed) {
    subjects.push_back(&*a.subject);
    protocol_definitions |= HasProtocolDefinitions(a.subject->protocol);
  }
  std::vector<Subject> whole_subjects;
  std::vector<SubjectResult> whole_results;
  if (protocol_definitions)
    for (const auto& a : r.assessed) {
      Subject s = *a.subject;
      s.protocol.bor_window_days.reset();
      s.protocol.dor_from = DurationFrom::kResponse;
      whole_results.push_back(AssessSubject(s));
      whole_results.back().file = a.result.file;
      whole_subjects.push_back(std::move(s));
    }
  std::vector<const Subject*> whole_ptrs;
  for (const auto& s : whole_subjects) whole_ptrs.push_back(&s);

  for (Criteria c : {Criteria::kRecist11, Criteria::kIRecist}) {
    for (bool whole : {false, true}) {
      if (whole && !protocol_definitions) continue;
      CriteriaReport cr;
      cr.criteria = c;
      cr.whole_course_variant = whole;
      cr.key = std::string(stats::CriteriaKey(c)) + (whole ? "_whole_course" : "");
      cr.definition = SharedDefinition(whole ? whole_ptrs : subjects);
      bool any = false;
      for (size_t i = 0; i < r.assessed.size(); ++i) {
        const Subject& s = whole ? whole_subjects[i] : *r.assessed[i].subject;
        const SubjectResult& res = whole ? whole_results[i] : r.assessed[i].result;
        cr.outcomes.push_back(stats::OutcomeOf(s, res, c));
        any |= stats::BestResponseFor(res, c) != nullptr;
      }
      if (!any) {
        if (!whole)
          r.criteria_missing.push_back(std::string(stats::CriteriaKey(c)) +
                                       ": no subject has results under these criteria");
        continue;
      }
      cr.groups = stats::EndpointsByGroup(cr.outcomes, by, options);
      for (const auto& name : stats::CovariateNames(cr.outcomes)) {
        const auto it = cuts.find(name);
        cr.covariates.push_back(stats::AnalyseCovariate(
            cr.outcomes, name,
            it == cuts.end() ? std::nullopt : std::optional<std::vector<double>>(it->second),
            options.level));
      }
      r.criteria.push_back(std::move(cr));
    }
  }
  return r;
}

}  // namespace nadir::report
