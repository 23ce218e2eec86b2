// iRECIST timepoint responses (Seymour et al., Lancet Oncol 2017; shared/RECIST.md I1-I9).
#pragma once

#include <string>
#include <vector>

#include "measure/results.h"
#include "measure/subject.h"

namespace nadir {

/// iRECIST response at each follow-up, built on the RECIST 1.1 categories of the same
/// timepoints (`recist11`, from Recist11Timepoints): whatever RECIST 1.1 calls progression opens
/// an iUPD episode (I1); a later assessment confirms it as iCPD by a route of I4 (at least
/// `irecist_confirm_min_days` after the iUPD unless another new lesion appears, I3), leaves it
/// iUPD (I5), or resets it when the responses meet iSD, iPR or iCR again (I6). After a reset,
/// new lesions seen before open a new iUPD only when more appear or their target sum meets
/// RECIST 1.1 progression against its own nadir. Reasons name the rule; `warnings` receives
/// the new-lesion choices that were forced and confirmations later than
/// `irecist_confirm_max_days`.
std::vector<TimepointResponse> IRecistTimepoints(const Subject& subject,
                                                 const std::vector<TimepointResponse>& recist11,
                                                 std::vector<std::string>* warnings = nullptr);

}  // namespace nadir
