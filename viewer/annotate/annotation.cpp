#include "viewer/annotate/annotation.h"

#include <algorithm>
#include <set>

namespace nadir::annotate {

const std::vector<std::string>& SitePickList() {
  static const std::vector<std::string> sites = {
      "liver",          "lung",        "lymph node", "adrenal", "kidney", "pancreas",
      "spleen",         "peritoneum",  "pleura",     "bone",    "brain",  "soft tissue",
      "abdominal wall", "mediastinum", "breast",     "stomach", "bowel",  "skin",
  };
  return sites;
}

const char* IdPrefix(LesionKind kind) {
  switch (kind) {
    case LesionKind::kTarget:
      return "T";
    case LesionKind::kNonTarget:
      return "NT";
    case LesionKind::kNew:
      return "N";
  }
  return "?";
}

std::string NextLesionId(const Subject& s, LesionKind kind) {
  const std::string prefix = IdPrefix(kind);
  int highest = 0;
  for (const Timepoint& tp : s.timepoints)
    for (const LesionRecord& l : tp.lesions) {
      if (l.id.size() <= prefix.size() || l.id.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string digits = l.id.substr(prefix.size());
      if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      highest = std::max(highest, std::stoi(digits));
    }
  return prefix + std::to_string(highest + 1);
}

LesionState DefaultState(LesionKind kind) {
  switch (kind) {
    case LesionKind::kTarget:
      return LesionState::kMeasured;
    case LesionKind::kNonTarget:
      return LesionState::kPresent;
    case LesionKind::kNew:
      return LesionState::kEquivocal;
  }
  return LesionState::kNotEvaluated;
}

std::vector<LesionState> StatesFor(LesionKind kind) {
  using S = LesionState;
  switch (kind) {
    case LesionKind::kTarget:
      return {S::kMeasured, S::kTooSmall, S::kAbsent, S::kNotEvaluated, S::kMerged};
    case LesionKind::kNonTarget:
      return {S::kPresent, S::kAbsent, S::kUnequivocalProgression, S::kNotEvaluated};
    case LesionKind::kNew:
      return {S::kEquivocal, S::kUnequivocal, S::kAbsent, S::kNotEvaluated};
  }
  return {};
}

Timepoint* CurrentTimepoint(Annotation& a) {
  if (a.timepoint < 0 || a.timepoint >= int(a.subject.timepoints.size())) return nullptr;
  return &a.subject.timepoints[a.timepoint];
}

const Timepoint* CurrentTimepoint(const Annotation& a) {
  return CurrentTimepoint(const_cast<Annotation&>(a));
}

bool AtBaseline(const Annotation& a) { return a.timepoint == 0; }

LesionRecord* FindLesion(Timepoint& tp, const std::string& id) {
  for (LesionRecord& l : tp.lesions)
    if (l.id == id) return &l;
  return nullptr;
}

const LesionRecord* FirstRecord(const Subject& s, const std::string& id) {
  for (const Timepoint& tp : s.timepoints)
    if (const LesionRecord* l = tp.Find(id)) return l;
  return nullptr;
}

const LesionRecord* PreviousRecord(const Subject& s, int timepoint, const std::string& id) {
  for (int t = std::min(timepoint, int(s.timepoints.size())) - 1; t >= 0; --t)
    if (const LesionRecord* l = s.timepoints[t].Find(id)) return l;
  return nullptr;
}

std::vector<std::string> NotYetAssessed(const Subject& s, int timepoint) {
  std::vector<std::string> out;
  if (timepoint <= 0 || timepoint >= int(s.timepoints.size())) return out;
  std::set<std::string> seen;
  const Timepoint& here = s.timepoints[timepoint];
  for (int t = 0; t < timepoint; ++t)
    for (const LesionRecord& l : s.timepoints[t].lesions) {
      if (!seen.insert(l.id).second || here.Find(l.id)) continue;
      // A new lesion gone earlier and never back need not be re-recorded; every other
      // lesion is tracked at every follow-up.
      out.push_back(l.id);
    }
  return out;
}

std::optional<int> AddTimepoint(Annotation& a, Date date, const std::string& label,
                                const std::string& study_uid) {
  auto& tps = a.subject.timepoints;
  for (const Timepoint& tp : tps)
    if (tp.date == date) return std::nullopt;
  Timepoint tp;
  tp.date = date;
  tp.label = label;
  tp.study_uid = study_uid;
  auto at = std::upper_bound(tps.begin(), tps.end(), date,
                             [](Date d, const Timepoint& t) { return d < t.date; });
  const int index = int(at - tps.begin());
  tps.insert(at, std::move(tp));
  if (a.timepoint >= index && tps.size() > 1) ++a.timepoint;
  return index;
}

LesionRecord* EnsureRecordHere(Annotation& a, const std::string& id) {
  Timepoint* tp = CurrentTimepoint(a);
  if (!tp || id.empty()) return nullptr;
  if (LesionRecord* l = FindLesion(*tp, id)) return l;
  const LesionRecord* first = FirstRecord(a.subject, id);
  if (!first) return nullptr;
  LesionRecord l;
  l.id = id;
  l.kind = first->kind;
  l.site = first->site;
  l.nodal = first->nodal;
  l.new_category = first->new_category;
  l.state = DefaultState(l.kind);
  tp->lesions.push_back(std::move(l));
  return &tp->lesions.back();
}

}  // namespace nadir::annotate
