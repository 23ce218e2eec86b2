// The trial's other data, as CSV beside the assessment files (issue 21): adverse events,
// CAR-T cell kinetics and labs (CRP, IL-6, ferritin ...). Every bad field is an error naming
// the file, line, column and value; the other rows are still read.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "measure/date.h"
#include "measure/stats/adverse_events.h"
#include "measure/stats/cytokines.h"
#include "measure/stats/noncompartmental.h"

namespace nadir {

inline constexpr const char* kAdverseEventsFile = "adverse_events.csv";
inline constexpr const char* kKineticsFile = "kinetics.csv";
inline constexpr const char* kLabsFile = "labs.csv";

/// A lab value in the analyte's reporting unit (CRP mg/L, IL-6 pg/mL, ferritin ng/mL; other
/// analytes in the unit they are written in).
struct LabRecord {
  std::string subject;
  std::string analyte;
  double day = 0;
  double value = 0;
  std::string unit;
};

struct TrialData {
  std::vector<stats::AdverseEvent> adverse_events;
  std::map<std::string, std::vector<stats::LevelSample>> kinetics;  // per subject, by day
  std::string kinetics_unit;  // the unit of every kinetics value ("" when the file has none)
  std::vector<LabRecord> labs;
  std::vector<std::string> files_read;
  std::vector<std::string> errors;  // "FILE: line N, column C: 'VALUE': why"
};

/// Day 0 (treatment start) of each subject of the trial; nullopt for a subject not treated.
using TrialSubjects = std::map<std::string, std::optional<Date>>;

/// Reads adverse_events.csv, kinetics.csv and labs.csv from each folder where they exist (all
/// optional). Rows naming a subject not in `subjects`, or one without a treatment start, are
/// errors; so are unknown grades, bad dates, a DLT or a kinetics sample before infusion, an
/// end before an onset, missing or unknown units, BLQ written as a value, repeated samples.
TrialData ReadTrialData(const std::vector<std::string>& folders, const TrialSubjects& subjects);

/// Whether any of the folders holds one of the files ReadTrialData reads.
bool HasTrialData(const std::vector<std::string>& folders);

/// The same from texts (file name -> CSV text), for tests.
void ParseAdverseEvents(const std::string& file, const std::string& text,
                        const TrialSubjects& subjects, TrialData& out);
void ParseKinetics(const std::string& file, const std::string& text, const TrialSubjects& subjects,
                   TrialData& out);
void ParseLabs(const std::string& file, const std::string& text, const TrialSubjects& subjects,
               TrialData& out);

}  // namespace nadir
