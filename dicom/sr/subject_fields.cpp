// Subject-level assessment fields <-> private TEXT items; see subject_fields.h and README.md.
#include "dicom/sr/subject_fields.h"

#include "formats/assessment_json.h"
#include "measure/date.h"

namespace nadir::dicom::sr {

namespace {

using Json = nlohmann::ordered_json;

enum class Shape { kDate, kObject };

struct Field {
  const char* key;
  const Code* name;
  Shape shape;
};

// In the order the format lists them; one concept per field, so a person reading the report
// (dsrdump) sees what each value is.
const Field kFields[] = {
    {"groups", &code::kGroups, Shape::kObject},
    {"covariates", &code::kCovariates, Shape::kObject},
    {"treatment_start", &code::kTreatmentStart, Shape::kDate},
    {"death_date", &code::kDeathDate, Shape::kDate},
    {"last_known_alive", &code::kLastKnownAlive, Shape::kDate},
    {"protocol", &code::kProtocol, Shape::kObject},
};

// Top-level fields the SR carries in its own attributes and items.
bool CarriedElsewhere(const std::string& key) {
  return key == "format" || key == "subject" || key == "reader" || key == "timepoints";
}

const Field* Known(const std::string& key) {
  for (const Field& f : kFields)
    if (key == f.key) return &f;
  return nullptr;
}

}  // namespace

std::vector<SubjectFieldItem> SubjectFieldItems(const Subject& subject) {
  // The Subject decides the fields it knows (the caller may have changed them); its extras
  // keep the protocol as written and the fields nadir does not know.
  const Json full = AssessmentToJson(subject);
  std::vector<SubjectFieldItem> items;
  for (const Field& f : kFields) {
    if (!full.contains(f.key) || full[f.key].is_null()) continue;
    const Json& v = full[f.key];
    items.push_back({*f.name, v.is_string() ? v.get<std::string>() : v.dump()});
  }
  Json other = Json::object();
  for (const auto& [key, value] : full.items())
    if (!CarriedElsewhere(key) && !Known(key) && !value.is_null()) other[key] = value;
  if (!other.empty()) items.push_back({code::kOtherSubjectFields, other.dump()});
  return items;
}

bool IsSubjectField(const Code& name) {
  for (const Field& f : kFields)
    if (Same(name, *f.name)) return true;
  return Same(name, code::kOtherSubjectFields);
}

void ReadSubjectField(const Code& name, const std::string& text, const std::string& where,
                      Json& fields, std::vector<std::string>& errors) {
  const std::string said = where + ": " + Describe(name) + " = '" + text + "'";
  for (const Field& f : kFields) {
    if (!Same(name, *f.name)) continue;
    if (f.shape == Shape::kDate) {
      if (!ParseIsoDate(text)) {
        errors.push_back(said + " is not a date YYYY-MM-DD; " + f.key + " not imported");
        return;
      }
      fields[f.key] = text;
      return;
    }
    const Json v = Json::parse(text, nullptr, false);
    if (v.is_discarded() || !v.is_object()) {
      errors.push_back(said + " is not a JSON object; " + f.key + " not imported");
      return;
    }
    fields[f.key] = v;
    return;
  }
  // Fields nadir does not know: one JSON object of them.
  const Json v = Json::parse(text, nullptr, false);
  if (v.is_discarded() || !v.is_object()) {
    errors.push_back(said + " is not a JSON object; those fields are not imported");
    return;
  }
  for (const auto& [key, value] : v.items()) {
    if (CarriedElsewhere(key) || Known(key))
      errors.push_back(said + ": field '" + key +
                       "' has its own place in the report; not imported from here");
    else
      fields[key] = value;
  }
}

Json ChooseSubjectFields(const std::vector<ReportFields>& latest_first,
                         std::vector<std::string>& warnings) {
  const ReportFields* chosen = nullptr;
  for (const ReportFields& r : latest_first) {
    if (r.fields.empty()) continue;
    if (!chosen) {
      chosen = &r;
      continue;
    }
    std::string differ;
    auto note = [&](const std::string& key) {
      if (differ.find("'" + key + "'") == std::string::npos)
        differ += (differ.empty() ? "'" : ", '") + key + "'";
    };
    for (const auto& [key, value] : r.fields.items())
      if (!chosen->fields.contains(key) || chosen->fields[key] != value) note(key);
    for (const auto& [key, value] : chosen->fields.items())
      if (!r.fields.contains(key)) note(key);
    if (!differ.empty())
      warnings.push_back(r.file + ": subject-level " + differ + " differ from the latest report " +
                         chosen->file + "; the latest report's are kept");
  }
  return chosen ? chosen->fields : Json::object();
}

}  // namespace nadir::dicom::sr
