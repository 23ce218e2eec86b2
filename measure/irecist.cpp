#include "measure/irecist.h"

#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "measure/confirmed_response.h"
#include "measure/irecist_new_lesions.h"
#include "measure/recist11.h"
#include "measure/rules.h"
#include "measure/sum_of_diameters.h"

namespace nadir {

namespace {

std::string Mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f mm", v);
  return buf;
}

std::string List(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s;
}

/// An iUPD episode: what was progressing when it opened, and the values to measure growth from.
struct Episode {
  Date opened;
  bool target = false, nontarget = false, new_lesions = false;
  std::map<std::string, double> target_mm;  // the targets evaluated at the iUPD, by id
  std::optional<double> new_lesion_target_sum_mm;
  bool confirmed = false;
};

/// The diameters of the baseline targets evaluated at `tp`, by id.
std::map<std::string, double> EvaluatedTargets(const Subject& s, const Timepoint& tp) {
  std::map<std::string, double> out;
  for (const LesionRecord& b : s.timepoints.front().lesions) {
    if (b.kind != LesionKind::kTarget) continue;
    const LesionRecord* now = tp.Find(b.id);
    if (const auto mm = now ? TargetDiameterMm(*now, s.protocol) : std::nullopt) out[b.id] = *mm;
  }
  return out;
}

/// I4, like for like: the target sums at the iUPD and now over the targets evaluated at both,
/// so that a target missing at an iUPD called on a partial sum (§4.4.2) adds no growth when it
/// is measured again. Nullopt when no target was evaluated at both.
struct LikeForLike {
  double at_iupd_mm = 0, now_mm = 0;
  std::vector<std::string> missing;  // evaluated at one of the two timepoints only
};
std::optional<LikeForLike> CompareTargets(const Episode& ep,
                                          const std::map<std::string, double>& now) {
  LikeForLike c;
  bool any = false;
  for (const auto& [id, then] : ep.target_mm) {
    const auto it = now.find(id);
    if (it == now.end()) {
      c.missing.push_back(id);
      continue;
    }
    c.at_iupd_mm += then;
    c.now_mm += it->second;
    any = true;
  }
  for (const auto& [id, mm] : now)
    if (!ep.target_mm.count(id)) c.missing.push_back(id);
  if (!any) return std::nullopt;
  return c;
}

Response AsIRecistCategory(Response r) { return r == Response::kPD ? Response::kUPD : r; }

/// Table 1/2 of RECIST 1.1 over the target and non-target categories, with new lesions that
/// are present but do not progress: they rule out a complete response (I6).
Response NonProgressingOverall(Response target, Response nontarget, bool new_lesions_present,
                               bool has_targets) {
  const Response r = CombineOverall(target, nontarget, NewLesionStatus::kNo, has_targets);
  if (r == Response::kCR && new_lesions_present)
    return has_targets ? Response::kPR : Response::kNonCRNonPD;
  return r;
}

/// I4: the route by which timepoint `t` confirms the open episode, or "" when none does.
std::string ConfirmationRoute(const Episode& ep, const TimepointResponse& r, const NewLesionsAt& nl,
                              const Timepoint& tp, const std::optional<LikeForLike>& targets,
                              const std::set<std::string>& new_at_open, bool early) {
  for (const auto& id : nl.appeared)
    if (!new_at_open.count(id)) return "another new lesion " + id + " appeared";
  if (early) return "";
  if (ep.target) {
    if (targets &&
        targets->now_mm - targets->at_iupd_mm >= kProgressionAbsoluteMm - kBoundaryToleranceMm)
      return "target sum " + Mm(targets->now_mm - targets->at_iupd_mm) + " since iUPD" +
             (targets->missing.empty()
                  ? std::string()
                  : ", over the targets evaluated at both (not " + List(targets->missing) + ")");
  } else if (r.target == Response::kPD) {
    return "target sum meets RECIST 1.1 progression, not progressing at iUPD";
  }
  if (ep.nontarget) {
    std::vector<std::string> grew;
    for (const auto& l : tp.lesions)
      if (l.kind == LesionKind::kNonTarget && l.increased_since_last) grew.push_back(l.id);
    if (!grew.empty()) return "further increase of non-target " + List(grew);
  } else if (r.nontarget == Response::kPD) {
    return "unequivocal progression of non-target disease, not progressing at iUPD";
  }
  const double open_sum = ep.new_lesion_target_sum_mm.value_or(0.0);
  if (nl.target_sum_mm &&
      *nl.target_sum_mm - open_sum >= kProgressionAbsoluteMm - kBoundaryToleranceMm)
    return "new-lesion target sum " + Mm(*nl.target_sum_mm - open_sum) + " since iUPD";
  if (!nl.nontargets_increased.empty())
    return "new-lesion non-target " + List(nl.nontargets_increased) + " grew";
  return "";
}

/// The RECIST 1.1 target category without the continuation of a confirmed PR (§4.3.1): iRECIST
/// follows its own confirmations, which an iUPD ends where RECIST 1.1 may see none.
Response TargetBySum(const TimepointResponse& r, const std::optional<double>& baseline_mm) {
  if (r.target == Response::kPR && r.sum_mm && baseline_mm &&
      !MeetsPartialResponse(*r.sum_mm, *baseline_mm))
    return Response::kSD;
  return r.target;
}

std::string Pct(const std::optional<double>& v) {
  if (!v) return "?";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f %%", *v);
  return buf;
}

/// The reason of a timepoint whose iRECIST response is not progression, in iRECIST terms: the
/// RECIST 1.1 reason where both criteria read the timepoint alike, else the categories.
std::string NonProgressingReason(Response overall, Response target, Response by_sum,
                                 const TimepointResponse& r, const std::optional<Date>& held,
                                 const NewLesionsAt& nl, bool after_reset) {
  const std::string code = ToIRecistString(overall);
  if (held && target == Response::kPR && by_sum == Response::kSD)
    return code + ": sum " + Pct(r.change_from_baseline_pct) +
           " from baseline, above 70 % of it, but the iPR of " + FormatIsoDate(*held) +
           " is confirmed and continues until iCR or iUPD (§4.3.1, as RECIST 1.1)";
  if (overall == r.overall && target == r.target) return code + ": " + r.reason;
  std::string why = code + ": targets " + ToIRecistString(target);
  if (r.sum_mm) why += " (sum " + Pct(r.change_from_baseline_pct) + " from baseline)";
  if (r.nontarget != Response::kNotApplicable)
    why += ", non-targets " + std::string(ToIRecistString(r.nontarget));
  if (!nl.present.empty())
    why += after_reset ? "; new lesion " + List(nl.present) +
                             " seen before the reset, none added and their sum not progressing (I6)"
                       : "; new lesion " + List(nl.present) + " rules out iCR (I6)";
  return why;
}

}  // namespace

