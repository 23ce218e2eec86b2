// The `points` of a lesion or of a fragment: caliper end points in patient mm and the image
// they were drawn on, a native image (sop_uid) or a reformatted plane (series_uid, plane,
// normal; a nadir extension, docs/format/assessment-v1.md "Calipers on reformatted views").
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "formats/json_fields.h"
#include "measure/lesion.h"

namespace nadir {

/// How far (mm) an end point of a reformat measurement may lie off its plane: the viewer puts
/// them on it exactly; a hand-edited file with rounded coordinates still reads.
inline constexpr double kOnPlaneToleranceMm = 0.1;

/// The plane names a reformat measurement may give (the viewer's views).
bool KnownPlaneName(const std::string& plane);

/// Reads `points` (already found at `path`); every problem is an error naming its field and
/// value. Nullopt when `points` is not an object. Instantiated for NlohmannValue and SimdValue.
template <typename Value>
std::optional<CaliperPoints> ReadCaliperPoints(BasicFieldReader<Value>& in, const Value& j,
                                               const std::string& path);

/// `points` as JSON; fields of `original` (the object read) this version does not know are kept.
nlohmann::ordered_json CaliperPointsJson(const CaliperPoints& p,
                                         const nlohmann::ordered_json* original);

}  // namespace nadir
