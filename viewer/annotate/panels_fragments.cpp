// The lesion panel's parts for iRECIST fields and split lesions: a new lesion's category,
// "increased since last", and the fragments of a target that split (RECIST 1.1 §4.3.2).
#include <imgui.h>

#include <cstdio>

#include "measure/sum_of_diameters.h"
#include "viewer/annotate/overlay.h"
#include "viewer/annotate/panels.h"
#include "viewer/core/theme.h"

namespace nadir::annotate {

namespace {

using viewer::kArmed;
using viewer::kDim;

const char* CategoryName(NewLesionCategory c) {
  switch (c) {
    case NewLesionCategory::kAutomatic:
      return "auto (engine picks up to 5, 2 per organ)";
    case NewLesionCategory::kTarget:
      return "new-lesion target";
    case NewLesionCategory::kNonTarget:
      return "new-lesion non-target";
  }
  return "?";
}

std::string Mm(const std::optional<double>& mm) {
  if (!mm) return "-";
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", *mm);
  return b;
}

}  // namespace

void IRecistEditor(const AnnotationSession& s, const LesionRecord& l,
                   std::vector<AnnotateIntent>& out) {
  if (l.kind == LesionKind::kNew) {
    if (ImGui::BeginCombo("iRECIST category", CategoryName(l.new_category))) {
      for (NewLesionCategory c : {NewLesionCategory::kAutomatic, NewLesionCategory::kTarget,
                                  NewLesionCategory::kNonTarget})
        if (ImGui::Selectable(CategoryName(c), c == l.new_category))
          out.push_back(SetNewCategory{l.id, c});
      ImGui::EndCombo();
    }
  }
  const Annotation& a = s.annotation();
  if (l.kind != LesionKind::kTarget && PreviousRecord(a.subject, a.timepoint, l.id)) {
    bool increased = l.increased_since_last;
    if (ImGui::Checkbox("Increased since last assessment (iRECIST)", &increased))
      out.push_back(SetIncreased{l.id, increased});
  }
}

void FragmentEditor(const AnnotationSession& s, const LesionRecord& l,
                    std::vector<AnnotateIntent>& out) {
  if (l.kind != LesionKind::kTarget || AtBaseline(s.annotation())) return;
  if (l.fragments.empty()) {
    if (l.state == LesionState::kMeasured || l.state == LesionState::kTooSmall) {
      if (ImGui::SmallButton("Split into fragments")) out.push_back(SplitLesion{l.id});
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "RECIST 1.1 §4.3.2: a lesion that split counts the sum of its\n"
            "fragments' diameters. Each fragment is measured with the calipers.");
    }
    return;
  }
  const auto sum = TargetDiameterMm(l, s.subject().protocol);
  ImGui::Text("Split: %zu fragments, sum %s mm", l.fragments.size(), Mm(sum).c_str());
  const auto& armed = s.armed_fragment();
  for (int f = 0; f < int(l.fragments.size()); ++f) {
    const Fragment& fr = l.fragments[f];
    ImGui::PushID(f);
    const std::string name = FragmentLabel(l.id, f);
    const bool is_armed = armed && armed->lesion_id == l.id && armed->index == f &&
                          armed->timepoint == s.annotation().timepoint;
    ImGui::Text("%s", name.c_str());
    ImGui::SameLine(4 * ImGui::GetFontSize());
    if (fr.long_axis_mm || fr.short_axis_mm)
      ImGui::Text("%s x %s mm", Mm(fr.long_axis_mm).c_str(), Mm(fr.short_axis_mm).c_str());
    else
      ImGui::TextColored(kDim, "not measured");
    ImGui::SameLine(12 * ImGui::GetFontSize());
    if (is_armed)
      ImGui::TextColored(kArmed, "draw it now");
    else if (ImGui::SmallButton((fr.points ? "Re-measure" : "Measure")))
      out.push_back(MeasureFragment{l.id, f});
    ImGui::SameLine();
    if (ImGui::SmallButton("Delete")) out.push_back(DeleteFragment{l.id, f});
    ImGui::PopID();
  }
  if (ImGui::SmallButton("Add fragment")) out.push_back(AddFragment{l.id});
  ImGui::SameLine();
  ImGui::TextColored(kDim, "the next caliper drawn measures it");
}

}  // namespace nadir::annotate
