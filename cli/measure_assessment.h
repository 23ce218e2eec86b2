// `nadir measure ASSESSMENT.json --images DIR`: every measured lesion of an assessment
// re-measured semi-automatically from the centre of its saved long axis, and the agreement
// of manual and semi-automatic diameters (Bland-Altman, ICC(2,1)).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/lesion_measure.h"

namespace nadir::cli {

/// The JSON object `nadir measure --json` prints for one measurement.
nlohmann::ordered_json MeasurementJson(const analysis::LesionMeasurement& m);

/// Runs the comparison; writes JSON to `out` ("-": standard output) and a text summary to
/// standard output otherwise. Returns the exit code (2 for an unreadable assessment).
int RemeasureAssessment(const std::string& assessment, const std::string& images,
                        const std::string& out);

}  // namespace nadir::cli
