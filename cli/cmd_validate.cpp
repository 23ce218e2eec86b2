// `nadir validate FILES_OR_FOLDERS...`: every error and warning of assessment files, for the
// reader who is about to submit them (RECIST 1.1 §3.1-3.2 checks warn; they never refuse).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"
#include "formats/batch.h"

namespace nadir::cli {

int RunValidate(int argc, char** argv) {
  CLI::App app{"Check assessment files: errors stop a subject, warnings inform the reader",
               "validate"};
  std::vector<std::string> paths;
  bool quiet = false;
  app.add_option("paths", paths, "assessment files or folders (searched for *.json)")->required();
  app.add_flag("--errors-only", quiet, "print errors only");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> problems;
  const auto files = FindAssessmentFiles(paths, problems);
  for (const auto& p : problems) std::printf("%s\n", p.c_str());
  int errors = 0, warnings = 0, subjects = 0;
  for (const auto& a : AssessFiles(files)) {
    if (a.skipped) continue;
    ++subjects;
    const std::string who = a.result.file + ": subject " +
                            (a.result.subject.empty() ? std::string("?") : a.result.subject);
    for (const auto& e : a.result.errors) std::printf("%s: error: %s\n", who.c_str(), e.c_str());
    errors += int(a.result.errors.size());
    if (quiet) continue;
    for (const auto& w : a.result.warnings)
      std::printf("%s: warning: %s\n", who.c_str(), w.c_str());
    warnings += int(a.result.warnings.size());
  }
  std::printf("%d subjects: %d errors, %d warnings\n", subjects, errors, warnings);
  return errors == 0 && problems.empty() ? 0 : 1;
}

}  // namespace nadir::cli
