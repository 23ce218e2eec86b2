#include "measure/validate.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "measure/rules.h"
#include "measure/sum_of_diameters.h"

namespace nadir {

namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string Where(const Timepoint& tp, const LesionRecord& l) {
  return "timepoint " + FormatIsoDate(tp.date) + ", lesion " + l.id;
}

bool StateAllowed(LesionKind kind, LesionState s) {
  switch (kind) {
    case LesionKind::kTarget:
      return s == LesionState::kMeasured || s == LesionState::kTooSmall ||
             s == LesionState::kAbsent || s == LesionState::kNotEvaluated ||
             s == LesionState::kMerged;
    case LesionKind::kNonTarget:
      return s == LesionState::kPresent || s == LesionState::kAbsent ||
             s == LesionState::kUnequivocalProgression || s == LesionState::kNotEvaluated;
    case LesionKind::kNew:
      return s == LesionState::kEquivocal || s == LesionState::kUnequivocal ||
             s == LesionState::kAbsent || s == LesionState::kNotEvaluated;
  }
  return false;
}

void CheckDiameter(const std::string& where, const char* field, const std::optional<double>& mm,
                   Findings& out) {
  if (!mm) return;
  if (*mm < 0)
    out.errors.push_back(where + ": " + field + " " + Num(*mm) + " is negative");
  else if (*mm > kMaxPlausibleDiameterMm)
    out.errors.push_back(where + ": " + field + " " + Num(*mm) + " mm is not plausible (over " +
                         Num(kMaxPlausibleDiameterMm) + " mm)");
}

void CheckLesion(const Timepoint& tp, const LesionRecord& l, Findings& out) {
  const std::string where = Where(tp, l);
  if (!StateAllowed(l.kind, l.state)) {
    out.errors.push_back(where + ": state '" + ToString(l.state) + "' is not allowed for a " +
                         ToString(l.kind) + " lesion");
    return;
  }
  CheckDiameter(where, "long_axis_mm", l.long_axis_mm, out);
  CheckDiameter(where, "short_axis_mm", l.short_axis_mm, out);
  for (std::size_t i = 0; i < l.fragments.size(); ++i) {
    const std::string fw = where + ", fragments[" + std::to_string(i) + "]";
    CheckDiameter(fw, "long_axis_mm", l.fragments[i].long_axis_mm, out);
    CheckDiameter(fw, "short_axis_mm", l.fragments[i].short_axis_mm, out);
    const auto& axis = l.nodal ? l.fragments[i].short_axis_mm : l.fragments[i].long_axis_mm;
    if (!axis)
      out.errors.push_back(fw + ": " + (l.nodal ? "short_axis_mm" : "long_axis_mm") +
                           " is missing");
  }
  // §4.3.2: a split lesion's diameter is the fragments' sum. A diameter of its own beside them
  // is not used: when it is not that sum (as an SR import writes it), say so.
  if (!l.fragments.empty()) {
    const auto& own = l.nodal ? l.short_axis_mm : l.long_axis_mm;
    double sum = 0;
    for (const auto& f : l.fragments)
      sum += (l.nodal ? f.short_axis_mm : f.long_axis_mm).value_or(0.0);
    if (own && std::abs(*own - sum) > kBoundaryToleranceMm)
      out.warnings.push_back(where + ": " + (l.nodal ? "short_axis_mm " : "long_axis_mm ") +
                             Num(*own) + " is not used: a split lesion counts the sum of its " +
                             "fragments, " + Num(sum) + " mm");
  }
  if (l.increased_since_last && l.kind == LesionKind::kTarget)
    out.warnings.push_back(where +
                           ": increased_since_last is for non-target and new lesions; "
                           "target growth is measured (ignored)");
  if (l.long_axis_mm && l.short_axis_mm && *l.short_axis_mm > *l.long_axis_mm)
    out.warnings.push_back(where + ": short_axis_mm " + Num(*l.short_axis_mm) +
                           " exceeds long_axis_mm " + Num(*l.long_axis_mm) + " (axes swapped?)");
  if (l.kind == LesionKind::kTarget && l.state == LesionState::kMeasured && l.fragments.empty()) {
    const auto& axis = l.nodal ? l.short_axis_mm : l.long_axis_mm;
    if (!axis)
      out.errors.push_back(where + ": " + (l.nodal ? "short_axis_mm" : "long_axis_mm") +
                           " is missing for a measured " + (l.nodal ? "nodal " : "") +
                           "target lesion");
  }
  // §4.3.2: a target that is gone or merged counts 0 mm; a diameter beside that state is a
  // contradiction the engine would otherwise drop without a word.
  if (l.kind == LesionKind::kTarget &&
      (l.state == LesionState::kAbsent || l.state == LesionState::kMerged)) {
    const auto contradicts = [&](const char* field, const std::optional<double>& mm) {
      if (mm)
        out.errors.push_back(where + ": " + field + " " + Num(*mm) +
                             " given for a target in state '" + ToString(l.state) +
                             "', which counts 0 mm (RECIST 1.1 §4.3.2); " +
                             "remove the diameter or set the state 'measured'");
    };
    contradicts("long_axis_mm", l.long_axis_mm);
    contradicts("short_axis_mm", l.short_axis_mm);
    if (!l.fragments.empty())
      out.errors.push_back(where + ": fragments (" + std::to_string(l.fragments.size()) +
                           ") given for a target in state '" + ToString(l.state) +
                           "', which counts 0 mm (RECIST 1.1 §4.3.2)");
  }
  // §3.1, §4.3.2: "too small to measure" is for lesions under the measurable size; one recorded
  // at 10 mm or more is measurable and its diameter counts as recorded.
  if (l.kind == LesionKind::kTarget && l.state == LesionState::kTooSmall) {
    const auto& axis = l.nodal ? l.short_axis_mm : l.long_axis_mm;
    const double limit = l.nodal ? kNormalNodeShortAxisMm : kMeasurableLongAxisMm;
    if (axis && *axis >= limit - kBoundaryToleranceMm)
      out.warnings.push_back(where + ": " + (l.nodal ? "short_axis_mm " : "long_axis_mm ") +
                             Num(*axis) + " recorded with state 'too_small', but " + Num(limit) +
                             " mm or more is measurable (RECIST 1.1 §3.1); counted as " +
                             Num(*axis) + " mm, set the state 'measured' if that is meant");
  }
  if (l.kind == LesionKind::kTarget && l.state == LesionState::kMerged) {
    const LesionRecord* host = tp.Find(l.merged_into);
    if (l.merged_into.empty())
      out.errors.push_back(where + ": merged_into is missing for a merged lesion");
    else if (!host || host->kind != LesionKind::kTarget || host->state == LesionState::kMerged ||
             host->state == LesionState::kAbsent || host->state == LesionState::kNotEvaluated)
      out.errors.push_back(where + ": merged_into '" + l.merged_into +
                           "' is not a present target lesion at this timepoint");
  }
}

std::string Named(const Timepoint& tp) {
  return FormatIsoDate(tp.date) + (tp.label.empty() ? "" : " ('" + tp.label + "')");
}

bool LabelledBaseline(const Timepoint& tp) {
  std::string label;
  for (char c : tp.label) label += char(std::tolower(static_cast<unsigned char>(c)));
  return label.find("baseline") != std::string::npos;
}

/// The timepoint the reader meant as baseline: the one labelled so, else the one listed first
/// (Subject::listed_first, while a timepoint still has that date). The engine takes the
/// earliest (assessment-v1.md); the two differ when a date is mistyped.
const Timepoint& StatedBaseline(const Subject& s) {
  for (const Timepoint& tp : s.timepoints)
    if (LabelledBaseline(tp)) return tp;
  if (s.listed_first)
    for (const Timepoint& tp : s.timepoints)
      if (tp.date == *s.listed_first) return tp;
  return s.timepoints.front();
}

/// Dates that pass the structural checks but make a follow-up the baseline or put the baseline
/// far from the start of treatment (a year typed wrongly turns a follow-up into the baseline and
/// the real baseline into a day-0 progression). `s` is sorted; `stated` is the reader's baseline.
void CheckBaselineDates(const Subject& s, const Timepoint& stated, Findings& out) {
  const Timepoint& baseline = s.timepoints.front();
  const char* how = LabelledBaseline(stated) ? "labelled" : "listed first";
  for (const Timepoint& tp : s.timepoints)
    if (tp.date < stated.date)
      out.warnings.push_back("timepoint " + Named(tp) + " is dated before the baseline " +
                             Named(stated) + " (" + how + "); the earliest timepoint, " +
                             FormatIsoDate(baseline.date) +
                             ", is taken as the baseline: is a date typed wrongly?");
  if (!s.treatment_start) return;
  const Date start = *s.treatment_start;
  const int before = DaysBetween(baseline.date, start);
  if (before > kMaxBaselineBeforeTreatmentDays)
    out.warnings.push_back(
        "baseline " + FormatIsoDate(baseline.date) + " is " + std::to_string(before) +
        " days before treatment_start " + FormatIsoDate(start) +
        "; RECIST 1.1 §3.2.1 asks for baseline imaging "
        "no more than " +
        std::to_string(kMaxBaselineBeforeTreatmentDays) + " days before treatment");
  // A follow-up before treatment_start is already an error (ValidateSubject); on the day itself
  // it is allowed, and suspicious.
  if (s.timepoints.size() > 1 && s.timepoints[1].date < start) return;
  for (std::size_t i = 1; i < s.timepoints.size() && s.timepoints[i].date <= start; ++i)
    out.warnings.push_back("timepoints " + FormatIsoDate(baseline.date) + " and " +
                           Named(s.timepoints[i]) + " are both on or before treatment_start " +
                           FormatIsoDate(start) + "; the earliest is the baseline and " +
                           FormatIsoDate(s.timepoints[i].date) +
                           " a follow-up: is a date typed wrongly?");
}

}  // namespace

