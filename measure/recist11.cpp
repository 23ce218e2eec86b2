#include "measure/recist11.h"

#include <cstdio>
#include <limits>
#include <string>

#include "measure/confirmed_response.h"
#include "measure/rules.h"
#include "measure/sum_of_diameters.h"

namespace nadir {

namespace {

std::string Mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mm", v);
  return buf;
}

std::string Pct(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f %%", v);
  return buf;
}

/// What the target lesions show at one timepoint.
struct TargetTally {
  double evaluated_sum_mm = 0.0;  // over the evaluated targets
  bool all_evaluated = true;
  bool complete_response = true;  // §4.3.1: non-nodal gone, every node < 10 mm short axis
  std::string not_evaluated;      // ids, for the reason
  std::string reappeared;         // ids back after an overall CR (§4.3.5)
};

std::vector<const LesionRecord*> BaselineLesions(const Subject& s, LesionKind kind) {
  std::vector<const LesionRecord*> out;
  for (const auto& l : s.timepoints.front().lesions)
    if (l.kind == kind) out.push_back(&l);
  return out;
}

void AppendId(std::string& list, const std::string& id) { list += (list.empty() ? "" : ", ") + id; }

/// §4.3.1, §4.3.2: a nodal target is normal under 10 mm short axis. A node that split is
/// normal when every fragment is: each fragment is a node of its own, though their short axes
/// add to the sum (shared/RECIST.md §4.3.2, decided here).
bool NodeIsNormal(const LesionRecord& node, double diameter_mm) {
  if (node.fragments.empty() || node.state != LesionState::kMeasured)
    return diameter_mm < kNormalNodeShortAxisMm;
  for (const Fragment& f : node.fragments)
    if (f.short_axis_mm.value_or(0.0) >= kNormalNodeShortAxisMm) return false;
  return true;
}

TargetTally TallyTargets(const Timepoint& tp, const std::vector<const LesionRecord*>& targets,
                         const Protocol& protocol, bool after_overall_cr) {
  TargetTally t;
  for (const LesionRecord* b : targets) {
    const LesionRecord* now = tp.Find(b->id);
    const auto mm = now ? TargetDiameterMm(*now, protocol) : std::nullopt;
    if (!mm) {
      t.all_evaluated = false;
      t.complete_response = false;
      AppendId(t.not_evaluated, b->id);
      continue;
    }
    t.evaluated_sum_mm += *mm;
    // §4.3.1: a node is normal under 10 mm short axis; a tumour must be gone.
    const bool normal = b->nodal ? NodeIsNormal(*now, *mm) : *mm <= 0.0;
    if (!normal) {
      t.complete_response = false;
      if (after_overall_cr) AppendId(t.reappeared, b->id);
    }
  }
  return t;
}

struct CategoryResponse {
  Response response = Response::kNotApplicable;
  std::string reason;
};

CategoryResponse NonTargetResponse(const Timepoint& tp,
                                   const std::vector<const LesionRecord*>& nontargets,
                                   bool after_overall_cr) {
  if (nontargets.empty()) return {Response::kNotApplicable, ""};
  std::string progressed, back, not_evaluated;
  bool all_absent = true;
  for (const LesionRecord* b : nontargets) {
    const LesionRecord* now = tp.Find(b->id);
    const LesionState state = now ? now->state : LesionState::kNotEvaluated;
    if (state == LesionState::kUnequivocalProgression) AppendId(progressed, b->id);
    if (state == LesionState::kNotEvaluated) AppendId(not_evaluated, b->id);
    if (state != LesionState::kAbsent) all_absent = false;
    // §4.3.5: after a CR, a non-nodal non-target seen again has reappeared; a node seen again
    // has only when it unequivocally progressed (RECIST working group Q&A "Abnormal lymph
    // node"), which is PD in any case.
    if (after_overall_cr && !b->nodal &&
        (state == LesionState::kPresent || state == LesionState::kUnequivocalProgression))
      AppendId(back, b->id);
  }
  // §4.3.4: unequivocal progression of existing non-target disease is PD.
  if (!progressed.empty())
    return {Response::kPD, "unequivocal progression of non-target " + progressed + " (§4.3.4)"};
  // §4.3.5: after a complete response, a non-nodal non-target seen again is PD.
  if (!back.empty())
    return {Response::kPD, "non-target " + back + " seen again after complete response (§4.3.5)"};
  if (!not_evaluated.empty())
    return {Response::kNE, "non-target " + not_evaluated + " not evaluated"};
  // §4.3.3: CR when every non-target is gone and every node is normal.
  if (all_absent) return {Response::kCR, "every non-target gone, nodes normal (§4.3.3)"};
  return {Response::kNonCRNonPD, "non-target disease persists (§4.3.3)"};
}

}  // namespace

