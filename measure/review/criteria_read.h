// What one reader's read says under one set of criteria: the values central review compares.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "measure/date.h"
#include "measure/protocol.h"
#include "measure/results.h"

namespace nadir {

/// The outcome of one read under one criteria (RECIST 1.1 or iRECIST), as the results spell it.
struct CriteriaRead {
  std::string best_response;  // "PR", "SD" ... or "iPR", "iUPD" ... (assessment-v1.md codes)
  std::optional<Date> response_date;
  std::optional<Date> progression_date;
};

/// "recist11" or "irecist": the names used on command lines and in review files.
const char* CriteriaName(Criteria criteria);
std::optional<Criteria> ParseCriteriaName(std::string_view name);

/// The read's outcome under `criteria`; nullopt, with the reason in `why`, when the result
/// holds none (the read has errors, or the engine did not compute those criteria).
std::optional<CriteriaRead> ReadUnder(const SubjectResult& result, Criteria criteria,
                                      std::string* why);

}  // namespace nadir
