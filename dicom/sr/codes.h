// Internal to dicom/sr/: the coded concepts nadir writes and accepts in TID 1500 reports, as
// plain values (no DCMTK), and the mappings between them and the assessment's words.
// Why each code was chosen: dicom/sr/README.md.
#pragma once

#include <optional>
#include <string>

#include "measure/lesion.h"
#include "measure/response.h"

namespace nadir::dicom::sr {

struct Code {
  std::string value, scheme, meaning;
};

/// Same concept: code value and coding scheme designator match (meanings vary by writer).
inline bool Same(const Code& a, const Code& b) {
  return a.value == b.value && a.scheme == b.scheme;
}
/// "(103339001, SCT, "Long Axis")" for messages.
std::string Describe(const Code& c);

/// nadir's private coding scheme (PS3.16 8.2: designators beginning "99" are private).
inline constexpr const char* kPrivateScheme = "99NADIR";

namespace code {
// TID 1501 rows and TID 300 concepts (DCMTK's CID 7469, SNOMED CT).
extern const Code kTrackingIdentifier, kTrackingUid, kFinding, kFindingSite, kFindingSiteSrt;
extern const Code kLesion, kTimePoint, kImageRegion, kPersonObserverName;
// TID 1502 Time Point Context rows DCMTK 3.6.7's TID1501 class does not write (DCMTK's
// codes/dcm.h: 126070, 126071, 126073) and the unit of Time Point Order.
extern const Code kSubjectTimePointId, kProtocolTimePointId, kTimePointOrder, kNoUnits;
extern const Code kLongAxis, kShortAxis, kLength, kDiameter;
extern const Code kLongAxisSrt, kShortAxisSrt, kLengthSrt;  // older SRT codes, read only
// A segmented lesion's volume (CID 7469 via CID 7472; SNOMED CT 118565006) and its unit.
extern const Code kVolume, kMillilitre;
// Lesion category: DICOM CID 6146-style baseline categories and a private "new lesion".
extern const Code kBaselineCategory, kTargetAtBaseline, kNonTargetAtBaseline, kNewLesion;
// Private per-lesion items carrying what TID 1500 has no concept for.
extern const Code kLesionState, kSiteText, kNodal, kMergedInto, kNewCategory, kIncreased;
extern const Code kFragments, kYes, kNo;
// Report-level qualitative evaluations.
extern const Code kResponseMethod, kRecist11, kIrecist;
extern const Code kR11Target, kR11NonTarget, kR11NewLesions, kR11Overall, kIrOverall;
extern const Code kClinicallyStable;
// Report-level private TEXT items: the assessment's subject-level fields (subject_fields.h).
extern const Code kTreatmentStart, kDeathDate, kLastKnownAlive, kGroups, kCovariates;
extern const Code kProtocol, kOtherSubjectFields;
}  // namespace code

/// Is `c` one of the concept names of a long axis / short axis / plain length (any scheme)?
enum class LengthConcept { kNone, kLongAxis, kShortAxis, kLength };
LengthConcept ClassifyLength(const Code& c);

/// Lesion state <-> private code (code values are at most 16 characters, PS3.5 SH).
Code StateCode(LesionState state);
std::optional<LesionState> StateFromCode(const Code& c);

/// Finding site: the assessment's free text -> SNOMED CT when nadir knows it, and back.
std::optional<Code> SiteCode(const std::string& site);
std::optional<std::string> SiteFromCode(const Code& c);

/// Response codes: RECIST 1.1 target and non-target responses use DICOM's codes 112041-112047
/// where one exists; every other response, the new-lesion status and the overall responses
/// use the private scheme, whose code value is the results format's word ("NON-CR/NON-PD",
/// "iUPD" ...), so reports written before read the same.
Code TargetResponseCode(Response response);
Code NonTargetResponseCode(Response response);
Code NewLesionsCode(NewLesionStatus status);
Code OverallResponseCode(Response response);         // RECIST 1.1
Code IRecistOverallResponseCode(Response response);  // iRECIST (I8), e.g. iUPD, iCPD
/// Any of the above back to the format's word; nullopt when unknown.
std::optional<std::string> ResponseFromCode(const Code& c);

/// UCUM length unit -> factor to millimetres (mm 1, cm 10, m 1000, um 0.001); nullopt else.
std::optional<double> MillimetresPer(const Code& unit);
/// UCUM volume unit -> factor to millilitres (ml, mL, cm3 1; mm3 0.001; l, L 1000); nullopt
/// else.
std::optional<double> MillilitresPer(const Code& unit);

}  // namespace nadir::dicom::sr
