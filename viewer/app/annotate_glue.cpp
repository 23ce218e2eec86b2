#include "viewer/app/annotate_glue.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "viewer/app/annotate_view.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

// How near a handle the cursor must be to grab it, in screen pixels.
constexpr double kGrabPixels = 7.0;

}  // namespace

std::vector<Intent> AnnotateKeys(const AnnotateUi& ui, const ImGuiIO& io, InputState& input) {
  std::vector<Intent> out;
  if (!ui.started || io.WantCaptureKeyboard) return out;
  auto& keys = input.keys;
  keys.erase(std::remove_if(
                 keys.begin(), keys.end(),
                 [&](const KeyPress& k) {
                   const bool ctrl = k.mods & GLFW_MOD_CONTROL;
                   const bool shift = k.mods & GLFW_MOD_SHIFT;
                   if (ctrl && k.key == GLFW_KEY_S)
                     return out.push_back(annotate::SaveAssessment{}), true;
                   if (ctrl && k.key == GLFW_KEY_Z && !shift)
                     return out.push_back(annotate::Undo{}), true;
                   if (ctrl && (k.key == GLFW_KEY_Y || k.key == GLFW_KEY_Z))
                     return out.push_back(annotate::Redo{}), true;
                   if (ctrl) return false;
                   if (ui.auto_proposal && (k.key == GLFW_KEY_ENTER || k.key == GLFW_KEY_KP_ENTER))
                     return out.push_back(AcceptAutoProposal{}), true;
                   if (ui.auto_proposal && k.key == GLFW_KEY_ESCAPE)
                     return out.push_back(DiscardAutoProposal{}), true;
                   if (k.key == GLFW_KEY_N) return out.push_back(NextLesion{}), true;
                   if (k.key == GLFW_KEY_D)
                     return out.push_back(annotate::SetTool{annotate::Tool::kLine}), true;
                   if (k.key == GLFW_KEY_A && !shift)  // Shift+A: axial view
                     return out.push_back(annotate::SetTool{annotate::Tool::kAuto}), true;
                   if (k.key == GLFW_KEY_B)
                     return out.push_back(annotate::SetTool{annotate::Tool::kBidirectional}), true;
                   if (k.key == GLFW_KEY_ESCAPE)  // also closes help: not consumed
                     out.push_back(annotate::SetTool{annotate::Tool::kNavigate});
                   return false;
                 }),
             keys.end());
  return out;
}

std::optional<Date> DateOfSeries(const SeriesSlot& slot) {
  return ParseIsoDate(slot.summary().study_date);
}

const SeriesSlot* BaselineSeries(const std::vector<std::unique_ptr<SeriesSlot>>& series,
                                 const std::string& patient_id) {
  const SeriesSlot* best = nullptr;
  std::optional<Date> best_date;
  for (const auto& s : series) {
    if (s->summary().patient_id != patient_id) continue;
    const auto date = DateOfSeries(*s);
    if (!best || (date && (!best_date || *date < *best_date))) best = s.get(), best_date = date;
  }
  return best;
}

bool UntouchedNewAssessment(const annotate::AnnotationSession& session) {
  const auto& tps = session.subject().timepoints;
  return !session.dirty() && session.path().empty() && tps.size() == 1 && tps[0].lesions.empty();
}

std::optional<int> TimepointOf(AnnotateUi& ui, const ReadingRoom& room, int v, bool create) {
  const SeriesSlot* slot = room.SeriesOf(v);
  if (!slot) return std::nullopt;
  const auto date = DateOfSeries(*slot);
  if (!date) return ui.session.annotation().timepoint;
  const auto& tps = ui.session.subject().timepoints;
  for (int t = 0; t < int(tps.size()); ++t)
    if (tps[t].date == *date) return t;
  if (!create) return std::nullopt;
  return ui.session.AddTimepoint(*date, slot->summary().study_description, "");
}

