// Audited edits of an assessment file from the command line (`nadir edit`): set fields of the
// subject, a timepoint or a lesion, check the result, save it and log every change.
#pragma once

#include <string>
#include <vector>

namespace nadir {

/// One `FIELD=VALUE`: VALUE is read as JSON when it parses (30.5, true, null, "text"), else
/// as text (absent -> "absent").
struct FieldSetting {
  std::string field;
  std::string value;
};

/// Parses "FIELD=VALUE"; false (with `error`) when there is no '=' or no field name.
bool ParseFieldSetting(const std::string& text, FieldSetting& out, std::string* error);

struct EditRequest {
  std::string file;
  std::string timepoint;  // date of the timepoint to edit; empty for subject-level fields
  std::string lesion;     // id of the lesion at that timepoint; empty for timepoint fields
  std::vector<FieldSetting> settings;
  std::string user;
  std::string reason;
};

/// Applies the settings to the file, checks the result as an assessment (no new errors), and
/// saves it with SaveAssessmentAudited. Returns the number of audited changes, or -1 with the
/// problems in `errors` (each naming the file, the field and the value); the file is then
/// untouched. A setting that changes nothing nadir records is an error, never a silent no-op.
/// `warnings` receives what the save says about signing (no key: entries unsigned).
int EditAssessment(const EditRequest& request, std::vector<std::string>& errors,
                   std::vector<std::string>* warnings = nullptr);

}  // namespace nadir