Findings ValidateSubject(Subject& s) {
  Findings out;
  if (s.id.empty()) out.errors.push_back("subject: missing or empty");
  if (s.timepoints.empty()) {
    out.errors.push_back("timepoints: none recorded");
    return out;
  }
  if (!std::is_sorted(s.timepoints.begin(), s.timepoints.end(),
                      [](const Timepoint& a, const Timepoint& b) { return a.date < b.date; })) {
    // SortTimepoints was not called: a program error, said rather than assessed wrongly.
    out.errors.push_back("timepoints: not in date order (SortTimepoints was not called)");
    return out;
  }
  const Timepoint& stated_baseline = StatedBaseline(s);
  for (std::size_t i = 1; i < s.timepoints.size(); ++i)
    if (s.timepoints[i].date == s.timepoints[i - 1].date)
      out.errors.push_back("timepoints: date " + FormatIsoDate(s.timepoints[i].date) +
                           " appears more than once");

  const Date baseline = s.timepoints.front().date;
  const Date last = s.timepoints.back().date;
  if (s.treatment_start && s.timepoints.size() > 1 && *s.treatment_start > s.timepoints[1].date)
    out.errors.push_back("treatment_start " + FormatIsoDate(*s.treatment_start) +
                         " is after the first follow-up (" + FormatIsoDate(s.timepoints[1].date) +
                         ")");
  CheckBaselineDates(s, stated_baseline, out);
  if (s.treatment_start && *s.treatment_start < baseline)
    out.warnings.push_back("treatment_start " + FormatIsoDate(*s.treatment_start) +
                           " is before the baseline scan (" + FormatIsoDate(baseline) + ")");
  if (s.death_date && *s.death_date < last)
    out.errors.push_back("death_date " + FormatIsoDate(*s.death_date) +
                         " is before the timepoint of " + FormatIsoDate(last));
  if (s.last_known_alive && *s.last_known_alive < last)
    out.errors.push_back("last_known_alive " + FormatIsoDate(*s.last_known_alive) +
                         " is before the timepoint of " + FormatIsoDate(last));
  if (s.death_date && s.last_known_alive && *s.last_known_alive > *s.death_date)
    out.errors.push_back("last_known_alive " + FormatIsoDate(*s.last_known_alive) +
                         " is after death_date " + FormatIsoDate(*s.death_date));

  // Lesion identity: kind and nodal status are fixed at the first appearance (format notes).
  std::map<std::string, const LesionRecord*> first_seen;
  for (std::size_t t = 0; t < s.timepoints.size(); ++t) {
    const Timepoint& tp = s.timepoints[t];
    std::set<std::string> ids;
    for (const LesionRecord& l : tp.lesions) {
      if (l.id.empty()) {
        out.errors.push_back("timepoint " + FormatIsoDate(tp.date) + ": a lesion has no id");
        continue;
      }
      if (!ids.insert(l.id).second) {
        out.errors.push_back("timepoint " + FormatIsoDate(tp.date) + ": lesion id " + l.id +
                             " appears more than once");
        continue;
      }
      CheckLesion(tp, l, out);
      auto [it, fresh] = first_seen.emplace(l.id, &l);
      if (fresh) {
        if (t == 0 && l.kind == LesionKind::kNew)
          out.errors.push_back(Where(tp, l) +
                               ": kind 'new' at baseline; a lesion seen at "
                               "baseline is a target or non-target");
        if (t > 0 && l.kind != LesionKind::kNew)
          out.errors.push_back(Where(tp, l) + ": " + ToString(l.kind) +
                               " lesion first appears after baseline; a lesion found after "
                               "baseline is a new lesion (RECIST 1.1 §4.3.5)");
        if (t == 0 && l.kind == LesionKind::kTarget && l.state != LesionState::kMeasured &&
            l.state != LesionState::kTooSmall)
          out.errors.push_back(Where(tp, l) + ": state '" + ToString(l.state) +
                               "' at baseline; a target lesion is measured at baseline");
        if (t == 0 && l.kind == LesionKind::kNonTarget && l.state != LesionState::kPresent)
          out.errors.push_back(Where(tp, l) + ": state '" + ToString(l.state) +
                               "' at baseline; a non-target lesion is present at baseline");
        continue;
      }
      if (it->second->kind != l.kind)
        out.errors.push_back(Where(tp, l) + ": kind '" + ToString(l.kind) + "' but it was '" +
                             ToString(it->second->kind) + "' when first recorded");
      if (it->second->nodal != l.nodal)
        out.errors.push_back(Where(tp, l) + ": nodal " + (l.nodal ? "true" : "false") +
                             " but it was " + (it->second->nodal ? "true" : "false") +
                             " when first recorded");
    }
  }
  if (!out.errors.empty()) return out;

  // Baseline lesions missing from a follow-up are not evaluated there: say so, never drop them.
  const Timepoint base = s.timepoints.front();
  for (std::size_t t = 1; t < s.timepoints.size(); ++t) {
    Timepoint& tp = s.timepoints[t];
    for (const LesionRecord& b : base.lesions) {
      if (tp.Find(b.id)) continue;
      LesionRecord missing = b;
      missing.state = LesionState::kNotEvaluated;
      missing.long_axis_mm.reset();
      missing.short_axis_mm.reset();
      missing.fragments.clear();
      missing.points.reset();
      tp.lesions.push_back(missing);
      out.warnings.push_back("timepoint " + FormatIsoDate(tp.date) + ": " + ToString(b.kind) +
                             " lesion " + b.id + " is not recorded; counted as not evaluated");
    }
  }
  return out;
}

