// The coded concepts of nadir's TID 1500 reports; see codes.h and README.md.
#include "dicom/sr/codes.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace nadir::dicom::sr {

std::string Describe(const Code& c) {
  return "(" + c.value + ", " + c.scheme + ", \"" + c.meaning + "\")";
}

namespace code {
const Code kTrackingIdentifier{"112039", "DCM", "Tracking Identifier"};
const Code kTrackingUid{"112040", "DCM", "Tracking Unique Identifier"};
const Code kFinding{"121071", "DCM", "Finding"};
const Code kFindingSite{"363698007", "SCT", "Finding Site"};
const Code kFindingSiteSrt{"G-C0E3", "SRT", "Finding Site"};
const Code kLesion{"52988006", "SCT", "Lesion"};
const Code kTimePoint{"C2348792", "UMLS", "Time Point"};
const Code kSubjectTimePointId{"126070", "DCM", "Subject Time Point Identifier"};
const Code kProtocolTimePointId{"126071", "DCM", "Protocol Time Point Identifier"};
const Code kTimePointOrder{"126073", "DCM", "Time Point Order"};
const Code kNoUnits{"1", "UCUM", "no units"};
const Code kImageRegion{"111030", "DCM", "Image Region"};
const Code kPersonObserverName{"121008", "DCM", "Person Observer Name"};
const Code kLongAxis{"103339001", "SCT", "Long Axis"};
const Code kShortAxis{"103340004", "SCT", "Short Axis"};
const Code kLength{"410668003", "SCT", "Length"};
const Code kDiameter{"81827009", "SCT", "Diameter"};
const Code kLongAxisSrt{"G-A185", "SRT", "Long Axis"};
const Code kShortAxisSrt{"G-A186", "SRT", "Short Axis"};
const Code kLengthSrt{"G-D7FE", "SRT", "Length"};
const Code kVolume{"118565006", "SCT", "Volume"};
const Code kMillilitre{"ml", "UCUM", "milliliter"};
const Code kBaselineCategory{"112016", "DCM", "Baseline Category"};
const Code kTargetAtBaseline{"112074", "DCM", "Target Lesion at Baseline"};
const Code kNonTargetAtBaseline{"112075", "DCM", "Non-Target Lesion at Baseline"};
const Code kNewLesion{"NEW-LESION", kPrivateScheme, "New lesion"};
const Code kLesionState{"LESION-STATE", kPrivateScheme, "Lesion state"};
const Code kSiteText{"SITE-TEXT", kPrivateScheme, "Lesion site as recorded"};
const Code kNodal{"NODAL", kPrivateScheme, "Nodal lesion"};
const Code kMergedInto{"MERGED-INTO", kPrivateScheme, "Merged into lesion"};
const Code kNewCategory{"NEW-CATEGORY", kPrivateScheme, "New lesion category"};
const Code kIncreased{"INCREASED", kPrivateScheme, "Increased since last assessment"};
const Code kFragments{"FRAGMENTS", kPrivateScheme, "Fragment diameters (mm)"};
const Code kYes{"373066001", "SCT", "Yes"};
const Code kNo{"373067005", "SCT", "No"};
const Code kResponseMethod{"112021", "DCM", "Response Evaluation Method"};
const Code kRecist11{"126081", "DCM", "RECIST 1.1"};
const Code kIrecist{"IRECIST", kPrivateScheme, "iRECIST"};
const Code kR11Target{"R11-TARGET", kPrivateScheme, "RECIST 1.1 target response"};
const Code kR11NonTarget{"R11-NONTARGET", kPrivateScheme, "RECIST 1.1 non-target response"};
const Code kR11NewLesions{"R11-NEW", kPrivateScheme, "RECIST 1.1 new lesions"};
const Code kR11Overall{"R11-OVERALL", kPrivateScheme, "RECIST 1.1 overall response"};
const Code kIrOverall{"IR-OVERALL", kPrivateScheme, "iRECIST overall response"};
const Code kClinicallyStable{"CLIN-STABLE", kPrivateScheme, "Clinically stable (iRECIST)"};
const Code kTreatmentStart{"TREATMENT-START", kPrivateScheme, "Treatment start date"};
const Code kDeathDate{"DEATH-DATE", kPrivateScheme, "Date of death"};
const Code kLastKnownAlive{"LAST-ALIVE", kPrivateScheme, "Last known alive date"};
const Code kGroups{"SUBJECT-GROUPS", kPrivateScheme, "Subject groups (JSON)"};
const Code kCovariates{"COVARIATES", kPrivateScheme, "Subject covariates (JSON)"};
const Code kProtocol{"PROTOCOL", kPrivateScheme, "Assessment protocol (JSON)"};
const Code kOtherSubjectFields{"SUBJECT-OTHER", kPrivateScheme,
                               "Other subject-level fields (JSON)"};
}  // namespace code

