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

using PatientPoint = std::array<double, 3>;  // DICOM LPS, mm

/// Caliper end points in patient space and the image they were drawn on: a native image, named
/// by its SOP Instance UID, or a plane reformatted from a series (coronal, sagittal ...), which
/// no SOP Instance UID names: the series, the plane's name and its normal say where it lies
/// (a nadir extension, docs/format/assessment-v1.md).
struct CaliperPoints {
  std::string sop_uid;                 // native image
  std::string series_uid;              // reformat: the series resliced
  std::string plane;                   // reformat: "axial", "coronal" or "sagittal"
  std::optional<PatientPoint> normal;  // reformat: unit normal of the plane
  std::optional<std::array<PatientPoint, 2>> long_axis;
  std::optional<std::array<PatientPoint, 2>> short_axis;

  bool Reformat() const { return sop_uid.empty() && normal.has_value(); }
};

/// One piece of a target lesion that split (RECIST 1.1 §4.3.2).
struct Fragment {
  std::optional<double> long_axis_mm;
  std::optional<double> short_axis_mm;
  // Where the viewer measured it (nadir extension). Initialised so that {long, short} still
  // initialises a fragment without a warning.
  std::optional<CaliperPoints> points = std::nullopt;
};

/// How a lesion's diameters were obtained (nadir extension `method`, assessment-v1.md). Never
/// changes a response: RECIST 1.1 uses the diameters, however they were measured.
struct MeasurementMethod {
  enum class Kind {
    kManual,         // calipers drawn by the reader (the default when a file says nothing)
    kSemiAutomatic,  // the axes found from one click, accepted unchanged
    kEdited,         // found from one click, then an end point moved by the reader
  };
  Kind kind = Kind::kManual;
  std::optional<PatientPoint> click;         // the point clicked (semi-automatic, edited)
  std::optional<double> volume_ml;           // the segmented lesion's volume
  std::optional<double> max_3d_diameter_mm;  // and its largest 3D diameter
  std::string algorithm;                     // the segmentation's name (`nadir measure`)
};
const char* ToString(MeasurementMethod::Kind kind);

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
  std::optional<MeasurementMethod> method;  // how the diameters were obtained
};

const char* ToString(LesionKind kind);
const char* ToString(LesionState state);

/// The organ a lesion counts against for the per-organ target limit (RECIST 1.1 §3.2): all
/// nodes are one organ, and paired organs are one organ ("left lung" and "right lung").
std::string OrganOf(const LesionRecord& lesion);

}  // namespace nadir
