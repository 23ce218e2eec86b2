#include "formats/review/assessment_edit.h"

#include <nlohmann/json.hpp>

#include "formats/assessment_json.h"
#include "formats/review/audit_log.h"
#include "formats/review/review_folder.h"
#include "measure/review/assessment_changes.h"

namespace nadir {

namespace {

using Json = nlohmann::ordered_json;

/// The object the settings apply to: the document, a timepoint, or a lesion of it.
Json* Target(Json& doc, const EditRequest& r, std::string& where,
             std::vector<std::string>& errors) {
  where = r.file;
  if (r.timepoint.empty()) {
    if (!r.lesion.empty()) errors.push_back(r.file + ": --lesion needs --timepoint");
    return r.lesion.empty() ? &doc : nullptr;
  }
  if (!doc.contains("timepoints") || !doc["timepoints"].is_array()) {
    errors.push_back(r.file + ": timepoints: missing");
    return nullptr;
  }
  for (std::size_t i = 0; i < doc["timepoints"].size(); ++i) {
    Json& t = doc["timepoints"][i];
    if (!t.is_object() || !t.contains("date") || t["date"] != r.timepoint) continue;
    where = r.file + ": timepoints[" + std::to_string(i) + "]";
    if (r.lesion.empty()) return &t;
    if (!t.contains("lesions") || !t["lesions"].is_array()) break;
    for (std::size_t j = 0; j < t["lesions"].size(); ++j) {
      Json& l = t["lesions"][j];
      if (l.is_object() && l.contains("id") && l["id"] == r.lesion) {
        where += ".lesions[" + std::to_string(j) + "]";
        return &l;
      }
    }
    errors.push_back(r.file + ": no lesion '" + r.lesion + "' at timepoint " + r.timepoint);
    return nullptr;
  }
  errors.push_back(r.file + ": no timepoint dated '" + r.timepoint + "'");
  return nullptr;
}

}  // namespace

bool ParseFieldSetting(const std::string& text, FieldSetting& out, std::string* error) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    if (error) *error = "--set: expected FIELD=VALUE, got '" + text + "'";
    return false;
  }
  out = {text.substr(0, eq), text.substr(eq + 1)};
  return true;
}

int EditAssessment(const EditRequest& r, std::vector<std::string>& errors,
                   std::vector<std::string>* warnings) {
  const std::size_t errors_before = errors.size();
  if (r.user.empty()) errors.push_back(r.file + ": --user: who makes the change is required");
  if (r.settings.empty()) errors.push_back(r.file + ": nothing to set");
  const auto text = ReadTextFile(r.file);
  if (!text) errors.push_back(r.file + ": cannot read the file");
  if (errors.size() > errors_before) return -1;

  const LoadedAssessment before = ParseAssessment(*text, r.file);
  if (!before.subject || !before.errors.empty()) {
    errors.push_back(r.file + ": not edited: the file has errors" +
                     (before.errors.empty() ? "" : ": " + before.errors.front()));
    return -1;
  }
  Json doc = before.document;
  std::string where;
  Json* target = Target(doc, r, where, errors);
  if (!target) return -1;
  for (const auto& s : r.settings) {
    if (s.field == "format" || s.field == "timepoints" || s.field == "lesions" ||
        s.field == "audit_head") {
      errors.push_back(where + "." + s.field + ": not editable with --set");
      continue;
    }
    Json value = Json::parse(s.value, nullptr, false);
    if (value.is_discarded()) value = s.value;
    (*target)[s.field] = value;
  }
  if (errors.size() > errors_before) return -1;

  std::string edited;
  try {
    edited = doc.dump();
  } catch (const Json::exception& e) {
    // A --set value that is not UTF-8 text cannot be written as JSON (type_error 316).
    errors.push_back(r.file + ": not saved: " + e.what());
    return -1;
  }
  const LoadedAssessment after = ParseAssessment(edited, r.file);
  if (!after.subject || !after.errors.empty()) {
    for (const auto& e : after.errors) errors.push_back(r.file + ": not saved: " + e);
    return -1;
  }
  const auto changes = DiffAssessments(*before.subject, *after.subject);
  if (changes.empty()) {
    errors.push_back(where +
                     ": nothing changed (the values are already set, or the fields are "
                     "not assessment fields nadir records)");
    return -1;
  }
  std::string error;
  // `after` was read from the edited document: its extras keep what nadir does not know.
  if (!SaveAssessmentAudited(r.file, *before.subject, *after.subject, r.user, r.reason, &error,
                             warnings)) {
    errors.push_back(error);
    return -1;
  }
  return static_cast<int>(changes.size());
}

}  // namespace nadir
