// Internal to dicom/sr/: what the TID 1502 Time Point Context of the reports says about their
// timepoints, read back: the label, and checks of Time Point Order and Subject Time Point
// Identifier against the study dates (which decide, as the assessment format sorts by date).
#pragma once

#include <string>
#include <vector>

#include "dicom/sr/parse_report.h"

namespace nadir::dicom::sr {

/// The timepoint's label: Time Point, else Subject, else Protocol Time Point Identifier. When
/// Time Point and Subject Time Point Identifier are both the study's date, the label is empty:
/// that is how nadir writes a timepoint without a label.
std::string TimePointLabel(const ParsedReport& r);

/// Warnings, naming the files, where a report's Subject Time Point Identifier is a date other
/// than its study's, and where Time Point Order does not rise with the study dates.
/// `reports` are those of one subject, in any order.
void CheckTimePointContext(const std::vector<const ParsedReport*>& reports,
                           std::vector<std::string>& warnings);

}  // namespace nadir::dicom::sr