std::vector<Intent> CaliperInput(const AnnotateUi& ui, const ImGuiIO& io, const ReadingRoom& room,
                                 const std::vector<ViewportRect>& rects) {
  std::vector<Intent> out;
  if (!ui.started) return out;
  const double sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
  const double mx = io.MousePos.x * sx, my = io.MousePos.y * sy;
  if (ui.caliper_drag) {
    const auto p = PointAt(room, rects, ui.drag_viewport, mx, my);
    if (!io.MouseDown[0]) {
      if (p)
        out.push_back(annotate::PointerRelease{p->at});
      else
        out.push_back(annotate::PointerCancel{});
    } else if (p) {
      out.push_back(annotate::PointerDrag{p->at});
    }
    return out;
  }
  if (io.WantCaptureMouse || !ImGui::IsMouseClicked(0) || io.KeyShift || io.KeyCtrl) return out;
  int v = -1;
  for (int i = 0; i < int(rects.size()); ++i)
    if (rects[i].Contains(mx, my)) v = i;
  if (v < 0) return out;
  std::string why;
  const auto p = PointAt(room, rects, v, mx, my, &why);
  if (!p) {
    if (ui.session.tool() != annotate::Tool::kNavigate && !why.empty())
      out.push_back(ShowStatus{why});
    return out;
  }
  // One assessment is one subject: a click on another patient's images never lands in it.
  if (room.SeriesOf(v)->summary().patient_id != ui.patient_id) {
    out.push_back(ShowStatus{"this image is of patient " + room.SeriesOf(v)->summary().patient_id +
                             "; the assessment open is of " + ui.patient_id});
    return out;
  }
  annotate::PointerPress press{p->at, p->image.sop_uid, p->image.normal,
                               kGrabPixels * p->mm_per_pixel};
  press.series_uid = p->image.series_uid;  // a reformat: its series and plane
  press.plane = p->image.plane;
  press.half_slice_mm = p->image.half_slice_mm;
  out.push_back(CaliperPress{v, press});
  return out;
}

void DropCaliperDrag(std::vector<ViewIntent>& intents) {
  intents.erase(
      std::remove_if(intents.begin(), intents.end(),
                     [](const ViewIntent& in) { return std::holds_alternative<WindowDrag>(in); }),
      intents.end());
}

std::vector<Intent> AnnotatePanels(AnnotateUi& ui, const ViewportRect& lesions,
                                   const ViewportRect& response) {
  std::vector<Intent> out;
  if (!ui.started) return out;
  const auto place = [](const ViewportRect& r) {
    return annotate::PanelPlace{float(r.x), float(r.y), float(r.width), float(r.height)};
  };
  ui.lesion_panel.open = ui.response_panel.open = lesions.width > 0;
  ui.lesion_panel.place = place(lesions);
  ui.response_panel.place = place(response);
  for (const auto& a : annotate::DrawLesionPanel(ui.session, ui.lesion_panel)) out.push_back(a);
  for (const auto& a : annotate::DrawResponsePanel(ui.session, ui.response_panel)) out.push_back(a);
  return out;
}

void DrawAnnotateStatus(const AnnotateUi& ui, const ViewportRect& response) {
  if (!ui.started || ui.status.empty()) return;
  // Over the foot of the lesion panel, never over the images.
  ImGui::SetNextWindowPos(
      ImVec2(float(response.x) + kStatusInset, float(response.y) - kStatusInset), ImGuiCond_Always,
      ImVec2(0, 1));
  ImGui::SetNextWindowBgAlpha(kStatusAlpha);
  ImGui::Begin("##annotate-status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::TextUnformatted(ui.status.c_str());
  ImGui::End();
}

std::vector<Intent> DrawCloseQuestion(AnnotateUi& ui) {
  std::vector<Intent> out;
  if (ui.ask_close) {
    ImGui::OpenPopup("Unsaved changes");
    ui.ask_close = false;
  }
  if (!ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return out;
  ImGui::Text("The assessment of %s has unsaved changes.", ui.session.subject().id.c_str());
  ImGui::TextDisabled("Every edit is also in %s.", ui.session.AutosavePath().c_str());
  if (ImGui::Button("Save and quit")) {
    out.push_back(AnswerClose{true});
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Quit without saving")) {
    out.push_back(AnswerClose{false});
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return out;
}

}  // namespace nadir::viewer
