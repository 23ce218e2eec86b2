#include "measure/lesion.h"

#include <algorithm>
#include <cctype>

namespace nadir {

const char* ToString(MeasurementMethod::Kind kind) {
  switch (kind) {
    case MeasurementMethod::Kind::kManual:
      return "manual";
    case MeasurementMethod::Kind::kSemiAutomatic:
      return "semi-automatic";
    case MeasurementMethod::Kind::kEdited:
      return "edited";
  }
  return "manual";
}

const char* ToString(LesionKind kind) {
  switch (kind) {
    case LesionKind::kTarget:
      return "target";
    case LesionKind::kNonTarget:
      return "nontarget";
    case LesionKind::kNew:
      return "new";
  }
  return "?";
}

const char* ToString(LesionState state) {
  switch (state) {
    case LesionState::kMeasured:
      return "measured";
    case LesionState::kTooSmall:
      return "too_small";
    case LesionState::kAbsent:
      return "absent";
    case LesionState::kNotEvaluated:
      return "not_evaluated";
    case LesionState::kMerged:
      return "merged";
    case LesionState::kPresent:
      return "present";
    case LesionState::kUnequivocalProgression:
      return "unequivocal_progression";
    case LesionState::kEquivocal:
      return "equivocal";
    case LesionState::kUnequivocal:
      return "unequivocal";
  }
  return "?";
}

std::string OrganOf(const LesionRecord& lesion) {
  if (lesion.nodal) return "lymph node";
  std::string organ;
  for (char c : lesion.site) organ += char(std::tolower(static_cast<unsigned char>(c)));
  // trim, then fold the side of a paired organ: "Right lung" and "left lung" are one organ.
  const auto first = organ.find_first_not_of(" \t");
  const auto last = organ.find_last_not_of(" \t");
  organ = first == std::string::npos ? "" : organ.substr(first, last - first + 1);
  for (const char* side : {"left ", "right ", "bilateral "}) {
    if (organ.rfind(side, 0) == 0) organ = organ.substr(std::string(side).size());
  }
  if (organ == "lymph node" || organ == "lymph nodes" || organ == "node") return "lymph node";
  if (organ == "lungs") return "lung";
  if (organ == "kidneys") return "kidney";
  if (organ == "ovaries") return "ovary";
  if (organ == "adrenals") return "adrenal";
  return organ;
}

}  // namespace nadir
