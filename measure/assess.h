// The whole engine for one subject: validate, check the baseline, compute every response.
#pragma once

#include "measure/results.h"
#include "measure/subject.h"

namespace nadir {

/// Sorts the timepoints of `subject` (SortTimepoints), validates it and computes its responses
/// under the criteria its protocol selects. A subject with errors gets no responses. Never throws
/// on bad data.
SubjectResult AssessSubject(Subject subject);

}  // namespace nadir
