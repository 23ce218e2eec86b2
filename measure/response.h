// Response codes of RECIST 1.1 (§4.3-4.4) and iRECIST (I8), as the results format spells them.
#pragma once

#include <optional>
#include <string_view>

namespace nadir {

enum class Response {
  kCR,
  kPR,
  kSD,
  kNonCRNonPD,  // non-target disease only (RECIST 1.1 §4.4.1 Table 2)
  kPD,
  kNE,
  kNotApplicable,  // no lesions of that category at baseline
  kUPD,            // iRECIST I1: unconfirmed progression (iUPD)
  kCPD,            // iRECIST I4: confirmed progression (iCPD)
};

enum class NewLesionStatus { kNo, kEquivocal, kYes };

/// RECIST 1.1 codes: "CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE", "NOT-APPLICABLE".
const char* ToString(Response r);
const char* ToString(NewLesionStatus s);

/// iRECIST codes (I8): "iCR", "iPR", "iSD", "NON-iCR/NON-iUPD", "iUPD", "iCPD", "NE",
/// "NOT-APPLICABLE". PD, which iRECIST never assigns, prints as "iUPD".
const char* ToIRecistString(Response r);

/// True for the responses that count as disease control (CR, PR, SD, NON-CR/NON-PD), under
/// either criteria.
bool IsDiseaseControl(Response r);

}  // namespace nadir
