// What the reader asked for while annotating, as plain values. The lesion and response panels
// and the viewport's mouse and keys produce these; AnnotationSession::Apply carries them out.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "date.h"
#include "lesion.h"

namespace nadir::annotate {

enum class Tool {
  kNavigate,       // the mouse reads images; a press on a caliper handle still edits it
  kLine,           // one diameter: long axis (short axis for a node)
  kBidirectional,  // long axis and the perpendicular short axis
};
const char* ToString(Tool t);

namespace act {
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
struct Save {};
struct RecoverAutosave {};
}  // namespace act

using Action =
    std::variant<act::SelectLesion, act::AddLesion, act::DeleteLesion, act::SetKind, act::SetSite,
                 act::SetNodal, act::SetState, act::SetMergedInto, act::SetTimepoint,
                 act::SetReader, act::SetTreatmentStart, act::SetTimepointLabel, act::SetTool,
                 act::JumpTo, act::Undo, act::Redo, act::Save, act::RecoverAutosave>;

/// Mouse input on an image, already in patient space. `sop_uid` names the image under the
/// cursor, `normal` is its plane normal, `tolerance_mm` how near a handle counts as on it
/// (a few pixels at the current zoom).
namespace pointer {
struct Press {
  PatientPoint at;
  std::string sop_uid;
  PatientPoint normal{0, 0, 1};
  double tolerance_mm = 2;
};
struct Drag {
  PatientPoint at;
};
struct Release {
  PatientPoint at;
};
struct Cancel {};
}  // namespace pointer

}  // namespace nadir::annotate