std::vector<TimepointResponse> IRecistTimepoints(const Subject& s,
                                                 const std::vector<TimepointResponse>& recist11,
                                                 std::vector<std::string>* warnings) {
  const Protocol& p = s.protocol;
  bool has_targets = false;
  for (const auto& l : s.timepoints.front().lesions) has_targets |= l.kind == LesionKind::kTarget;
  const std::optional<double> baseline_mm = SummariseBaseline(s).sum_mm;
  const auto plan = PlanNewLesions(s, warnings);

  std::vector<TimepointResponse> out;
  std::optional<Episode> ep;
  std::set<std::string> new_at_open;
  bool after_reset = false;  // new lesions seen before a reset no longer progress by presence
  std::optional<double> new_lesion_nadir_mm;
  ConfirmedResponse confirmed(p);  // §4.3.1: a confirmed iPR continues, as under RECIST 1.1
  for (std::size_t k = 0; k < recist11.size(); ++k) {
    const std::size_t t = k + 1;
    const Timepoint& tp = s.timepoints[t];
    const TimepointResponse& r = recist11[k];
    const NewLesionsAt nl = NewLesionsAtTimepoint(s, plan, t);
    const std::optional<Date> held = has_targets ? confirmed.Holding() : std::nullopt;
    const Response by_sum = TargetBySum(r, baseline_mm);
    const Response target = by_sum == Response::kSD && held ? Response::kPR : by_sum;
    TimepointResponse i = r;
    i.target = AsIRecistCategory(target);
    i.nontarget = AsIRecistCategory(r.nontarget);
    i.new_lesions = !nl.present.empty()                            ? NewLesionStatus::kYes
                    : r.new_lesions == NewLesionStatus::kEquivocal ? NewLesionStatus::kEquivocal
                                                                   : NewLesionStatus::kNo;
    i.new_lesion_target_sum_mm = nl.target_sum_mm;
    i.new_lesion_targets = nl.targets;
    i.clinically_stable = tp.clinically_stable;
    const auto finish = [&] {
      confirmed.Record(i.date, i.overall);
      out.push_back(std::move(i));
    };

    if (ep && ep->confirmed) {
      i.overall = Response::kCPD;
      i.progression_dated_from = ep->opened;
      i.reason = "iCPD: the progression confirmed since the iUPD of " + FormatIsoDate(ep->opened) +
                 " stands (I4)";
      finish();
      continue;
    }
    if (!ep) {
      // I1/I2: RECIST 1.1 progression in any category opens an iUPD episode.
      bool new_progress = false;
      std::string new_reason;
      if (!after_reset) {
        new_progress = !nl.present.empty();
        new_reason = "new lesion " + List(nl.appeared.empty() ? nl.present : nl.appeared);
      } else if (!nl.appeared.empty()) {
        new_progress = true;
        new_reason = "more new lesions after reset: " + List(nl.appeared);
      } else if (nl.target_sum_mm && new_lesion_nadir_mm &&
                 MeetsProgressionBySum(*nl.target_sum_mm, *new_lesion_nadir_mm)) {
        new_progress = true;
        new_reason = "new-lesion target sum meets RECIST 1.1 progression over its nadir";
      }
      if (r.target == Response::kPD || r.nontarget == Response::kPD || new_progress) {
        ep = Episode{tp.date,
                     r.target == Response::kPD,
                     r.nontarget == Response::kPD,
                     !nl.present.empty(),
                     EvaluatedTargets(s, tp),
                     nl.target_sum_mm,
                     false};
        new_at_open = std::set<std::string>(nl.present.begin(), nl.present.end());
        i.overall = Response::kUPD;
        i.progression_dated_from = tp.date;
        i.reason = r.target == Response::kPD || r.nontarget == Response::kPD
                       ? "iUPD: " + r.reason + ", unconfirmed (I1)"
                       : "iUPD: " + new_reason + " (I2)";
      } else {
        i.overall = NonProgressingOverall(target, r.nontarget, !nl.present.empty(), has_targets);
        i.reason = NonProgressingReason(i.overall, target, by_sum, r, held, nl, after_reset);
        if (nl.target_sum_mm && (!new_lesion_nadir_mm || *nl.target_sum_mm < *new_lesion_nadir_mm))
          new_lesion_nadir_mm = nl.target_sum_mm;
      }
      finish();
      continue;
    }

    // An open episode: confirm (I4), keep (I5) or reset (I6).
    const int days = DaysBetween(ep->opened, tp.date);
    const bool early = days < p.irecist_confirm_min_days;
    const auto targets = CompareTargets(*ep, EvaluatedTargets(s, tp));
    const std::string route = ConfirmationRoute(*ep, r, nl, tp, targets, new_at_open, early);
    i.progression_dated_from = ep->opened;
    if (!route.empty()) {
      ep->confirmed = true;
      i.overall = Response::kCPD;
      i.reason = "iCPD: " + route + " (I4)";
      if (days > p.irecist_confirm_max_days && warnings)
        warnings->push_back("iCPD on " + FormatIsoDate(tp.date) + " confirms the iUPD of " +
                            FormatIsoDate(ep->opened) + " after " + std::to_string(days) +
                            " days, later than irecist_confirm_max_days " +
                            std::to_string(p.irecist_confirm_max_days) + " (I3)");
      finish();
      continue;
    }
    const auto not_progressing = [](Response c) {
      return c != Response::kPD && c != Response::kNE;
    };
    // With new lesions still there, Seymour 2017 Table 2 keeps iUPD unless the targets went on
    // to shrink to a partial response after the iUPD (EORTC iRECIST FAQ, scenario B: shrinkage
    // after a new lesion allows iPR; scenario F: no change stays iUPD). Shrinkage is measured
    // like for like (I4).
    bool shrank = nl.present.empty();
    if (!shrank && (target == Response::kPR || target == Response::kCR)) {
      if (targets && targets->now_mm < targets->at_iupd_mm - kBoundaryToleranceMm) shrank = true;
      if (nl.target_sum_mm && ep->new_lesion_target_sum_mm &&
          *nl.target_sum_mm < *ep->new_lesion_target_sum_mm - kBoundaryToleranceMm)
        shrank = true;
    }
    if (not_progressing(target) && not_progressing(r.nontarget) && shrank) {
      i.overall = NonProgressingOverall(target, r.nontarget, !nl.present.empty(), has_targets);
      i.reason = std::string(ToIRecistString(i.overall)) + ": iUPD of " +
                 FormatIsoDate(ep->opened) + " not confirmed, responses meet " +
                 ToIRecistString(i.overall) + " again; the episode closes (I6)";
      i.progression_dated_from.reset();
      ep.reset();
      after_reset = true;
      new_lesion_nadir_mm = nl.target_sum_mm;
    } else if (r.overall == Response::kNE) {
      // I5, Seymour 2017 Table 3 example 8: a timepoint that cannot be evaluated is NE; the
      // episode stays open and this is no adequate assessment (PFS censoring).
      i.overall = Response::kNE;
      i.progression_dated_from.reset();
      i.reason = "NE: " + r.reason + "; the iUPD of " + FormatIsoDate(ep->opened) +
                 " stays open, unconfirmed (I5)";
    } else {
      i.overall = Response::kUPD;
      i.reason = early ? "iUPD: " + std::to_string(days) + " days after the iUPD of " +
                             FormatIsoDate(ep->opened) + ", too early to confirm (I3)"
                 : r.target == Response::kNE ? "iUPD: targets not all evaluated, the iUPD of " +
                                                   FormatIsoDate(ep->opened) + " stands (I5)"
                                             : "iUPD: no further growth since the iUPD of " +
                                                   FormatIsoDate(ep->opened) + " (I5)";
    }
    finish();
  }
  return out;
}

}  // namespace nadir
