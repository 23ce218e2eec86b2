// Assessment files (shared/format/assessment-v1.md): JSON text <-> Subject.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "measure/subject.h"

namespace nadir {

inline constexpr const char* kAssessmentFormat = "nadir-assessment/1";

/// One assessment file as read: the subject when it could be built (its timepoints sorted, the
/// document kept in its extras so a rewrite keeps unknown fields), every problem found with the
/// field path and value, and the parsed document for callers that look at the JSON itself.
struct LoadedAssessment {
  std::string file;
  std::optional<Subject> subject;  // nullopt when the file is not a readable assessment
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  std::string format;  // the document's `format` when it is a string ("nadir-results/1" ...)
  nlohmann::ordered_json document;  // null when read by ParseAssessmentForBatch
  bool by_simdjson = false;         // ParseAssessmentForBatch read it without falling back
};

/// Parses assessment JSON. `file` only names the source in messages. Never throws. The
/// subject's timepoints are sorted by date (SortTimepoints), `extras.document` holds `text`
/// and `extras.tracking_uids` each lesion's `tracking_uid`.
LoadedAssessment ParseAssessment(std::string_view text, const std::string& file);

/// ParseAssessment for a batch that reads many files and rewrites none: parsed with simdjson
/// (about 20 times faster than nlohmann), without `document` and `extras.document`. The same
/// subject as ParseAssessment; a file with any problem is read again by ParseAssessment, so
/// errors and warnings are its own, word for word.
LoadedAssessment ParseAssessmentForBatch(std::string_view text, const std::string& file);

/// The whole file as text; nullopt when it cannot be opened or read.
std::optional<std::string> ReadTextFile(const std::string& path);

/// What a file is read for: to be edited and rewritten (kEdit: ParseAssessment), or assessed
/// in a batch (kBatch: ParseAssessmentForBatch).
enum class AssessmentUse { kEdit, kBatch };

/// Reads and parses a file; a file that cannot be read is an error naming it.
LoadedAssessment ReadAssessmentFile(const std::string& path,
                                    AssessmentUse use = AssessmentUse::kEdit);

/// The assessment as JSON. Fields of `subject.extras.document` that this version does not know
/// are kept, at the top level, per timepoint (matched by date) and per lesion (matched by id);
/// each lesion with a tracking UID in `subject.extras.tracking_uids` gets its `tracking_uid`.
nlohmann::ordered_json AssessmentToJson(const Subject& subject);

/// Writes `text` to `path` atomically: a temporary file beside it, flushed, then renamed.
/// Returns false and fills `error` on failure; the old file is then untouched.
bool WriteFileAtomically(const std::string& path, const std::string& text, std::string* error);

}  // namespace nadir
