// Adjudication records (docs/format/adjudication-v1.md): JSON text <-> Adjudication.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "measure/review/adjudication.h"

namespace nadir {

inline constexpr const char* kAdjudicationFormat = "nadir-adjudication/1";

/// Parses one record; `file` names it in messages and is kept in the record. Every problem is
/// an error naming the file, the field and the value; the record is usable only without errors.
Adjudication ParseAdjudication(std::string_view text, const std::string& file,
                               std::vector<std::string>& errors);

/// The same from an already parsed document.
Adjudication AdjudicationFromJson(const nlohmann::ordered_json& doc, const std::string& file,
                                  std::vector<std::string>& errors);

nlohmann::ordered_json AdjudicationToJson(const Adjudication& adjudication);

/// True for an ISO 8601 UTC date and time to the second: "2026-06-02T14:31:00Z".
bool IsUtcDateTime(std::string_view text);

/// Now, as an ISO 8601 UTC date and time to the second.
std::string UtcNow();

}  // namespace nadir