Response CombineOverall(Response target, Response nontarget, NewLesionStatus new_lesions,
                        bool has_targets) {
  if (target == Response::kPD || nontarget == Response::kPD || new_lesions == NewLesionStatus::kYes)
    return Response::kPD;
  if (!has_targets) {  // Table 2
    if (nontarget == Response::kCR) return Response::kCR;
    if (nontarget == Response::kNE) return Response::kNE;
    return Response::kNonCRNonPD;
  }
  switch (target) {  // Table 1
    case Response::kCR:
      return nontarget == Response::kCR || nontarget == Response::kNotApplicable ? Response::kCR
                                                                                 : Response::kPR;
    case Response::kPR:
      return Response::kPR;
    case Response::kSD:
      return Response::kSD;
    default:
      return Response::kNE;
  }
}

bool MeetsProgressionBySum(double sum_mm, double nadir_mm) {
  return sum_mm >= nadir_mm * (1.0 + kProgressionIncrease) - kBoundaryToleranceMm &&
         sum_mm - nadir_mm >= kProgressionAbsoluteMm - kBoundaryToleranceMm;
}

bool MeetsPartialResponse(double sum_mm, double baseline_mm) {
  return sum_mm <= baseline_mm * (1.0 - kPartialResponseDecrease) + kBoundaryToleranceMm;
}

std::vector<NewLesionStatus> NewLesionStatusPerFollowUp(const Subject& s,
                                                        std::vector<std::string>* why) {
  const std::size_t n = s.timepoints.size();
  std::vector<NewLesionStatus> status(n > 0 ? n - 1 : 0, NewLesionStatus::kNo);
  if (why) why->assign(status.size(), "");
  for (std::size_t t = 1; t < n; ++t) {
    for (const LesionRecord& l : s.timepoints[t].lesions) {
      if (l.kind != LesionKind::kNew) continue;
      NewLesionStatus here = NewLesionStatus::kNo;
      std::string reason;
      if (l.state == LesionState::kUnequivocal) {
        here = NewLesionStatus::kYes;
        reason = "new lesion " + l.id + " (§4.3.5)";
      } else if (l.state == LesionState::kEquivocal) {
        here = NewLesionStatus::kEquivocal;
        // §4.3.5: confirmed later, progression dates from the scan where it was first seen.
        for (std::size_t u = t + 1; u < n; ++u) {
          const LesionRecord* later = s.timepoints[u].Find(l.id);
          if (later && later->state == LesionState::kUnequivocal) {
            here = NewLesionStatus::kYes;
            reason = "new lesion " + l.id + ", equivocal here, confirmed on " +
                     FormatIsoDate(s.timepoints[u].date) + " (§4.3.5)";
            break;
          }
        }
      }
      if (here > status[t - 1]) {
        status[t - 1] = here;
        if (why) (*why)[t - 1] = reason;
      }
    }
  }
  return status;
}

BaselineSummary SummariseBaseline(const Subject& s) {
  BaselineSummary b;
  b.date = s.timepoints.front().date;
  for (const auto& l : s.timepoints.front().lesions) {
    if (l.kind == LesionKind::kTarget) {
      ++b.targets;
      b.sum_mm = b.sum_mm.value_or(0.0) + TargetDiameterMm(l, s.protocol).value_or(0.0);
    } else if (l.kind == LesionKind::kNonTarget) {
      ++b.nontargets;
    }
  }
  return b;
}

