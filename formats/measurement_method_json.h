// The `method` of a lesion: how its diameters were obtained (manual calipers, one click, or one
// click then edited), with the click, the volume and the algorithm (nadir extension,
// docs/format/assessment-v1.md "How a measurement was made").
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "formats/json_fields.h"
#include "measure/lesion.h"

namespace nadir {

/// Reads `method` (found at `path`); every problem is an error naming its field and value.
/// Instantiated for NlohmannValue and SimdValue.
template <typename Value>
std::optional<MeasurementMethod> ReadMeasurementMethod(BasicFieldReader<Value>& in, const Value& j,
                                                       const std::string& path);

/// `method` as JSON; fields of `original` this version does not know are kept.
nlohmann::ordered_json MeasurementMethodJson(const MeasurementMethod& m,
                                             const nlohmann::ordered_json* original);

}  // namespace nadir
