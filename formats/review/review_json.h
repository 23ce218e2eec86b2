// The review document (`nadir review ... --out review.json`, format nadir-review/1) and the
// readable summary printed by the command.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "measure/review/review.h"

namespace nadir {

inline constexpr const char* kReviewFormat = "nadir-review/1";

/// Per subject: each read's best response and dates per criteria, the status, the reasons for
/// discordance, the adjudication and the final read; for the trial: the agreement figures.
/// Shares and kappa are rounded to three decimals at output only.
nlohmann::ordered_json ReviewToJson(const Review& review);

/// A fixed-width table, one line per subject, then the trial's agreement figures.
std::string ReviewSummary(const Review& review);

}  // namespace nadir
