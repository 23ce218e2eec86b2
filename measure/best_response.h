// Best overall response, response and progression dates, duration of response
// (RECIST 1.1 §4.4.3-4.7).
#pragma once

#include <vector>

#include "measure/results.h"
#include "measure/subject.h"

namespace nadir {

/// Best overall response from the timepoint responses of one subject.
///
/// Uses the follow-ups up to the first PD and, when `bor_window_days` is set, up to that day
/// after treatment start. With `confirmation`, a CR counts only when a later CR at least
/// `confirm_min_days` after it confirms it, a PR when a later CR or PR does (§4.6, Table 3);
/// nothing but CR, PR or NE may lie between. SD (and NON-CR/NON-PD, and unconfirmed CR or PR)
/// counts only when met at least `sd_min_days` after treatment start (§4.4.3); otherwise the
/// best response is PD when PD followed, else NE. Subjects with non-target disease only get CR
/// or NON-CR/NON-PD, never PR or SD (§4.4.1 Table 2).
///
/// Under iRECIST (I7) the same rules run over the whole course up to the first iCPD: an iUPD
/// does not end it, and a later iPR still counts. Without disease control the best response is
/// iCPD when confirmed progression came, else iUPD when an iUPD was seen, else NE. The
/// progression date of an iCPD is the date of the iUPD that opened its episode (I4).
///
/// `warnings` receives a line for each CR or PR that was not confirmed.
BestResponse BestOverallResponse(const Subject& subject,
                                 const std::vector<TimepointResponse>& timepoints, bool has_targets,
                                 std::vector<std::string>* warnings = nullptr,
                                 Criteria criteria = Criteria::kRecist11);

}  // namespace nadir
