// Helpers for iRECIST tests: courses built in code and their iRECIST codes.
#pragma once

#include "tests/measure/subject_builder.h"

namespace nadir::test {

/// iRECIST overall responses of the follow-ups: {"iUPD", "iCPD", ...}.
inline std::vector<std::string> IOverall(const SubjectResult& r) {
  std::vector<std::string> out;
  if (r.irecist)
    for (const auto& t : r.irecist->timepoints) out.push_back(ToIRecistString(t.overall));
  return out;
}

inline std::string IBest(const SubjectResult& r) {
  return r.irecist ? ToIRecistString(r.irecist->best.best) : "none";
}

inline LesionRecord Measured(LesionRecord l, double mm) {
  l.long_axis_mm = mm;
  return l;
}

inline LesionRecord NewMeasured(const std::string& id, double mm, const std::string& site = "liver",
                                LesionState s = LesionState::kUnequivocal) {
  LesionRecord l = NewLesion(id, s);
  l.site = site;
  l.long_axis_mm = mm;
  return l;
}

inline LesionRecord Increased(LesionRecord l) {
  l.increased_since_last = true;
  return l;
}

inline LesionRecord Progressed(const std::string& id) {
  return NonTarget(id, LesionState::kUnequivocalProgression);
}

/// Follow-up dates six weeks apart from a 2026-01-05 baseline (day 0 = baseline).
inline std::string Day(int d) { return FormatIsoDate(D("2026-01-05") + d); }

/// A subject with its baseline at 2026-01-05 and follow-ups at the given days.
struct Course {
  SubjectBuilder b;
  Course& At(int day, std::vector<LesionRecord> lesions) {
    const std::string iso = Day(day);
    b.s.timepoints.push_back(Timepoint{D(iso.c_str()), iso, "", std::move(lesions), std::nullopt});
    return *this;
  }
  SubjectResult Assess() const { return b.Assess(); }
};

}  // namespace nadir::test
