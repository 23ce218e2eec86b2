// RECIST 1.1 response at each follow-up timepoint (§4.3-4.4.2). Pure: a validated subject in,
// responses out.
#pragma once

#include <optional>
#include <vector>

#include "measure/results.h"
#include "measure/subject.h"

namespace nadir {

/// True when `sum_mm` is progression against `nadir_mm` (§4.3.1): at least 20 % over the
/// nadir and at least 5 mm over it, both.
bool MeetsProgressionBySum(double sum_mm, double nadir_mm);

/// True when `sum_mm` is a partial response against `baseline_mm` (§4.3.1): at least 30 %
/// smaller than the baseline sum.
bool MeetsPartialResponse(double sum_mm, double baseline_mm);

/// The overall response at a timepoint from its three categories: §4.4.1 Table 1 for subjects
/// with target lesions, Table 2 for non-target disease only. An equivocal new lesion counts as
/// no new lesion until it is confirmed.
Response CombineOverall(Response target, Response nontarget, NewLesionStatus new_lesions,
                        bool has_targets);

/// Per follow-up new-lesion status (§4.3.5), with equivocal lesions confirmed at a later
/// timepoint counted as new from the timepoint they were first seen. Index 0 is the first
/// follow-up. `why` receives a short reason per follow-up ("" when there is none).
std::vector<NewLesionStatus> NewLesionStatusPerFollowUp(const Subject& subject,
                                                        std::vector<std::string>* why = nullptr);

/// The overall response per follow-up timepoint (Tables 1 and 2 of §4.4.1), with sums, nadir
/// and changes. The subject must have passed ValidateSubject.
std::vector<TimepointResponse> Recist11Timepoints(const Subject& subject);

/// The baseline's sum of diameters and lesion counts.
BaselineSummary SummariseBaseline(const Subject& subject);

}  // namespace nadir