std::vector<std::string> CheckBaseline(const Subject& s) {
  std::vector<std::string> warnings;
  if (s.timepoints.empty()) return warnings;
  const Timepoint& base = s.timepoints.front();
  int targets = 0;
  std::map<std::string, std::vector<std::string>> per_organ;
  for (const LesionRecord& l : base.lesions) {
    if (l.kind != LesionKind::kTarget) continue;
    ++targets;
    per_organ[OrganOf(l)].push_back(l.id);
    // §3.1: measurability of a target at baseline.
    if (l.nodal) {
      const auto sa = TargetDiameterMm(l, s.protocol);
      if (sa && *sa < kMeasurableNodeShortAxisMm)
        warnings.push_back("baseline target " + l.id + ": nodal short axis " + Num(*sa) +
                           " mm is under " + Num(kMeasurableNodeShortAxisMm) +
                           " mm, not measurable (RECIST 1.1 §3.1); record it as non-target");
    } else {
      const auto la = TargetDiameterMm(l, s.protocol);
      if (l.state == LesionState::kTooSmall || (la && *la < kMeasurableLongAxisMm))
        warnings.push_back("baseline target " + l.id + ": long axis " + Num(la.value_or(0)) +
                           " mm is under " + Num(kMeasurableLongAxisMm) +
                           " mm, not measurable (RECIST 1.1 §3.1); record it as non-target");
    }
  }
  if (targets > kMaxTargets)
    warnings.push_back("baseline: " + std::to_string(targets) + " target lesions; at most " +
                       std::to_string(kMaxTargets) + " (RECIST 1.1 §3.2)");
  for (const auto& [organ, ids] : per_organ) {
    if (int(ids.size()) <= kMaxTargetsPerOrgan) continue;
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    warnings.push_back("baseline: " + std::to_string(ids.size()) + " target lesions in " +
                       (organ.empty() ? std::string("an unnamed site") : organ) + " (" + list +
                       "); at most " + std::to_string(kMaxTargetsPerOrgan) +
                       " per organ (RECIST 1.1 §3.2)");
  }
  return warnings;
}

}  // namespace nadir
