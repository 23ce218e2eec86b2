#include "measure/confirmed_response.h"

namespace nadir {

void ConfirmedResponse::Record(Date date, Response overall) {
  switch (overall) {
    case Response::kPD:
    case Response::kUPD:
    case Response::kCPD:  // "until the criteria for PD are met"
      pending_.clear();
      holding_.reset();
      return;
    case Response::kNE:  // does not break a confirmation (§4.6)
    case Response::kNotApplicable:
      return;
    case Response::kCR:
    case Response::kPR:
      if (!holding_ && !protocol_.confirmation) holding_ = date;
      if (!holding_ && !pending_.empty() &&
          DaysBetween(pending_.front(), date) >= protocol_.confirm_min_days)
        holding_ = pending_.front();
      pending_.push_back(date);
      return;
    case Response::kSD:
    case Response::kNonCRNonPD:  // breaks a confirmation still to come (§4.6)
      pending_.clear();
      return;
  }
}

}  // namespace nadir
