// endpoints.json's safety sections (issue 21): "escalation", "safety", "kinetics",
// "cytokines" and "covariates_toxicity", added to the document EndpointsJson makes.
#pragma once

#include <nlohmann/json.hpp>

#include "cli/report/report_safety.h"

namespace nadir::report {

/// Adds the sections to `j` (each null when the trial has no such data).
void AddSafetyJson(const TrialSafety& s, nlohmann::ordered_json& j);

}  // namespace nadir::report
