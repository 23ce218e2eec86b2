#include "measure/irecist.h"

#include <cstdio>
#include <optional>
#include <set>

#include "measure/irecist_new_lesions.h"
#include "measure/recist11.h"
#include "measure/rules.h"

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
  std::optional<double> target_sum_mm;
  std::optional<double> new_lesion_target_sum_mm;
  bool confirmed = false;
};

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
std::string ConfirmationRoute(const Episode& ep, const TimepointResponse& r,
                              const NewLesionsAt& nl, const Timepoint& tp,
                              const std::set<std::string>& new_at_open, bool early) {
  for (const auto& id : nl.appeared)
    if (!new_at_open.count(id)) return "another new lesion " + id + " appeared";
  if (early) return "";
  if (ep.target) {
    if (r.sum_mm && ep.target_sum_mm &&
        *r.sum_mm - *ep.target_sum_mm >= rules::kProgressionAbsoluteMm - rules::kBoundaryToleranceMm)
      return "target sum " + Mm(*r.sum_mm - *ep.target_sum_mm) + " since iUPD";
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
      *nl.target_sum_mm - open_sum >= rules::kProgressionAbsoluteMm - rules::kBoundaryToleranceMm)
    return "new-lesion target sum " + Mm(*nl.target_sum_mm - open_sum) + " since iUPD";
  if (!nl.nontargets_increased.empty())
    return "new-lesion non-target " + List(nl.nontargets_increased) + " grew";
  return "";
}

}  // namespace

std::vector<TimepointResponse> IRecistTimepoints(const Subject& s,
                                                 const std::vector<TimepointResponse>& recist11,
                                                 std::vector<std::string>* warnings) {
  const Protocol& p = s.protocol;
  bool has_targets = false;
  for (const auto& l : s.timepoints.front().lesions) has_targets |= l.kind == LesionKind::kTarget;
  const auto plan = PlanNewLesions(s, warnings);

  std::vector<TimepointResponse> out;
  std::optional<Episode> ep;
  std::set<std::string> new_at_open;
  bool after_reset = false;  // new lesions seen before a reset no longer progress by presence
  std::optional<double> new_lesion_nadir_mm;
  for (std::size_t k = 0; k < recist11.size(); ++k) {
    const std::size_t t = k + 1;
    const Timepoint& tp = s.timepoints[t];
    const TimepointResponse& r = recist11[k];
    const NewLesionsAt nl = NewLesionsAtTimepoint(s, plan, t);
    TimepointResponse i = r;
    i.target = AsIRecistCategory(r.target);
    i.nontarget = AsIRecistCategory(r.nontarget);
    i.new_lesions = !nl.present.empty() ? NewLesionStatus::kYes
                    : r.new_lesions == NewLesionStatus::kEquivocal ? NewLesionStatus::kEquivocal
                                                                  : NewLesionStatus::kNo;
    i.new_lesion_target_sum_mm = nl.target_sum_mm;
    i.new_lesion_targets = nl.targets;
    i.clinically_stable = tp.clinically_stable;

    if (ep && ep->confirmed) {
      i.overall = Response::kCPD;
      i.progression_dated_from = ep->opened;
      i.reason = "iCPD: confirmed progression stands";
      out.push_back(std::move(i));
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
        ep = Episode{tp.date, r.target == Response::kPD, r.nontarget == Response::kPD,
                     !nl.present.empty(), r.sum_mm, nl.target_sum_mm, false};
        new_at_open = std::set<std::string>(nl.present.begin(), nl.present.end());
        i.overall = Response::kUPD;
        i.progression_dated_from = tp.date;
        i.reason = "iUPD: " + (r.target == Response::kPD || r.nontarget == Response::kPD
                                   ? r.reason
                                   : new_reason + " (I2)");
      } else {
        i.overall = NonProgressingOverall(r.target, r.nontarget, !nl.present.empty(), has_targets);
        i.reason = r.reason;
        if (nl.target_sum_mm && (!new_lesion_nadir_mm || *nl.target_sum_mm < *new_lesion_nadir_mm))
          new_lesion_nadir_mm = nl.target_sum_mm;
      }
      out.push_back(std::move(i));
      continue;
    }

    // An open episode: confirm (I4), keep (I5) or reset (I6).
    const int days = DaysBetween(ep->opened, tp.date);
    const bool early = days < p.irecist_confirm_min_days;
    const std::string route = ConfirmationRoute(*ep, r, nl, tp, new_at_open, early);
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
      out.push_back(std::move(i));
      continue;
    }
    const auto not_progressing = [](Response c) {
      return c != Response::kPD && c != Response::kNE;
    };
    // With new lesions still there, Seymour 2017 Table 2 keeps iUPD unless the targets went on
    // to shrink to a partial response after the iUPD (EORTC iRECIST FAQ, scenario B: shrinkage
    // after a new lesion allows iPR; scenario F: no change stays iUPD).
    bool shrank = nl.present.empty();
    if (!shrank && (r.target == Response::kPR || r.target == Response::kCR)) {
      if (r.sum_mm && ep->target_sum_mm && *r.sum_mm < *ep->target_sum_mm - rules::kBoundaryToleranceMm)
        shrank = true;
      if (nl.target_sum_mm && ep->new_lesion_target_sum_mm &&
          *nl.target_sum_mm < *ep->new_lesion_target_sum_mm - rules::kBoundaryToleranceMm)
        shrank = true;
    }
    if (not_progressing(r.target) && not_progressing(r.nontarget) && shrank) {
      i.overall = NonProgressingOverall(r.target, r.nontarget, !nl.present.empty(), has_targets);
      i.reason = std::string(ToIRecistString(i.overall)) + ": iUPD of " +
                 FormatIsoDate(ep->opened) + " not confirmed, responses meet " +
                 ToIRecistString(i.overall) + " again; the episode closes (I6)";
      i.progression_dated_from.reset();
      ep.reset();
      after_reset = true;
      new_lesion_nadir_mm = nl.target_sum_mm;
    } else {
      i.overall = Response::kUPD;
      i.reason = early ? "iUPD: " + std::to_string(days) + " days after the iUPD of " +
                             FormatIsoDate(ep->opened) + ", too early to confirm (I3)"
                 : r.target == Response::kNE
                     ? "iUPD: targets not all evaluated, the iUPD of " +
                           FormatIsoDate(ep->opened) + " stands (I5)"
                     : "iUPD: no further growth since the iUPD of " + FormatIsoDate(ep->opened) +
                           " (I5)";
    }
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace nadir
