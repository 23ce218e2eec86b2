#include "viewer/app/annotate_glue.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "viewer/app/annotate_view.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

namespace an = nadir::annotate;

// How near a handle the cursor must be to grab it, in screen pixels.
constexpr double kGrabPixels = 7.0;

std::optional<Date> DateOfSeries(const SeriesSlot& slot) {
  return ParseIsoDate(slot.summary().study_date);
}

// One save path for the Save button, Ctrl+S and "Save and quit": the open file, else
// --assessment FILE, else the File menu's Save-as dialog (which proposes SUBJECT.json).
void Save(AnnotateUi& ui) {
  std::string error;
  if (ui.session.path().empty() && ui.assessment.empty()) {
    ui.save_as_requested = true;
    return;
  }
  const bool ok = ui.session.path().empty() ? ui.session.SaveAs(ui.assessment, &error)
                                            : ui.session.Save(&error);
  ui.status = ok ? "saved " + ui.session.path() : "not saved: " + error;
  if (ok) std::printf("nadir-viewer: saved %s\n", ui.session.path().c_str());
  std::fflush(stdout);
}

// Opens --assessment, or starts a new assessment of the first series' patient, once the
// series are listed.
void Start(AnnotateUi& ui, const ReadingRoom& room) {
  if (ui.started || room.series().empty()) return;
  const SeriesSlot* first = room.SeriesOf(0) ? room.SeriesOf(0) : room.series().front().get();
  ui.patient_id = first->summary().patient_id;
  std::error_code ec;
  if (!ui.assessment.empty() && std::filesystem::exists(ui.assessment, ec)) {
    std::string error;
    if (!ui.session.Open(ui.assessment, &error)) {
      ui.status = error;
      std::fprintf(stderr, "nadir-viewer: %s\n", error.c_str());
      ui.assessment.clear();  // never overwrite a file we could not read
    } else {
      ui.started = true;
      // Open at the first lesion of the baseline, as a reader starts, with the lesion panel at
      // the latest timepoint: where reading goes on (a click in a viewport picks another).
      const auto& tps = ui.session.subject().timepoints;
      if (!tps.empty() && !tps.front().lesions.empty())
        ui.jump_pending = tps.front().lesions.front().id;
      if (!tps.empty()) ui.session.Apply(an::act::SetTimepoint{int(tps.size()) - 1});
      return;
    }
  }
  const auto date = DateOfSeries(*first);
  const Date today{int(std::chrono::duration_cast<std::chrono::hours>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count() /
                       24)};
  const std::string id =
      first->summary().patient_id.empty() ? "subject" : first->summary().patient_id;
  ui.session.New(id, date.value_or(today), first->summary().study_description);
  ui.started = true;
}

void Keys(AnnotateUi& ui, const ImGuiIO& io, InputState& input) {
  if (io.WantCaptureKeyboard) return;
  auto& keys = input.keys;
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [&](const KeyPress& k) {
                              const bool ctrl = k.mods & GLFW_MOD_CONTROL;
                              const bool shift = k.mods & GLFW_MOD_SHIFT;
                              if (ctrl && k.key == GLFW_KEY_S) return Save(ui), true;
                              if (ctrl && k.key == GLFW_KEY_Z && !shift)
                                return ui.session.Apply(an::act::Undo{}), true;
                              if (ctrl && (k.key == GLFW_KEY_Y || k.key == GLFW_KEY_Z))
                                return ui.session.Apply(an::act::Redo{}), true;
                              if (ctrl) return false;
                              if (k.key == GLFW_KEY_D)
                                return ui.session.Apply(an::act::SetTool{an::Tool::kLine}), true;
                              if (k.key == GLFW_KEY_A && !shift)  // Shift+A: axial view
                                return ui.session.Apply(an::act::SetTool{an::Tool::kAuto}), true;
                              if (k.key == GLFW_KEY_B)
                                return ui.session.Apply(an::act::SetTool{an::Tool::kBidirectional}),
                                       true;
                              if (k.key == GLFW_KEY_ESCAPE)  // also closes help: not consumed
                                ui.session.Apply(an::act::SetTool{an::Tool::kNavigate});
                              return false;
                            }),
             keys.end());
}

}  // namespace

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