LengthConcept ClassifyLength(const Code& c) {
  using namespace code;
  if (Same(c, kLongAxis) || Same(c, kLongAxisSrt)) return LengthConcept::kLongAxis;
  if (Same(c, kShortAxis) || Same(c, kShortAxisSrt)) return LengthConcept::kShortAxis;
  if (Same(c, kLength) || Same(c, kLengthSrt) || Same(c, kDiameter)) return LengthConcept::kLength;
  return LengthConcept::kNone;
}

namespace {

const std::pair<LesionState, const char*> kStates[] = {
    {LesionState::kMeasured, "MEASURED"},
    {LesionState::kTooSmall, "TOO-SMALL"},
    {LesionState::kAbsent, "ABSENT"},
    {LesionState::kNotEvaluated, "NOT-EVALUATED"},
    {LesionState::kMerged, "MERGED"},
    {LesionState::kPresent, "PRESENT"},
    {LesionState::kUnequivocalProgression, "UNEQ-PROGRESSION"},
    {LesionState::kEquivocal, "EQUIVOCAL"},
    {LesionState::kUnequivocal, "UNEQUIVOCAL"},
};

struct Site {
  const char* text;
  Code sct, srt;
};
const Site kSites[] = {
    {"liver", {"10200004", "SCT", "Liver"}, {"T-62000", "SRT", "Liver"}},
    {"lung", {"39607008", "SCT", "Lung"}, {"T-28000", "SRT", "Lung"}},
    {"lymph node", {"59441001", "SCT", "Lymph node"}, {"T-C4000", "SRT", "Lymph node"}},
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

Code StateCode(LesionState state) {
  for (const auto& [s, value] : kStates)
    if (s == state) return {value, kPrivateScheme, ToString(state)};
  return {"MEASURED", kPrivateScheme, "measured"};
}

std::optional<LesionState> StateFromCode(const Code& c) {
  if (c.scheme != kPrivateScheme) return std::nullopt;
  for (const auto& [s, value] : kStates)
    if (c.value == value) return s;
  return std::nullopt;
}

std::optional<Code> SiteCode(const std::string& site) {
  const std::string s = Lower(site);
  for (const auto& known : kSites)
    if (s == known.text) return known.sct;
  return std::nullopt;
}

std::optional<std::string> SiteFromCode(const Code& c) {
  for (const auto& known : kSites)
    if (Same(c, known.sct) || Same(c, known.srt)) return std::string(known.text);
  return std::nullopt;
}

namespace {

struct DicomResponse {
  Response response;
  Code code;
};

// CID 6144-style concepts DICOM defines (DCM 112041-112047); others have none.
const DicomResponse kTargetResponses[] = {
    {Response::kCR, {"112041", "DCM", "Target Lesion Complete Response"}},
    {Response::kPR, {"112042", "DCM", "Target Lesion Partial Response"}},
    {Response::kPD, {"112043", "DCM", "Target Lesion Progressive Disease"}},
    {Response::kSD, {"112044", "DCM", "Target Lesion Stable Disease"}},
};
const DicomResponse kNonTargetResponses[] = {
    {Response::kCR, {"112045", "DCM", "Non-Target Lesion Complete Response"}},
    {Response::kNonCRNonPD,
     {"112046", "DCM", "Non-Target Lesion Incomplete Response or Stable Disease"}},
    {Response::kPD, {"112047", "DCM", "Non-Target Lesion Progressive Disease"}},
};

Code Private(const char* word) { return {word, kPrivateScheme, word}; }

template <std::size_t N>
Code FromTable(const DicomResponse (&table)[N], Response r) {
  for (const auto& d : table)
    if (d.response == r) return d.code;
  return Private(ToString(r));
}

}  // namespace

Code TargetResponseCode(Response r) { return FromTable(kTargetResponses, r); }
Code NonTargetResponseCode(Response r) { return FromTable(kNonTargetResponses, r); }
Code NewLesionsCode(NewLesionStatus s) { return Private(ToString(s)); }
Code OverallResponseCode(Response r) { return Private(ToString(r)); }
Code IRecistOverallResponseCode(Response r) { return Private(ToIRecistString(r)); }

std::optional<std::string> ResponseFromCode(const Code& c) {
  if (c.scheme == kPrivateScheme) return c.value;
  for (const auto& d : kTargetResponses)
    if (Same(c, d.code)) return std::string(ToString(d.response));
  for (const auto& d : kNonTargetResponses)
    if (Same(c, d.code)) return std::string(ToString(d.response));
  return std::nullopt;
}

std::optional<double> MillimetresPer(const Code& unit) {
  if (unit.scheme != "UCUM") return std::nullopt;
  if (unit.value == "mm") return 1.0;
  if (unit.value == "cm") return 10.0;
  if (unit.value == "m") return 1000.0;
  if (unit.value == "um") return 0.001;
  return std::nullopt;
}

std::optional<double> MillilitresPer(const Code& unit) {
  if (unit.scheme != "UCUM") return std::nullopt;
  if (unit.value == "ml" || unit.value == "mL" || unit.value == "cm3") return 1.0;
  if (unit.value == "mm3") return 0.001;
  if (unit.value == "l" || unit.value == "L") return 1000.0;
  return std::nullopt;
}

}  // namespace nadir::dicom::sr
