// Subjects built in code for engine tests: a line per lesion, dates as text.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "measure/assess.h"
#include "measure/subject.h"
#include "tests/support/dates.h"

namespace nadir {
// Readable codes in test failure messages.
inline void PrintTo(Response r, std::ostream* os) { *os << ToString(r); }
inline void PrintTo(NewLesionStatus s, std::ostream* os) { *os << ToString(s); }
}  // namespace nadir

namespace nadir::test {

inline LesionRecord Target(const std::string& id, double long_mm,
                           const std::string& site = "liver") {
  LesionRecord l;
  l.id = id;
  l.kind = LesionKind::kTarget;
  l.site = site;
  l.long_axis_mm = long_mm;
  return l;
}

inline LesionRecord Node(const std::string& id, double short_mm) {
  LesionRecord l;
  l.id = id;
  l.kind = LesionKind::kTarget;
  l.site = "lymph node";
  l.nodal = true;
  l.long_axis_mm = short_mm * 1.5;
  l.short_axis_mm = short_mm;
  return l;
}

inline LesionRecord WithState(LesionRecord l, LesionState s) {
  l.state = s;
  if (s != LesionState::kMeasured) {  // a recorded value, if any, is set by the test after
    l.long_axis_mm.reset();
    l.short_axis_mm.reset();
  }
  return l;
}

inline LesionRecord NonTarget(const std::string& id, LesionState s = LesionState::kPresent,
                              bool nodal = false) {
  LesionRecord l;
  l.id = id;
  l.kind = LesionKind::kNonTarget;
  l.site = nodal ? "lymph node" : "peritoneum";
  l.nodal = nodal;
  l.state = s;
  return l;
}

inline LesionRecord NewLesion(const std::string& id, LesionState s = LesionState::kUnequivocal) {
  LesionRecord l;
  l.id = id;
  l.kind = LesionKind::kNew;
  l.site = "liver";
  l.state = s;
  return l;
}

/// A subject whose baseline is the first timepoint added; treatment starts on the baseline day
/// unless `Start` says otherwise.
struct SubjectBuilder {
  Subject s;
  explicit SubjectBuilder(const char* id = "S-01") { s.id = id; }
  SubjectBuilder& Start(const char* iso) {
    s.treatment_start = D(iso);
    return *this;
  }
  SubjectBuilder& At(const char* iso, std::vector<LesionRecord> lesions) {
    s.timepoints.push_back(Timepoint{D(iso), iso, "", std::move(lesions), std::nullopt});
    return *this;
  }
  SubjectBuilder& Confirmation(bool on) {
    s.protocol.confirmation = on;
    return *this;
  }
  SubjectResult Assess() const { return AssessSubject(s); }
};

/// Overall responses of the follow-ups, as codes: {"SD", "PR", ...}.
inline std::vector<std::string> Overall(const SubjectResult& r) {
  std::vector<std::string> out;
  if (r.recist11)
    for (const auto& t : r.recist11->timepoints) out.push_back(ToString(t.overall));
  return out;
}

}  // namespace nadir::test
