#include "formats/review/adjudication_json.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "formats/json_fields.h"
#include "measure/date.h"

namespace nadir {

namespace {
using Json = nlohmann::ordered_json;

bool Digits(std::string_view s, std::size_t pos, std::size_t n, int max) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  return v <= max;
}
}  // namespace

bool IsUtcDateTime(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SSZ
  return t.size() == 20 && ParseIsoDate(t.substr(0, 10)) && t[10] == 'T' && Digits(t, 11, 2, 23) &&
         t[13] == ':' && Digits(t, 14, 2, 59) && t[16] == ':' && Digits(t, 17, 2, 60) &&
         t[19] == 'Z';
}

std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Adjudication AdjudicationFromJson(const Json& doc, const std::string& file,
                                  std::vector<std::string>& errors) {
  std::vector<std::string> found;
  FieldReader in(found);
  Adjudication a;
  a.file = file;
  const auto format = in.String(doc, "", "format", true);
  if (format && *format != kAdjudicationFormat)
    in.Error("format",
             "expected \"" + std::string(kAdjudicationFormat) + "\", got \"" + *format + "\"");
  a.subject = in.String(doc, "", "subject", true).value_or("");
  a.adjudicator = in.String(doc, "", "adjudicator", true).value_or("");
  a.chosen_reader = in.String(doc, "", "chosen_reader", true).value_or("");
  a.reason = in.String(doc, "", "reason", true).value_or("");
  a.decided_at = in.String(doc, "", "decided_at", true).value_or("");
  const auto not_blank = [&](const std::string& value, const char* field) {
    if (doc.is_object() && doc.contains(field) && doc[field].is_string() && value.empty())
      in.Error(field, "must not be empty");
  };
  not_blank(a.subject, "subject");
  not_blank(a.adjudicator, "adjudicator");
  not_blank(a.chosen_reader, "chosen_reader");
  not_blank(a.reason, "reason");
  if (!a.decided_at.empty() && !IsUtcDateTime(a.decided_at))
    in.Error("decided_at",
             "expected a UTC date and time YYYY-MM-DDTHH:MM:SSZ, got \"" + a.decided_at + "\"");
  for (auto& e : found) errors.push_back(file + ": " + e);
  return a;
}

Adjudication ParseAdjudication(std::string_view text, const std::string& file,
                               std::vector<std::string>& errors) {
  Adjudication a;
  a.file = file;
  try {
    return AdjudicationFromJson(Json::parse(text), file, errors);
  } catch (const nlohmann::json::exception& e) {
    // The base of every error the JSON library throws: parse_error, out_of_range 406 (a
    // number no double holds), type_error ... The message names the position and the value.
    errors.push_back(file + ": not valid JSON: " + e.what());
  }
  return a;
}

Json AdjudicationToJson(const Adjudication& a) {
  return Json{
      {"format", kAdjudicationFormat},    {"subject", a.subject}, {"adjudicator", a.adjudicator},
      {"chosen_reader", a.chosen_reader}, {"reason", a.reason},   {"decided_at", a.decided_at}};
}

}  // namespace nadir
