// Internal to dicom/sr/: the assessment's subject-level fields (groups, covariates, treatment
// start, death date, last known alive, protocol, and fields nadir does not know) as private TEXT
// items of a report's Qualitative Evaluations, and back. Why there: dicom/sr/README.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dicom/sr/codes.h"
#include "measure/subject.h"

namespace nadir::dicom::sr {

/// One TEXT item: its concept and its text (a date as YYYY-MM-DD, an object as compact JSON).
struct SubjectFieldItem {
  Code name;
  std::string text;
};

/// The items for `subject`: every top-level field of its assessment file but `format`,
/// `subject`, `reader` and `timepoints` (the SR carries those elsewhere). Null fields are left
/// out (the format reads absent as null). Fields nadir does not know (the subject's extras)
/// travel together as one JSON object, so nothing of the file's subject level is lost.
std::vector<SubjectFieldItem> SubjectFieldItems(const Subject& subject);

/// Is `name` the concept of one of these items?
bool IsSubjectField(const Code& name);

/// Reads one item back into `fields` (an object: field name -> JSON value). A text that is not
/// what nadir writes is an error naming `where`, the concept and the value; it is not imported.
void ReadSubjectField(const Code& name, const std::string& text, const std::string& where,
                      nlohmann::ordered_json& fields, std::vector<std::string>& errors);

/// The fields of several reports of one subject, given latest first: the latest report's set,
/// with a warning naming both files and the fields when an older report says otherwise.
/// Reports without any item (other writers) take no part.
struct ReportFields {
  std::string file;
  nlohmann::ordered_json fields;  // object; empty when the report has none
};
nlohmann::ordered_json ChooseSubjectFields(const std::vector<ReportFields>& latest_first,
                                           std::vector<std::string>& warnings);

}  // namespace nadir::dicom::sr
