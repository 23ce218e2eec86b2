#include "measure/assess.h"

#include <algorithm>

#include "measure/best_response.h"
#include "measure/irecist.h"
#include "measure/recist11.h"
#include "measure/validate.h"

namespace nadir {

SubjectResult AssessSubject(Subject s) {
  SubjectResult out;
  out.subject = s.id;
  out.reader = s.reader;
  out.groups = s.groups;
  SortTimepoints(s);  // a subject built in memory may list its timepoints in any order
  Findings f = ValidateSubject(s);
  out.errors = std::move(f.errors);
  out.warnings = std::move(f.warnings);
  if (!out.errors.empty()) return out;

  const auto baseline_warnings = CheckBaseline(s);
  out.warnings.insert(out.warnings.end(), baseline_warnings.begin(), baseline_warnings.end());
  out.baseline = SummariseBaseline(s);
  if (out.baseline->targets == 0 && out.baseline->nontargets == 0) {
    out.errors.push_back("baseline " + FormatIsoDate(out.baseline->date) +
                         ": no target or non-target lesion recorded; response cannot be assessed");
    return out;
  }
  const auto wants = [&](Criteria c) {
    return std::find(s.protocol.criteria.begin(), s.protocol.criteria.end(), c) !=
           s.protocol.criteria.end();
  };
  // iRECIST is built on the RECIST 1.1 timepoint responses, so they are always computed.
  Recist11Result r;
  r.timepoints = Recist11Timepoints(s);
  r.best = BestOverallResponse(s, r.timepoints, out.baseline->targets > 0, &out.warnings);
  if (s.timepoints.size() == 1)
    out.warnings.push_back("no follow-up assessment after the baseline of " +
                           FormatIsoDate(out.baseline->date) + ": best overall response NE");
  if (wants(Criteria::kIRecist)) {
    CriteriaResult i;
    i.timepoints = IRecistTimepoints(s, r.timepoints, &out.warnings);
    i.best = BestOverallResponse(s, i.timepoints, out.baseline->targets > 0, &out.warnings,
                                 Criteria::kIRecist);
    out.irecist = std::move(i);
  }
  if (wants(Criteria::kRecist11)) out.recist11 = std::move(r);
  return out;
}

}  // namespace nadir