bool AnnotateInput(AnnotateUi& ui, const ImGuiIO& io, ReadingRoom& room,
                   const std::vector<ViewportRect>& rects, InputState& input) {
  Start(ui, room);
  if (!ui.started) return false;
  Keys(ui, io, input);
  const double sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
  const double mx = io.MousePos.x * sx, my = io.MousePos.y * sy;
  if (ui.caliper_drag) {
    const auto p = PointAt(room, rects, ui.drag_viewport, mx, my);
    if (!io.MouseDown[0]) {
      if (p)
        ui.session.Release({p->at});
      else
        ui.session.Cancel();
      ui.caliper_drag = false;
      ui.drag_viewport = -1;
      return true;
    }
    if (p) ui.session.Drag({p->at});
    return true;
  }
  if (io.WantCaptureMouse || !ImGui::IsMouseClicked(0) || io.KeyShift || io.KeyCtrl) return false;
  int v = -1;
  for (int i = 0; i < int(rects.size()); ++i)
    if (rects[i].Contains(mx, my)) v = i;
  if (v < 0) return false;
  std::string why;
  const auto p = PointAt(room, rects, v, mx, my, &why);
  if (!p) {
    if (ui.session.tool() != an::Tool::kNavigate && !why.empty()) ui.status = why;
    return false;
  }
  // One assessment is one subject: a click on another patient's images never lands in it.
  if (room.SeriesOf(v)->summary().patient_id != ui.patient_id) {
    ui.status = "this image is of patient " + room.SeriesOf(v)->summary().patient_id +
                "; the assessment open is of " + ui.patient_id;
    return false;
  }
  // The viewport clicked is the timepoint worked on; measuring on a study not in the
  // assessment yet adds its timepoint.
  const bool measuring = ui.session.tool() != an::Tool::kNavigate;
  if (const auto t = TimepointOf(ui, room, v, measuring))
    ui.session.Apply(an::act::SetTimepoint{*t});
  else
    return false;
  an::pointer::Press press{p->at, p->image.sop_uid, p->image.normal, kGrabPixels * p->mm_per_pixel};
  press.series_uid = p->image.series_uid;  // a reformat: its series and plane
  press.plane = p->image.plane;
  press.half_slice_mm = p->image.half_slice_mm;
  if (!ui.session.Press(press)) return false;
  if (auto request = ui.session.TakeAutoRequest()) {
    std::string why;
    ui.status = StartAutoMeasure(ui.auto_job, *room.SeriesOf(v), std::move(*request), &why)
                    ? "Auto: measuring the lesion under the click ..."
                    : why;
  }
  ui.caliper_drag = true;
  ui.drag_viewport = v;
  return true;
}

void DropCaliperDrag(std::vector<Intent>& intents) {
  intents.erase(
      std::remove_if(intents.begin(), intents.end(),
                     [](const Intent& in) { return std::holds_alternative<intent::Window>(in); }),
      intents.end());
}

void AnnotatePanels(AnnotateUi& ui, ReadingRoom& room, const std::vector<ViewportRect>& rects,
                    const ViewportRect& lesions, const ViewportRect& response) {
  if (!ui.started) return;
  const auto place = [](const ViewportRect& r) {
    return an::PanelPlace{float(r.x), float(r.y), float(r.width), float(r.height)};
  };
  ui.lesion_panel.open = ui.response_panel.open = lesions.width > 0;
  ui.lesion_panel.place = place(lesions);
  ui.response_panel.place = place(response);
  if (const std::string done = FinishAutoMeasure(ui.auto_job, ui.session, ui.auto_contour);
      !done.empty()) {
    ui.status = done;
    std::printf("nadir-viewer: %s\n", done.c_str());  // scripts wait for this line
    std::fflush(stdout);
  }
  std::vector<an::Action> actions;
  if (!ui.jump_pending.empty()) {
    bool placed = !room.state().viewports.empty();
    for (int v = 0; v < int(room.state().viewports.size()); ++v)
      if (room.state().viewports[v].series >= 0)
        placed &= room.SeriesOf(v) && room.SeriesOf(v)->HasGeometry();
    if (placed) {  // before the panels draw, so that this very frame shows the selection
      ui.session.Apply(an::act::SelectLesion{ui.jump_pending});
      ui.session.Apply(an::act::JumpTo{ui.jump_pending});
      ui.session.TakeJump();
      ShowLesion(ui, room, rects, ui.jump_pending);
      ui.jump_pending.clear();
    }
  }
  const auto lesion_actions = an::DrawLesionPanel(ui.session, ui.lesion_panel);
  actions.insert(actions.end(), lesion_actions.begin(), lesion_actions.end());
  const auto more = an::DrawResponsePanel(ui.session, ui.response_panel);
  actions.insert(actions.end(), more.begin(), more.end());
  for (const an::Action& a : actions) {
    if (std::holds_alternative<an::act::Save>(a)) {
      Save(ui);
      continue;
    }
    ui.session.Apply(a);
    const auto* jump = std::get_if<an::act::JumpTo>(&a);
    if (!jump) continue;
    ui.session.TakeJump();
    ShowLesion(ui, room, rects, jump->id);
  }
  if (!ui.status.empty()) {
    // Over the foot of the lesion panel, never over the images.
    ImGui::SetNextWindowPos(
        ImVec2(float(response.x) + kStatusInset, float(response.y) - kStatusInset),
        ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowBgAlpha(kStatusAlpha);
    ImGui::Begin("##annotate-status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::TextUnformatted(ui.status.c_str());
    ImGui::End();
  }
}

void AnnotateGuardClose(AnnotateUi& ui, GLFWwindow* window) {
  if (glfwWindowShouldClose(window) && ui.session.dirty() && !ui.quit_anyway) {
    glfwSetWindowShouldClose(window, GLFW_FALSE);
    ui.ask_close = true;
  }
  if (ui.ask_close) {
    ImGui::OpenPopup("Unsaved changes");
    ui.ask_close = false;
  }
  if (!ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  ImGui::Text("The assessment of %s has unsaved changes.", ui.session.subject().id.c_str());
  ImGui::TextDisabled("Every edit is also in %s.", ui.session.AutosavePath().c_str());
  if (ImGui::Button("Save and quit")) {
    Save(ui);
    if (!ui.session.dirty()) glfwSetWindowShouldClose(window, GLFW_TRUE);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Quit without saving")) {
    ui.quit_anyway = true;
    glfwSetWindowShouldClose(window, GLFW_TRUE);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace nadir::viewer