std::vector<TimepointResponse> Recist11Timepoints(const Subject& s) {
  const auto targets = BaselineLesions(s, LesionKind::kTarget);
  const auto nontargets = BaselineLesions(s, LesionKind::kNonTarget);
  const bool has_targets = !targets.empty();
  const BaselineSummary base = SummariseBaseline(s);
  std::vector<std::string> new_reasons;
  const auto new_status = NewLesionStatusPerFollowUp(s, &new_reasons);

  std::vector<TimepointResponse> out;
  // §4.3.1: the nadir is the smallest sum on study, baseline included, over timepoints whose
  // targets were all evaluated.
  double nadir = base.sum_mm.value_or(0.0);
  bool after_overall_cr = false;
  ConfirmedResponse confirmed(s.protocol);  // §4.3.1: a confirmed PR continues
  for (std::size_t t = 1; t < s.timepoints.size(); ++t) {
    const Timepoint& tp = s.timepoints[t];
    TimepointResponse r;
    r.date = tp.date;
    r.label = tp.label;
    r.new_lesions = new_status[t - 1];

    CategoryResponse target;
    std::optional<double> sum_for_nadir;
    if (has_targets) {
      const TargetTally tally = TallyTargets(tp, targets, s.protocol, after_overall_cr);
      const double sum = tally.evaluated_sum_mm;
      const bool pd_by_sum = MeetsProgressionBySum(sum, nadir);
      r.nadir_mm = nadir;
      const auto set_sum = [&] {
        r.sum_mm = sum;
        if (*base.sum_mm > 0)
          r.change_from_baseline_pct = (sum - *base.sum_mm) / *base.sum_mm * 100;
        if (nadir > 0) r.change_from_nadir_pct = (sum - nadir) / nadir * 100;
      };
      if (!tally.reappeared.empty()) {
        target = {Response::kPD,
                  "target " + tally.reappeared + " back after complete response (§4.3.5)"};
        if (tally.all_evaluated || pd_by_sum) set_sum();
      } else if (!tally.all_evaluated) {
        // §4.4.2: NE, unless the evaluated targets alone already prove progression.
        if (pd_by_sum) {
          set_sum();
          target = {Response::kPD, "evaluated targets alone: sum " + Mm(sum) + ", " +
                                       Pct(*r.change_from_nadir_pct) + " and +" + Mm(sum - nadir) +
                                       " over nadir " + Mm(nadir) + " (§4.4.2)"};
        } else {
          target = {Response::kNE, "target " + tally.not_evaluated + " not evaluated (§4.4.2)"};
        }
      } else {
        set_sum();
        sum_for_nadir = sum;
        if (tally.complete_response) {
          target = {Response::kCR, "targets gone, nodes under 10 mm (§4.3.1)"};
        } else if (pd_by_sum) {
          target = {
              Response::kPD,
              "sum " + Mm(sum) + " is " +
                  (r.change_from_nadir_pct ? Pct(*r.change_from_nadir_pct) : std::string("up")) +
                  " and +" + Mm(sum - nadir) + " over nadir " + Mm(nadir) + " (§4.3.1)"};
        } else if (MeetsPartialResponse(sum, *base.sum_mm)) {
          target = {Response::kPR,
                    "sum " + Pct(*r.change_from_baseline_pct) + " from baseline (§4.3.1)"};
        } else if (confirmed.Holding() && r.change_from_baseline_pct) {
          target = {Response::kPR, "sum " + Pct(*r.change_from_baseline_pct) +
                                       " from baseline, above 70 % of it, but the response of " +
                                       FormatIsoDate(*confirmed.Holding()) +
                                       " is confirmed and continues until CR or PD (§4.3.1)"};
        } else {
          target = {Response::kSD,
                    "sum " +
                        (r.change_from_baseline_pct ? Pct(*r.change_from_baseline_pct)
                                                    : std::string("?")) +
                        " from baseline, " +
                        (r.change_from_nadir_pct ? Pct(*r.change_from_nadir_pct)
                                                 : std::string("+") + Mm(sum)) +
                        " over nadir: neither PR nor PD (§4.3.1)"};
        }
      }
    }
    r.target = target.response;
    const CategoryResponse nontarget = NonTargetResponse(tp, nontargets, after_overall_cr);
    r.nontarget = nontarget.response;

    // §4.4.1: the rule that decided is the first category that shows it.
    r.overall = CombineOverall(r.target, r.nontarget, r.new_lesions, has_targets);
    if (r.overall == Response::kPD) {
      r.reason = r.target == Response::kPD      ? target.reason
                 : r.nontarget == Response::kPD ? nontarget.reason
                                                : new_reasons[t - 1];
    } else if (r.overall == Response::kPR && r.target == Response::kCR) {
      r.reason =
          "targets CR, non-targets " + std::string(ToString(r.nontarget)) + " (§4.4.1 Table 1)";
    } else {
      r.reason = has_targets ? target.reason : nontarget.reason;
    }

    if (sum_for_nadir && *sum_for_nadir < nadir) nadir = *sum_for_nadir;
    if (r.overall == Response::kCR) after_overall_cr = true;
    confirmed.Record(r.date, r.overall);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace nadir
