// The lesion panel: what the reader records per lesion at the current timepoint.
#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <utility>

#include "measure/sum_of_diameters.h"
#include "viewer/annotate/overlay.h"
#include "viewer/annotate/panels.h"
#include "viewer/core/theme.h"

namespace nadir::annotate {

namespace {

using viewer::kDim;
using viewer::kError;
using viewer::kWarning;

const char* KindName(LesionKind k) {
  switch (k) {
    case LesionKind::kTarget:
      return "target";
    case LesionKind::kNonTarget:
      return "non-target";
    case LesionKind::kNew:
      return "new";
  }
  return "?";
}

std::string Diameter(const std::optional<double>& mm) {
  if (!mm) return "-";
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", *mm);
  return b;
}

// The diameter that counts for a lesion (short axis of a node), as text, for the "previous"
// column: the value and the date it was measured.
std::string PreviousText(const Subject& s, int timepoint, const LesionRecord& l) {
  const LesionRecord* p = PreviousRecord(s, timepoint, l.id);
  if (!p) return "";
  const auto& mm = l.nodal ? p->short_axis_mm : p->long_axis_mm;
  for (int t = timepoint - 1; t >= 0; --t)
    if (s.timepoints[t].Find(l.id) == p)
      return (mm ? Diameter(mm) + " mm" : std::string(ToString(p->state))) + " (" +
             FormatIsoDate(s.timepoints[t].date) + ")";
  return "";
}

void ToolBar(const AnnotationSession& s, std::vector<AnnotateIntent>& out) {
  for (auto [tool, label] :
       {std::pair{Tool::kNavigate, "Navigate (Esc)"}, std::pair{Tool::kLine, "Line (D)"},
        std::pair{Tool::kBidirectional, "Bidirectional (B)"}, std::pair{Tool::kAuto, "Auto (A)"}}) {
    // The next button on this line when it fits, else on the next: a narrow column wraps them.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width =
        ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (tool != Tool::kNavigate && ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right)
      ImGui::SameLine();
    if (ImGui::RadioButton(label, s.tool() == tool)) out.push_back(SetTool{tool});
  }
  if (ImGui::Button("Undo") && s.CanUndo()) out.push_back(Undo{});
  ImGui::SameLine();
  if (ImGui::Button("Redo") && s.CanRedo()) out.push_back(Redo{});
  ImGui::SameLine();
  if (ImGui::Button("Save")) out.push_back(SaveAssessment{});
  ImGui::SameLine();
  const char* saved = s.dirty() ? "unsaved changes" : s.path().empty() ? "no file yet" : "saved";
  ImGui::TextColored(s.dirty() ? kWarning : kDim, "%s", saved);
  if (s.autosave_available()) {
    ImGui::TextColored(kWarning, "Unsaved edits of an earlier session were found.");
    ImGui::SameLine();
    if (ImGui::SmallButton("Recover")) out.push_back(RecoverAutosave{});
  }
  if (!s.message().empty()) ImGui::TextColored(kDim, "%s", s.message().c_str());
}

void TimepointPicker(const AnnotationSession& s, std::vector<AnnotateIntent>& out) {
  const Subject& subj = s.subject();
  const Timepoint* tp = CurrentTimepoint(s.annotation());
  std::string preview = tp ? FormatIsoDate(tp->date) + "  " + tp->label : "(none)";
  if (ImGui::BeginCombo("Timepoint", preview.c_str())) {
    for (int t = 0; t < int(subj.timepoints.size()); ++t) {
      const std::string name = FormatIsoDate(subj.timepoints[t].date) + "  " +
                               subj.timepoints[t].label + (t == 0 ? "  (baseline)" : "");
      if (ImGui::Selectable(name.c_str(), t == s.annotation().timepoint))
        out.push_back(SetTimepoint{t});
    }
    ImGui::EndCombo();
  }
}

// Reader, treatment start (day 0 of SD duration, PFS and OS) and the timepoint's label.
void SubjectFields(const AnnotationSession& s, LesionPanelState& st,
                   std::vector<AnnotateIntent>& out) {
  const Subject& subj = s.subject();
  const int tp = s.annotation().timepoint;
  if (st.subject_revision != s.revision() || st.subject_timepoint != tp) {
    std::snprintf(st.reader, sizeof st.reader, "%s", subj.reader.c_str());
    std::snprintf(st.treatment_start, sizeof st.treatment_start, "%s",
                  subj.treatment_start ? FormatIsoDate(*subj.treatment_start).c_str() : "");
    const Timepoint* t = CurrentTimepoint(s.annotation());
    std::snprintf(st.label, sizeof st.label, "%s", t ? t->label.c_str() : "");
    st.subject_revision = s.revision();
    st.subject_timepoint = tp;
  }
  if (!ImGui::CollapsingHeader("Subject and timepoint")) return;
  const auto enter = ImGuiInputTextFlags_EnterReturnsTrue;
  if (!s.locked_reader().empty())
    ImGui::Text("Reader %s (blinded read)", s.locked_reader().c_str());
  else if (ImGui::InputText("Reader", st.reader, sizeof st.reader, enter))
    out.push_back(SetReader{st.reader});
  if (ImGui::InputText("Treatment start", st.treatment_start, sizeof st.treatment_start, enter)) {
    if (st.treatment_start[0] == 0)
      out.push_back(SetTreatmentStart{std::nullopt});
    else if (const auto d = ParseIsoDate(st.treatment_start))
      out.push_back(SetTreatmentStart{d});
  }
  if (st.treatment_start[0] && !ParseIsoDate(st.treatment_start))
    ImGui::TextColored(kWarning, "not a date: YYYY-MM-DD (Enter applies)");
  if (ImGui::InputText("Timepoint label", st.label, sizeof st.label, enter))
    out.push_back(SetTimepointLabel{tp, st.label});
}

void SelectedEditor(const AnnotationSession& s, LesionPanelState& st, const LesionRecord& l,
                    std::vector<AnnotateIntent>& out) {
  const bool baseline = AtBaseline(s.annotation());
  ImGui::Separator();
  ImGui::Text("%s (%s)", l.id.c_str(), KindName(l.kind));
  if (baseline && l.kind != LesionKind::kNew) {
    ImGui::SameLine();
    const LesionKind other =
        l.kind == LesionKind::kTarget ? LesionKind::kNonTarget : LesionKind::kTarget;
    if (ImGui::SmallButton(other == LesionKind::kTarget ? "make target" : "make non-target"))
      out.push_back(SetKind{l.id, other});
  }
  // Site: a pick list, or free text.
  if (st.site_text_for != l.id) {
    std::snprintf(st.site_text, sizeof st.site_text, "%s", l.site.c_str());
    st.site_text_for = l.id;
  }
  if (ImGui::BeginCombo("Site", l.site.empty() ? "(choose)" : l.site.c_str())) {
    for (const std::string& site : SitePickList())
      if (ImGui::Selectable(site.c_str(), site == l.site)) {
        out.push_back(SetSite{l.id, site});
        st.site_text_for.clear();
      }
    ImGui::EndCombo();
  }
  if (ImGui::InputText("Other site", st.site_text, sizeof st.site_text,
                       ImGuiInputTextFlags_EnterReturnsTrue))
    out.push_back(SetSite{l.id, st.site_text});
  bool nodal = l.nodal;
  if (baseline || l.kind == LesionKind::kNew) {
    if (ImGui::Checkbox("Lymph node (short axis counts)", &nodal))
      out.push_back(SetNodal{l.id, nodal});
  } else {
    ImGui::TextColored(kDim, "%s", l.nodal ? "lymph node" : "not nodal");
  }
  if (ImGui::BeginCombo("State", ToString(l.state))) {
    for (LesionState state : StatesFor(l.kind))
      if (ImGui::Selectable(ToString(state), state == l.state))
        out.push_back(SetState{l.id, state});
    ImGui::EndCombo();
  }
  if (l.state == LesionState::kMerged)
    ImGui::TextColored(kDim, "merged into %s", l.merged_into.c_str());
  if (l.method && l.method->kind != MeasurementMethod::Kind::kManual) {
    // One click gave the axes: say so, with the volume (informational; RECIST uses diameters).
    const bool edited = l.method->kind == MeasurementMethod::Kind::kEdited;
    if (l.method->volume_ml)
      ImGui::TextColored(kDim, "%s from one click, %.2f mL", edited ? "edited" : "measured",
                         *l.method->volume_ml);
    else
      ImGui::TextColored(kDim, "%s from one click", edited ? "edited" : "measured");
  }
  if (l.kind == LesionKind::kTarget && !baseline) {
    const Timepoint* tp = CurrentTimepoint(s.annotation());
    if (ImGui::BeginCombo("Merged into", l.merged_into.empty() ? "-" : l.merged_into.c_str())) {
      for (const LesionRecord& h : tp->lesions)
        if (h.kind == LesionKind::kTarget && h.id != l.id && ImGui::Selectable(h.id.c_str()))
          out.push_back(SetMergedInto{l.id, h.id});
      ImGui::EndCombo();
    }
  }
  IRecistEditor(s, l, out);
  FragmentEditor(s, l, out);
  if (ImGui::SmallButton(baseline ? "Delete lesion (all timepoints)" : "Delete at this timepoint"))
    out.push_back(DeleteLesion{l.id});
}

}  // namespace

std::vector<AnnotateIntent> DrawLesionPanel(const AnnotationSession& s, LesionPanelState& st) {
  std::vector<AnnotateIntent> out;
  if (!st.open) return out;
  if (!BeginPanel("Lesions", st.place, &st.open, viewer::kLesionPanelFloating[0],
                  viewer::kLesionPanelFloating[1])) {
    ImGui::End();
    return out;
  }
  const Annotation& a = s.annotation();
  ImGui::Text("Subject %s%s", a.subject.id.c_str(), s.dirty() ? " *" : "");
  if (!s.path().empty()) ImGui::TextColored(kDim, "%s", s.path().c_str());
  ToolBar(s, out);
  TimepointPicker(s, out);
  SubjectFields(s, st, out);
  const Timepoint* tp = CurrentTimepoint(a);
  if (!tp) {
    ImGui::End();
    return out;
  }
  const bool baseline = AtBaseline(a);
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("lesions", 6, flags)) {
    // Fixed widths (in font heights): a table sizes itself from the previous frame, and a
    // screenshot has only two.
    const float em = ImGui::GetFontSize();
    for (auto [h, w] :
         {std::pair{"Id", 2.5f}, std::pair{"Kind", 5.5f}, std::pair{"Site", 8.5f},
          std::pair{"State", 7.0f}, std::pair{"Long x short", 6.5f}, std::pair{"Previous", 10.0f}})
      ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthFixed, w * em);
    ImGui::TableHeadersRow();
    for (const LesionRecord& l : tp->lesions) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool selected = l.id == a.selected;
      if (ImGui::Selectable(l.id.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        out.push_back(SelectLesion{l.id});
        out.push_back(JumpTo{l.id});
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(KindName(l.kind));
      ImGui::TableNextColumn();
      ImGui::Text("%s%s", l.site.c_str(), l.nodal ? " (node)" : "");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(ToString(l.state));
      ImGui::TableNextColumn();
      if (!l.fragments.empty())  // the engine's diameter of a split lesion: the fragments' sum
        ImGui::Text("split %s", Diameter(TargetDiameterMm(l, a.subject.protocol)).c_str());
      else
        ImGui::Text("%s x %s", Diameter(l.long_axis_mm).c_str(), Diameter(l.short_axis_mm).c_str());
      ImGui::TableNextColumn();
      ImGui::TextColored(kDim, "%s", PreviousText(a.subject, a.timepoint, l).c_str());
    }
    ImGui::EndTable();
  }
  // A follow-up: earlier lesions still to assess. Selecting one makes the next caliper
  // measure it; the buttons record what needs no measurement.
  const auto pending = NotYetAssessed(a.subject, a.timepoint);
  if (!pending.empty()) {
    ImGui::TextColored(kWarning, "Not yet assessed at this timepoint:");
    for (const std::string& id : pending) {
      ImGui::PushID(id.c_str());
      const LesionRecord* first = FirstRecord(a.subject, id);
      if (ImGui::Selectable(id.c_str(), id == a.selected, 0, ImVec2(40, 0))) {
        out.push_back(SelectLesion{id});
        out.push_back(JumpTo{id});
      }
      ImGui::SameLine();
      ImGui::TextColored(kDim, "%s %s", KindName(first->kind), first->site.c_str());
      for (LesionState state : StatesFor(first->kind)) {
        if (state == LesionState::kMeasured || state == LesionState::kMerged) continue;
        ImGui::SameLine();
        if (ImGui::SmallButton(ToString(state))) out.push_back(SetState{id, state});
      }
      ImGui::PopID();
    }
  }
  if (baseline) {
    if (ImGui::Button("+ Target")) out.push_back(AddLesion{LesionKind::kTarget});
    ImGui::SameLine();
    if (ImGui::Button("+ Non-target")) out.push_back(AddLesion{LesionKind::kNonTarget});
  } else if (ImGui::Button("+ New lesion")) {
    out.push_back(AddLesion{LesionKind::kNew});
  }
  if (const LesionRecord* l = tp->Find(a.selected)) {
    SelectedEditor(s, st, *l, out);
  } else if (const LesionRecord* first = FirstRecord(a.subject, a.selected)) {
    // Not assessed here yet: its editor as the record would start (merge and split create it).
    LesionRecord pending = *first;
    pending.state = DefaultState(first->kind);
    pending.long_axis_mm.reset();
    pending.short_axis_mm.reset();
    pending.fragments.clear();
    pending.merged_into.clear();
    pending.increased_since_last = false;
    pending.points.reset();
    SelectedEditor(s, st, pending, out);
  }

  const SubjectResult& r = s.Results();
  if (!r.errors.empty() || !r.warnings.empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted("Guidance (engine)");
    for (const auto& e : r.errors) ImGui::TextColored(kError, "%s", e.c_str());
    for (const auto& w : r.warnings) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(kWarning, "%s", w.c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::End();
  return out;
}

}  // namespace nadir::annotate
