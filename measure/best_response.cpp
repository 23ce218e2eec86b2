#include "measure/best_response.h"

#include <algorithm>

namespace nadir {

namespace {

bool IsResponse(Response r) { return r == Response::kCR || r == Response::kPR; }

/// §4.6: the level a CR or PR at `i` is confirmed at by a later assessment, or nullopt.
/// Only CR, PR or NE may lie between the two.
std::optional<Response> ConfirmedLevel(const std::vector<TimepointResponse>& tps, std::size_t i,
                                       std::size_t end, int min_days) {
  std::optional<Response> level;
  for (std::size_t j = i + 1; j < end; ++j) {
    const Response r = tps[j].overall;
    if (r != Response::kCR && r != Response::kPR && r != Response::kNE) break;
    if (!IsResponse(r) || DaysBetween(tps[i].date, tps[j].date) < min_days) continue;
    if (tps[i].overall == Response::kCR && r == Response::kCR) return Response::kCR;
    level = Response::kPR;
  }
  return level;
}

int Rank(Response r) {  // CR > PR > SD (NON-CR/NON-PD) > PD > NE
  switch (r) {
    case Response::kCR:
      return 5;
    case Response::kPR:
      return 4;
    case Response::kSD:
    case Response::kNonCRNonPD:
      return 3;
    case Response::kPD:
      return 2;
    default:
      return 1;
  }
}

}  // namespace

BestResponse BestOverallResponse(const Subject& s, const std::vector<TimepointResponse>& tps,
                                 bool has_targets, std::vector<std::string>* warnings,
                                 Criteria criteria) {
  const Protocol& p = s.protocol;
  const Date day0 = s.DayZero();
  const bool irecist = criteria == Criteria::kIRecist;
  const Response progression = irecist ? Response::kCPD : Response::kPD;
  const auto code = [&](Response r) { return irecist ? ToIRecistString(r) : ToString(r); };
  BestResponse b;

  for (const auto& tp : tps) {
    if (tp.overall == progression) {
      // RECIST 1.1: already dated back for confirmed equivocal lesions; iRECIST: the iUPD.
      b.progression_date =
          irecist && tp.progression_dated_from ? *tp.progression_dated_from : tp.date;
      break;
    }
  }
  // iRECIST: an episode still open at the last assessment. An NE inside it keeps it open (I5).
  if (irecist) {
    for (const auto& tp : tps) {
      if (tp.overall == Response::kUPD)
        b.unconfirmed_progression_date = tp.progression_dated_from;
      else if (tp.overall != Response::kNE)
        b.unconfirmed_progression_date.reset();
    }
  }
  for (const auto& tp : tps)
    if (tp.overall != Response::kNE) b.last_adequate_assessment = tp.date;

  // Assessments that count for BOR: up to the first PD (iCPD), within the window.
  std::size_t end = 0;
  bool pd_in_window = false, upd_in_window = false;
  for (; end < tps.size(); ++end) {
    if (p.bor_window_days && DaysBetween(day0, tps[end].date) > *p.bor_window_days) break;
    if (tps[end].overall == Response::kUPD) upd_in_window = true;
    if (tps[end].overall == progression) {
      pd_in_window = true;
      ++end;
      break;
    }
  }
  for (std::size_t i = 0; i < end; ++i) {
    const auto& c = tps[i].change_from_baseline_pct;
    if (c && (!b.best_change_from_baseline_pct || *c < *b.best_change_from_baseline_pct))
      b.best_change_from_baseline_pct = c;
  }

  // CR and PR (§4.4.3, confirmed per §4.6 when the protocol asks).
  std::optional<Response> best_response;
  std::vector<std::size_t> unconfirmed;
  for (std::size_t i = 0; i < end; ++i) {
    if (!IsResponse(tps[i].overall)) continue;
    const auto level = p.confirmation ? ConfirmedLevel(tps, i, end, p.confirm_min_days)
                                      : std::optional<Response>(tps[i].overall);
    if (!level) {
      unconfirmed.push_back(i);
      continue;
    }
    if (!b.response_date) b.response_date = tps[i].date;
    if (!best_response || Rank(*level) > Rank(*best_response)) best_response = *level;
  }
  // Without targets there is no PR (§4.4.1 Table 2): a CR confirmed only at PR level is not CR.
  if (best_response && !has_targets && *best_response != Response::kCR) {
    best_response.reset();
    b.response_date.reset();
  }

  // Disease control: any non-PD, non-NE response met at least sd_min_days after day 0.
  bool sd_met = false;
  for (std::size_t i = 0; i < end; ++i)
    if (IsDiseaseControl(tps[i].overall) && DaysBetween(day0, tps[i].date) >= p.sd_min_days)
      sd_met = true;

  if (best_response) {
    b.best = *best_response;
  } else if (sd_met) {
    b.best = has_targets ? Response::kSD : Response::kNonCRNonPD;
  } else if (pd_in_window) {
    b.best = progression;
  } else {
    b.best = upd_in_window ? Response::kUPD : Response::kNE;
  }
  // Say so where a missing confirmation lowered the best response (§4.6).
  for (std::size_t i : unconfirmed) {
    if (!warnings || Rank(tps[i].overall) <= Rank(b.best)) continue;
    warnings->push_back(std::string(code(tps[i].overall)) + " on " + FormatIsoDate(tps[i].date) +
                        " is not confirmed by a later assessment at least " +
                        std::to_string(p.confirm_min_days) + " days after (§4.6): best response " +
                        code(b.best));
  }
  if (IsDiseaseControl(b.best)) {
    for (std::size_t i = 0; i < end; ++i)
      if (IsDiseaseControl(tps[i].overall)) {
        b.control_date = tps[i].date;
        break;
      }
  }
  // §4.7: duration from the first CR/PR (or CR/PR/SD under dor_from "control") to first PD.
  const auto& start = p.dor_from == DurationFrom::kControl ? b.control_date : b.response_date;
  if (start && b.progression_date)
    b.duration_of_response_days = DaysBetween(*start, *b.progression_date);
  return b;
}

}  // namespace nadir
