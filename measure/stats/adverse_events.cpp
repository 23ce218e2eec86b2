#include "measure/stats/adverse_events.h"

#include <algorithm>
#include <set>

#include "measure/stats/dose_escalation.h"

namespace nadir::stats {

bool IsTreatmentEmergent(const AdverseEvent& ae, Date treatment_start) {
  return ae.onset >= treatment_start;
}

bool IsDoseLimiting(const AdverseEvent& ae, Date treatment_start) {
  const int day = DaysBetween(treatment_start, ae.onset);
  return ae.dlt && day >= 0 && day <= kDltWindowDays;
}

bool IsCrs(const AdverseEvent& ae) { return ae.term == kCrsTerm; }
bool IsIcans(const AdverseEvent& ae) { return ae.term == kIcansTerm; }

int WorstGrade(const std::vector<AdverseEvent>& events, const std::string& subject,
               Date treatment_start, bool (*which)(const AdverseEvent&)) {
  int worst = 0;
  for (const auto& e : events)
    if (e.subject == subject && IsTreatmentEmergent(e, treatment_start) && (!which || which(e)))
      worst = std::max(worst, e.grade);
  return worst;
}

SafetyTally TallySafety(const std::vector<TreatedSubject>& subjects,
                        const std::vector<AdverseEvent>& events) {
  SafetyTally t;
  const int n = int(subjects.size());
  t.treated = n;
  for (auto* c : {&t.any_ae, &t.grade_3_plus, &t.serious, &t.related, &t.crs, &t.crs_grade_3_plus,
                  &t.icans, &t.icans_grade_3_plus})
    c->n = n;
  for (int g = 0; g <= kMaxGrade; ++g) t.worst_grade[g] = {0, n};

  // Worst grade per (SOC, term) and per SOC, per subject: a subject counts once per row.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> worst_by_row;
  for (const auto& s : subjects) {
    bool any = false, severe = false, serious = false, related = false;
    int crs = 0, icans = 0, worst = 0;
    for (const auto& e : events) {
      if (e.subject != s.id || !IsTreatmentEmergent(e, s.treatment_start)) continue;
      any = true;
      severe |= e.grade >= kSevereGrade;
      serious |= e.serious;
      related |= e.related;
      worst = std::max(worst, e.grade);
      if (IsCrs(e)) crs = std::max(crs, e.grade);
      if (IsIcans(e)) icans = std::max(icans, e.grade);
      for (const auto& key : {std::pair{e.soc, std::string()}, std::pair{e.soc, e.term}}) {
        int& w = worst_by_row[key][s.id];
        w = std::max(w, e.grade);
      }
    }
    t.any_ae.k += any;
    t.grade_3_plus.k += severe;
    t.serious.k += serious;
    t.related.k += related;
    t.crs.k += crs > 0;
    t.crs_grade_3_plus.k += crs >= kSevereGrade;
    t.icans.k += icans > 0;
    t.icans_grade_3_plus.k += icans >= kSevereGrade;
    t.worst_grade[std::clamp(worst, 0, kMaxGrade)].k += 1;
  }
  // The map orders each SOC's own row (empty term) before its terms.
  for (const auto& [key, per_subject] : worst_by_row) {
    TermCount row{key.first, key.second, {0, n}, {0, n}};
    for (const auto& [id, grade] : per_subject) {
      row.any.k += 1;
      row.grade_3_plus.k += grade >= kSevereGrade;
    }
    t.by_soc_and_term.push_back(row);
  }
  return t;
}

}  // namespace nadir::stats
