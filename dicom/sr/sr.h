// DICOM Structured Reports, template TID 1500 "Measurement Report": a reader's assessment
// (shared/format/assessment-v1.md) written as one SR per timepoint, in that timepoint's study,
// and read back from SR objects written by nadir or by other software (OHIF / Cornerstone3D).
// DCMTK stays inside dicom/sr/*.cpp. Mapping decisions: dicom/sr/README.md.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "measure/subject.h"

namespace nadir::dicom::sr {

struct ExportOptions {
  std::filesystem::path images;  // folder (or DICOMDIR) holding the subject's studies
  std::filesystem::path out;     // folder the SR files are written into
  std::string series_description = "nadir measurements";
  // Only this timepoint's report (the viewer saves the one on screen). Time Point Order and
  // the responses still count every timepoint of the subject.
  std::optional<Date> only_timepoint;
};

/// One SR file written, and what it holds.
struct ExportedReport {
  std::filesystem::path file;
  std::string date, study_uid, sop_uid;
  int groups = 0;                  // measurement groups (one per lesion)
  std::vector<std::string> notes;  // what this report could not carry (SCOORD3D without a frame)
};

struct ExportResult {
  std::vector<ExportedReport> reports;
  std::vector<std::string> notes;  // what the SR does not carry, and study-date differences
};

/// Writes one SR (TID 1500; Comprehensive 3D SR, see README.md) per timepoint of `subject` (or
/// of `options.only_timepoint`) into `options.out`, named SUBJECT_DATE_SR.dcm. The subject's
/// extras give each lesion's tracking UID (else TrackingUidFor) and the subject-level fields
/// nadir does not know, which every report carries; `file` names the source in messages. Each
/// timepoint's study is found in `options.images` by `study_uid`, else by date (and the subject as
/// Patient ID when several patients share a date). Throws DicomError naming the file, timepoint,
/// lesion, tag and value on anything it cannot write honestly (study not found, image of a caliper
/// not found, point off its image ...).
ExportResult ExportAssessment(const Subject& subject, const std::string& file,
                              const ExportOptions& options);

/// The Tracking Unique Identifier of a lesion when the assessment gives none: a UID under
/// 2.25 derived from a name-based 128-bit hash of subject and lesion id, so the same lesion
/// keeps the same UID across timepoints and across exports.
std::string TrackingUidFor(const std::string& subject, const std::string& lesion_id);

/// A response a report states for its timepoint (report-level qualitative evaluations).
struct StatedResponse {
  std::string date;
  std::string criteria;                                 // "RECIST1.1" or "iRECIST"
  std::string target, nontarget, new_lesions, overall;  // format codes (CR, NON-CR/NON-PD, ...)
};

struct ImportOptions {
  // Images to convert SCOORD pixel coordinates back to patient mm. Without them, end points
  // come from SCOORD3D (nadir's own reports have it); a SCOORD without one is dropped with a
  // warning. With them, the SCOORD on its image wins over a SCOORD3D that disagrees (warning).
  std::optional<std::filesystem::path> images;
};

struct ImportResult {
  // Nullopt when no usable report was found. Its extras hold each lesion's tracking UID and
  // the subject-level fields nadir does not know; AssessmentToJson writes it as a file.
  std::optional<Subject> subject;
  // What the assessment reader finds wrong in the rebuilt subject (also in `errors`): a
  // subject with any is not complete enough to edit.
  std::vector<std::string> subject_errors;
  std::vector<std::string> errors;           // files or items that could not be read
  std::vector<std::string> warnings;         // what could not be mapped, and named conversions
  std::vector<StatedResponse> responses;     // as stated in the reports (nadir's own only)
  std::vector<std::filesystem::path> files;  // the SR files used
};

/// Reads every SR file under `dir` (recursively; other files are ignored, other DICOM is
/// listed in warnings) and rebuilds one subject's assessment. Lesions are matched across
/// timepoints by Tracking Unique Identifier; timepoints are studies. Never throws on bad
/// input: problems are in `errors` / `warnings`, each naming the file, item and value.
ImportResult ImportReports(const std::filesystem::path& dir, const ImportOptions& options = {});

/// Reads one SR file (same rules as ImportReports).
ImportResult ImportReportFiles(const std::vector<std::filesystem::path>& files,
                               const ImportOptions& options = {});

}  // namespace nadir::dicom::sr
