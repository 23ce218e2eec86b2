// "A confirmed PR continues" (RECIST 1.1 §4.3.1; shared/RECIST.md): whether, at a timepoint, a
// partial response confirmed earlier still holds.
#pragma once

#include <optional>
#include <vector>

#include "measure/date.h"
#include "measure/protocol.h"
#include "measure/response.h"

namespace nadir {

/// Follows the overall responses of one subject in date order. Once a CR or PR is confirmed by
/// a later CR or PR at least `confirm_min_days` after it, with only CR, PR or NE between (§4.6,
/// as best_response.h), or once it is simply assigned when the protocol needs no confirmation,
/// the response holds: a later sum back above 70 % of baseline is still PR until the criteria
/// for CR or PD are met (RECIST working group Q&A "The definition of SD: a clarification";
/// iRECIST FAQ "Managing PR when TP measurements change slightly": 100, 70, 70, 80, 80, 80 is PR
/// at every timepoint). Progression (PD, iUPD, iCPD) ends it; the same class serves iRECIST.
class ConfirmedResponse {
 public:
  explicit ConfirmedResponse(const Protocol& protocol) : protocol_(protocol) {}

  /// The date of the response that holds (its first CR or PR), or nullopt when none holds.
  std::optional<Date> Holding() const { return holding_; }

  /// Records the overall response at `date`; dates must come in order.
  void Record(Date date, Response overall);

 private:
  const Protocol& protocol_;
  std::vector<Date> pending_;  // CR or PR since the last response that breaks confirmation
  std::optional<Date> holding_;
};

}  // namespace nadir
