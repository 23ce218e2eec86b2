// What a reader recorded about one lesion at one timepoint (assessment-v1.md, "Lesion").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace nadir {

enum class LesionKind { kTarget, kNonTarget, kNew };

/// States of the format's table; which are allowed depends on the kind.
enum class LesionState {
  kMeasured,                // target: diameters given
  kTooSmall,                // target: present, too small to measure
  kAbsent,                  // any kind: gone (nodal: back to normal size)
  kNotEvaluated,            // any kind: not assessed at this timepoint
  kMerged,                  // target: coalesced into `merged_into`
  kPresent,                 // non-target: still there
  kUnequivocalProgression,  // non-target: unequivocal progression
  kEquivocal,               // new: possibly a new lesion
  kUnequivocal,             // new: definitely a new lesion
};

/// One piece of a target lesion that split (RECIST 1.1 §4.3.2).
struct Fragment {
  std::optional<double> long_axis_mm;
  std::optional<double> short_axis_mm;
};

using PatientPoint = std::array<double, 3>;  // DICOM LPS, mm

/// Caliper end points in patient space and the image they were drawn on.
struct CaliperPoints {
  std::string sop_uid;
  std::optional<std::array<PatientPoint, 2>> long_axis;
  std::optional<std::array<PatientPoint, 2>> short_axis;
};

enum class NewLesionCategory { kAutomatic, kTarget, kNonTarget };

struct LesionRecord {
  std::string id;
  LesionKind kind = LesionKind::kTarget;
  std::string site;
  bool nodal = false;
  LesionState state = LesionState::kMeasured;
  std::optional<double> long_axis_mm;
  std::optional<double> short_axis_mm;
  std::vector<Fragment> fragments;  // non-empty when the lesion split
  std::string merged_into;          // for kMerged
  NewLesionCategory new_category = NewLesionCategory::kAutomatic;
  // Non-target and new non-target lesions after an iUPD: grew since the last assessment
  // (iRECIST I4, "any further increase"; need not be unequivocal).
  bool increased_since_last = false;
  std::optional<CaliperPoints> points;
};

const char* ToString(LesionKind kind);
const char* ToString(LesionState state);

/// The organ a lesion counts against for the per-organ target limit (RECIST 1.1 §3.2): all
/// nodes are one organ, and paired organs are one organ ("left lung" and "right lung").
std::string OrganOf(const LesionRecord& lesion);

}  // namespace nadir
