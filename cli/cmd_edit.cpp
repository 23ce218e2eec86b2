// `nadir edit FILE [--timepoint DATE [--lesion ID]] --set FIELD=VALUE... --user U [--reason R]`:
// a correction from the command line, saved atomically and recorded in the audit log, signed
// with the user's key when there is one (`nadir keys create`).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"
#include "formats/review/assessment_edit.h"

namespace nadir::cli {

int RunEdit(int argc, char** argv) {
  CLI::App app{
      "Change fields of an assessment; every change goes to its audit log "
      "(X.audit.jsonl beside X.json)",
      "edit"};
  EditRequest request;
  std::vector<std::string> settings;
  app.add_option("file", request.file, "assessment file (nadir-assessment/1)")->required();
  app.add_option("--timepoint", request.timepoint, "date of the timepoint to edit (YYYY-MM-DD)");
  app.add_option("--lesion", request.lesion, "id of the lesion at that timepoint");
  app.add_option("--set", settings, "FIELD=VALUE (VALUE as JSON, else text); repeatable")
      ->required();
  app.add_option("--user", request.user, "who makes the change")->required();
  app.add_option("--reason", request.reason, "why (kept in the audit log)");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> errors;
  for (const auto& s : settings) {
    FieldSetting setting;
    std::string error;
    if (ParseFieldSetting(s, setting, &error))
      request.settings.push_back(setting);
    else
      errors.push_back(error);
  }
  std::vector<std::string> warnings;
  const int changes = errors.empty() ? EditAssessment(request, errors, &warnings) : -1;
  for (const auto& w : warnings) std::fprintf(stderr, "nadir edit: warning: %s\n", w.c_str());
  for (const auto& e : errors) std::fprintf(stderr, "nadir edit: %s\n", e.c_str());
  if (changes < 0) return 1;
  std::printf("%s: %d change%s saved and logged\n", request.file.c_str(), changes,
              changes == 1 ? "" : "s");
  return 0;
}

}  // namespace nadir::cli
