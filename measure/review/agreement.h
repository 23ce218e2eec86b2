// Trial-level reader agreement: share of agreeing best responses, Cohen's kappa, share of
// progression dates within the tolerance, adjudication rate and the adjudicator's choices.
#pragma once

#include <string>
#include <vector>

#include "measure/review/review.h"

namespace nadir {

/// Computes the agreement figures over subjects already compared (BuildReview calls this).
/// Under each criteria only subjects whose two reads both have an outcome are compared.
TrialAgreement ComputeAgreement(const std::vector<SubjectReview>& subjects,
                                const ReviewOptions& options);

/// Rank of a best-response code in clinical order (CR, PR, SD, NON-CR/NON-PD, PD, NE, then the
/// iRECIST codes); unknown codes sort after, alphabetically among themselves.
int ResponseCodeRank(const std::string& code);

}  // namespace nadir
