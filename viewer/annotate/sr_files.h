// The viewer's bridge to DICOM SR (dicom/sr): the assessment being annotated written as TID 1500
// Measurement Reports into a folder, or rebuilt from a folder of reports, with every note,
// warning and error kept for the reader to read. Separate from the session so that only this
// file links DCMTK.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "viewer/annotate/session.h"

namespace nadir::annotate {

struct SrOutcome {
  bool ok = false;
  std::string summary;                         // one line for the status bar
  std::vector<std::string> details;            // files written or read, notes, warnings, errors
  std::vector<std::filesystem::path> written;  // the SR files an export wrote (to send on)
};

/// Writes the session's current assessment (unsaved edits included) as one SR per timepoint
/// (or only `only_timepoint`'s) into `out`, finding each timepoint's study in `images`.
SrOutcome ExportSessionToSr(const AnnotationSession& session, const std::filesystem::path& images,
                            const std::filesystem::path& out,
                            std::optional<Date> only_timepoint = std::nullopt);

/// Rebuilds an assessment from the SR files under `dir` and opens it in the session (which has
/// no file then: Save As writes the JSON). `images`, when given, turns image coordinates back
/// into patient millimetres. On failure the session keeps what it had.
SrOutcome OpenSessionFromSr(AnnotationSession& session, const std::filesystem::path& dir,
                            const std::optional<std::filesystem::path>& images);

}  // namespace nadir::annotate
