#include "measure/response.h"

namespace nadir {

const char* ToString(Response r) {
  switch (r) {
    case Response::kCR:
      return "CR";
    case Response::kPR:
      return "PR";
    case Response::kSD:
      return "SD";
    case Response::kNonCRNonPD:
      return "NON-CR/NON-PD";
    case Response::kPD:
      return "PD";
    case Response::kNE:
      return "NE";
    case Response::kNotApplicable:
      return "NOT-APPLICABLE";
    case Response::kUPD:
      return "UPD";
    case Response::kCPD:
      return "CPD";
  }
  return "?";
}

const char* ToIRecistString(Response r) {
  switch (r) {
    case Response::kCR:
      return "iCR";
    case Response::kPR:
      return "iPR";
    case Response::kSD:
      return "iSD";
    case Response::kNonCRNonPD:
      return "NON-iCR/NON-iUPD";
    case Response::kPD:
    case Response::kUPD:
      return "iUPD";
    case Response::kCPD:
      return "iCPD";
    case Response::kNE:
      return "NE";
    case Response::kNotApplicable:
      return "NOT-APPLICABLE";
  }
  return "?";
}

const char* ToString(NewLesionStatus s) {
  switch (s) {
    case NewLesionStatus::kNo:
      return "NO";
    case NewLesionStatus::kEquivocal:
      return "EQUIVOCAL";
    case NewLesionStatus::kYes:
      return "YES";
  }
  return "?";
}

bool IsDiseaseControl(Response r) {
  return r == Response::kCR || r == Response::kPR || r == Response::kSD ||
         r == Response::kNonCRNonPD;
}

}  // namespace nadir
