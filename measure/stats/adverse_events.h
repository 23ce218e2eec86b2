// Safety endpoints from adverse events (AEs): treatment-emergent AEs, dose-limiting toxicities
// (DLTs), CRS and ICANS, tallied per subject as k of n. Pure: values in, values out.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "measure/date.h"

namespace nadir::stats {

/// MedDRA preferred terms of the two CAR-T toxicities graded by the ASTCT 2019 consensus (Lee
/// et al., Biol Blood Marrow Transplant 2019;25:625-638); their ASTCT grade is in `grade`.
inline constexpr const char* kCrsTerm = "Cytokine release syndrome";
inline constexpr const char* kIcansTerm = "Immune effector cell-associated neurotoxicity syndrome";

/// CTCAE v5.0 grades run 1 (mild) to 5 (death related to the AE); "severe" is grade 3 or more.
inline constexpr int kMinGrade = 1;
inline constexpr int kMaxGrade = 5;
inline constexpr int kSevereGrade = 3;

/// One adverse event as recorded (SDTM AE: AETERM/AEDECOD, AEBODSYS, AETOXGR, AESTDTC,
/// AEENDTC, AESER, AEREL).
struct AdverseEvent {
  std::string subject;
  std::string term;  // MedDRA preferred term
  std::string soc;   // MedDRA system organ class
  int grade = 1;     // CTCAE v5.0 (ASTCT for CRS and ICANS)
  Date onset;
  std::optional<Date> end;
  bool serious = false;
  bool related = false;
  bool dlt = false;  // flagged by the investigator as a DLT
};

/// Treatment emergent: onset on or after treatment start (day 0).
bool IsTreatmentEmergent(const AdverseEvent& ae, Date treatment_start);

/// A DLT: flagged `dlt` with onset 0 to kDltWindowDays (28) days after treatment start.
bool IsDoseLimiting(const AdverseEvent& ae, Date treatment_start);

bool IsCrs(const AdverseEvent& ae);
bool IsIcans(const AdverseEvent& ae);

/// k subjects of n.
struct SubjectCount {
  int k = 0;
  int n = 0;
};

/// Subjects with a term (or a system organ class), any grade and grade >= 3.
struct TermCount {
  std::string soc;
  std::string term;  // empty for the SOC's own row
  SubjectCount any;
  SubjectCount grade_3_plus;
};

/// AE tallies of one group; each subject counts once per row (the worst event counts).
struct SafetyTally {
  int treated = 0;  // n of every row
  SubjectCount any_ae, grade_3_plus, serious, related, crs, crs_grade_3_plus, icans,
      icans_grade_3_plus;
  std::map<int, SubjectCount> worst_grade;  // 0 (no AE) to 5: subjects by their worst grade
  std::vector<TermCount> by_soc_and_term;   // SOC rows (term empty) then their terms, sorted
};

/// A treated subject of the group: its id and day 0.
struct TreatedSubject {
  std::string id;
  Date treatment_start;
};

/// Tallies the treatment-emergent AEs of `subjects` (events of other subjects are ignored):
/// per row the number of subjects with at least one such event, out of the treated subjects.
SafetyTally TallySafety(const std::vector<TreatedSubject>& subjects,
                        const std::vector<AdverseEvent>& events);

/// The worst grade of the subject's treatment-emergent events that `which` selects (all when
/// nullptr); 0 when none.
int WorstGrade(const std::vector<AdverseEvent>& events, const std::string& subject,
               Date treatment_start, bool (*which)(const AdverseEvent&));

}  // namespace nadir::stats
