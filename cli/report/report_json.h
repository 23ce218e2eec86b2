// endpoints.json: the machine-readable endpoint tables (issue 8, "Command and outputs").
#pragma once

#include <nlohmann/json.hpp>

#include "cli/report/report_data.h"

namespace nadir::report {

/// {"format": "nadir-endpoints/1", "study", "by", "methods", "recist11": {GROUP: {...}},
///  "irecist": {...} or null, "covariates": {...}, "notes": [...]}; per group `n`,
/// `evaluable`, `best_response` counts, `orr` and `dcr` as {k, n, rate, ci_low, ci_high}, and
/// `pfs`, `os`, `dor` with n, events, censored, median_days / ci_low_days / ci_high_days
/// (null when not reached), the same in months, landmarks and numbers at risk.
nlohmann::ordered_json EndpointsJson(const Report& r);

}  // namespace nadir::report
