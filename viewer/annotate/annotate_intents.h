// Annotation intents: what the reader asked for while annotating, as plain values. The lesion
// and response panels and the viewport's keys produce them; AnnotationSession::Apply carries
// them out (the viewer's controller hands them on, viewer/app/controller.h). The same
// vocabulary as the view intents (viewer/core/view_intents.h): one struct per request.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "measure/date.h"
#include "measure/lesion.h"

namespace nadir::annotate {

enum class Tool {
  kNavigate,       // the mouse reads images; a press on a caliper handle still edits it
  kLine,           // one diameter: long axis (short axis for a node)
  kBidirectional,  // long axis and the perpendicular short axis
  kAuto,           // one click in a lesion: its axes found from the image (analysis/)
};
const char* ToString(Tool t);

struct SelectLesion {
  std::string id;
};
struct AddLesion {
  LesionKind kind;
};
struct DeleteLesion {
  std::string id;
};  // from the current timepoint only
struct SetKind {
  std::string id;
  LesionKind kind;
};  // baseline only: renames the lesion
struct SetSite {
  std::string id;
  std::string site;
};
struct SetNodal {
  std::string id;
  bool nodal;
};
struct SetState {
  std::string id;
  LesionState state;
};
struct SetMergedInto {
  std::string id;
  std::string host;
};
// iRECIST: a new lesion counted as a new-lesion target or non-target by the reader, or
// kAutomatic (the engine picks up to five measurable ones, two per organ; Seymour 2017).
// Fixed at the lesion's first appearance, so it is set on every record of the lesion.
struct SetNewCategory {
  std::string id;
  NewLesionCategory category;
};
// iRECIST: a non-target or new lesion grew since the previous assessment (the "any further
// increase" that confirms progression after an iUPD); recorded at the current follow-up.
struct SetIncreased {
  std::string id;
  bool increased;
};
// RECIST 1.1 §4.3.2: a target lesion that split at the current follow-up. Split turns its
// measurement (if any) into fragment a and adds an empty fragment b to measure.
struct SplitLesion {
  std::string id;
};
struct AddFragment {
  std::string id;
};  // an empty fragment, armed for the next caliper
struct DeleteFragment {
  std::string id;
  int index;
};  // the last fragment deleted makes the lesion whole again
struct MeasureFragment {
  std::string id;
  int index;
};  // the next caliper drawn fills this fragment (not an edit: no undo step)
struct SetTimepoint {
  int index;
};
struct SetReader {
  std::string reader;
};
struct SetTreatmentStart {
  std::optional<Date> date;
};  // day 0 of SD duration, PFS, OS
struct SetTimepointLabel {
  int index;
  std::string label;
};
struct SetTool {
  Tool tool;
};
struct JumpTo {
  std::string id;
};  // show the lesion's measurement in the viewports
struct Undo {};
struct Redo {};
struct SaveAssessment {};
struct RecoverAutosave {};

using AnnotateIntent =
    std::variant<SelectLesion, AddLesion, DeleteLesion, SetKind, SetSite, SetNodal, SetState,
                 SetMergedInto, SetNewCategory, SetIncreased, SplitLesion, AddFragment,
                 DeleteFragment, MeasureFragment, SetTimepoint, SetReader, SetTreatmentStart,
                 SetTimepointLabel, SetTool, JumpTo, Undo, Redo, SaveAssessment, RecoverAutosave>;

/// Mouse input on an image, already in patient space. `sop_uid` names the native image under
/// the cursor, `normal` is its plane normal, `tolerance_mm` how near a handle counts as on it
/// (a few pixels at the current zoom). On a reformat (coronal, sagittal ...) no image has a
/// SOP Instance UID: `sop_uid` is "" and the series, the plane's name and half a voxel along
/// the normal (how far off the plane a measurement still shows) say where it is.
struct PointerPress {
  PatientPoint at;
  std::string sop_uid;
  PatientPoint normal{0, 0, 1};
  double tolerance_mm = 2;
  // Reformat only; initialised so that {at, sop_uid, normal, tolerance} stays warning-free.
  std::string series_uid = {};
  std::string plane = {};  // "axial", "coronal" or "sagittal"
  double half_slice_mm = 0.5;
};
struct PointerDrag {
  PatientPoint at;
};
struct PointerRelease {
  PatientPoint at;
};
struct PointerCancel {};

}  // namespace nadir::annotate
