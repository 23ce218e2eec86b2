#include "viewer/annotate/sr_files.h"

#include <exception>

#include "dicom/sr/sr.h"

namespace nadir::annotate {

namespace fs = std::filesystem;

namespace {

std::string Plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

SrOutcome ExportSessionToSr(const AnnotationSession& session, const fs::path& images,
                            const fs::path& out, std::optional<Date> only_timepoint) {
  SrOutcome outcome;
  const std::string name = session.path().empty()
                               ? "(unsaved assessment of " + session.subject().id + ")"
                               : session.path();
  try {
    std::error_code ec;
    fs::create_directories(out, ec);
    dicom::sr::ExportOptions options;
    options.images = images;
    options.out = out;
    options.only_timepoint = only_timepoint;
    const auto result = dicom::sr::ExportAssessment(session.subject(), name, options);
    for (const auto& r : result.reports) outcome.written.push_back(r.file);
    for (const auto& r : result.reports)
      outcome.details.push_back(r.date + ": " + r.file.string() + " (" +
                                Plural(std::size_t(r.groups), "lesion") + ")");
    for (const auto& n : result.notes) outcome.details.push_back("note: " + n);
    outcome.ok = true;
    outcome.summary =
        "SR: wrote " + Plural(result.reports.size(), "report") + " into " + out.string();
  } catch (const std::exception& e) {
    // Nothing half-written is presented as done: the reader sees why, the session is unchanged.
    outcome.summary = "SR not written: " + std::string(e.what());
    outcome.details.push_back(outcome.summary);
  }
  return outcome;
}

SrOutcome OpenSessionFromSr(AnnotationSession& session, const fs::path& dir,
                            const std::optional<fs::path>& images) {
  SrOutcome outcome;
  dicom::sr::ImportOptions options;
  options.images = images;
  auto result = dicom::sr::ImportReports(dir, options);
  for (const auto& f : result.files) outcome.details.push_back("read " + f.string());
  for (const auto& e : result.errors) outcome.details.push_back("error: " + e);
  for (const auto& w : result.warnings) outcome.details.push_back("warning: " + w);
  if (!result.subject) {
    outcome.summary = "no assessment could be rebuilt from " + dir.string();
    return outcome;
  }
  std::string error;
  const std::string subject_id = result.subject->id;
  if (!session.OpenSubject(std::move(*result.subject), result.subject_errors,
                           dir.string() + " (SR)", &error)) {
    outcome.summary = "SR not opened: " + error;
    outcome.details.push_back("error: " + error);
    return outcome;
  }
  outcome.ok = true;
  outcome.summary =
      "opened " + Plural(result.files.size(), "SR report") + " of subject " + subject_id;
  if (!result.errors.empty() || !result.warnings.empty())
    outcome.summary += " (" + Plural(result.errors.size(), "error") + ", " +
                       Plural(result.warnings.size(), "warning") + ": see the SR window)";
  return outcome;
}

}  // namespace nadir::annotate
