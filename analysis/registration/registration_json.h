// A registration as JSON: the report that `nadir track --json` prints, and the cache file
// (the same, with the transform's parameters, so a cached pair maps points exactly).
#pragma once

#include <nlohmann/json.hpp>

#include "analysis/registration/track.h"

namespace nadir::registration {

/// The report: ok, reason, stages, overlap figures, seconds; with `with_transform`, also the
/// transform chain (kind, fixed_parameters, parameters).
nlohmann::ordered_json ToJson(const Registration& registration, bool with_transform);

/// Reads what ToJson(..., true) wrote. Throws std::invalid_argument naming the field.
Registration RegistrationFromJson(const nlohmann::json& j);

}  // namespace nadir::registration
