#include "cli/report/report_ae_cdisc.h"

#include <algorithm>
#include <set>

#include "cli/report/text_format.h"

namespace nadir::report {

namespace {

// Events of treated subjects, by subject (file order) then onset; AESEQ numbers them.
struct SortedEvent {
  const ReportSubject* subject;
  const stats::AdverseEvent* event;
  int seq;
};

std::vector<SortedEvent> Sorted(const Report& r) {
  std::vector<SortedEvent> out;
  for (const auto& s : r.subjects) {
    std::vector<const stats::AdverseEvent*> mine;
    for (const auto& e : r.safety.events)
      if (e.subject == s.id) mine.push_back(&e);
    std::stable_sort(mine.begin(), mine.end(),
                     [](const auto* x, const auto* y) { return x->onset < y->onset; });
    int seq = 0;
    for (const auto* e : mine) out.push_back({&s, e, ++seq});
  }
  return out;
}

// SDTM study day: day 1 is the reference start date; there is no day 0 (SDTMIG 3.3, 4.4.4).
std::string StudyDay(const std::optional<Date>& start, const std::optional<Date>& d) {
  if (!start || !d) return "";
  const int n = DaysBetween(*start, *d);
  return std::to_string(n >= 0 ? n + 1 : n);
}

std::string Yn(bool b) { return b ? "Y" : "N"; }

std::string Label(const ReportSubject& s, const char* l) {
  return s.groups->count(l) ? s.groups->at(l) : "";
}

}  // namespace

std::string AeCsv(const Report& r) {
  std::string out =
      CsvRow({"STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AETERM", "AEDECOD", "AEBODSYS", "AETOXGR",
              "AESER", "AEREL", "AESTDTC", "AEENDTC", "AESTDY", "AEENDY", "AEDLT"});
  for (const auto& [s, e, seq] : Sorted(r))
    out += CsvRow({r.study, "AE", s->id, std::to_string(seq), e->term, e->term, e->soc,
                   std::to_string(e->grade), Yn(e->serious), Yn(e->related),
                   FormatIsoDate(e->onset), IsoDate(e->end), StudyDay(s->treatment_start, e->onset),
                   StudyDay(s->treatment_start, e->end), Yn(e->dlt)});
  return out;
}

std::string AdaeCsv(const Report& r) {
  std::string out =
      CsvRow({"STUDYID", "USUBJID", "ARM",   "DOSELVL", "AESEQ", "AEDECOD", "AEBODSYS",
              "ATOXGR",  "AESER",   "AREL",  "TRTSDT",  "ASTDT", "AENDT",   "ASTDY",
              "AENDY",   "TRTEMFL", "DLTFL", "AOCCPFL", "CRSFL", "ICANSFL"});
  std::set<std::pair<std::string, std::string>> seen;  // (subject, term) already listed
  for (const auto& [s, e, seq] : Sorted(r)) {
    const bool first = seen.insert({s->id, e->term}).second;
    const auto& day0 = s->treatment_start;
    out += CsvRow({r.study,
                   s->id,
                   Label(*s, kArmLabel),
                   Label(*s, kDoseLevelLabel),
                   std::to_string(seq),
                   e->term,
                   e->soc,
                   std::to_string(e->grade),
                   Yn(e->serious),
                   e->related ? "RELATED" : "NOT RELATED",
                   IsoDate(day0),
                   FormatIsoDate(e->onset),
                   IsoDate(e->end),
                   StudyDay(day0, e->onset),
                   StudyDay(day0, e->end),
                   Yn(day0 && stats::IsTreatmentEmergent(*e, *day0)),
                   Yn(day0 && stats::IsDoseLimiting(*e, *day0)),
                   first ? "Y" : "",
                   Yn(stats::IsCrs(*e)),
                   Yn(stats::IsIcans(*e))});
  }
  return out;
}

}  // namespace nadir::report
