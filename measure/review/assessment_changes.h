// The field-by-field difference between two versions of one assessment, for the audit trail.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "measure/subject.h"

namespace nadir {

/// A field's value as the audit trail records it: absent, yes/no, a number (mm) or text.
using FieldValue = std::variant<std::monostate, bool, double, std::string>;

/// One changed field. `timepoint` (ISO date) and `lesion` are empty for subject-level fields.
/// A timepoint or lesion added or removed is one change of field "timepoint" or "lesion",
/// whose old or new value is absent.
struct FieldChange {
  std::string timepoint;
  std::string lesion;
  std::string field;  // the assessment-v1.md field name: "long_axis_mm", "state", ...
  FieldValue old_value;
  FieldValue new_value;
};

/// Every change from `before` to `after`: subject fields (reader, dates, groups, covariates),
/// timepoints matched by date, lesions matched by id within a timepoint. Caliper points count
/// as one field "points", the measurement method as one field "method". Order: subject fields, then
/// timepoints by date, lesions by id.
std::vector<FieldChange> DiffAssessments(const Subject& before, const Subject& after);

}  // namespace nadir
