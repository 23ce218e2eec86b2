// Data sets in the shape of CDISC SDTM TR (tumour results) and RS (disease response) and ADaM
// ADTTE (time to event), as CSV, for statisticians. Shapes and variable names follow SDTMIG
// 3.3 (TR, RS) and the ADaM Basic Data Structure for Time-to-Event Analyses (ADTTE, 2012);
// they are not submission-ready data sets (no define.xml, controlled terms only where given).
#pragma once

#include <string>

#include "cli/report/report_data.h"

namespace nadir::report {

/// TR: one row per lesion measurement or state per timepoint: TRTESTCD LDIAM (longest
/// diameter), SAXIS (short axis), TUMSTATE (state), and SUMDIAM per timepoint (sum of
/// diameters of the targets, from the engine).
std::string TrCsv(const Report& r);
bool WriteTrCsv(const Report& r, const TextSink& sink);
/// The subject's TR rows (ReportBuilder spools them).
std::string TrRows(const std::string& study, const Subject& s, const SubjectResult& res);

/// RS: one row per timepoint and test (TRGRESP, NTRGRESP, NEWLPROG, OVRLRESP) and one BESTRESP
/// per subject, for each criteria reported (RSCAT).
std::string RsCsv(const Report& r);
bool WriteRsCsv(const Report& r, const TextSink& sink);
/// The subject's RS rows under the outcome's criteria.
std::string RsRows(const std::string& study, const Subject& s, const SubjectResult& res,
                   const stats::SubjectOutcome& o);

/// ADTTE: one row per subject and parameter (PFS, OS, DOR; suffixed per criteria), AVAL in
/// days, CNSR 0 for an event and 1 for censoring, with the start, event or censoring dates.
std::string AdtteCsv(const Report& r);
bool WriteAdtteCsv(const Report& r, const TextSink& sink);
/// The subject's ADTTE rows under the outcome's criteria.
std::string AdtteRows(const std::string& study, const Subject& s, const stats::SubjectOutcome& o);

}  // namespace nadir::report
