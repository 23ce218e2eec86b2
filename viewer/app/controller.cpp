#include "viewer/app/controller.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "viewer/app/annotate_view.h"
#include "viewer/core/overloaded.h"

namespace nadir::viewer {

namespace {

void ApplyView(Viewer& v, const ViewIntent& in) {
  v.room.Apply(v.rects, in);
  v.rects = LayoutRects(v.room.state().layout, v.images_area);
}

void ApplyAnnotation(Viewer& v, const annotate::AnnotateIntent& a) {
  if (std::holds_alternative<annotate::SaveAssessment>(a)) return SaveAssessment(v);
  v.annotate.session.Apply(a);
  const auto* jump = std::get_if<annotate::JumpTo>(&a);
  if (!jump) return;
  v.annotate.session.TakeJump();
  ShowLesion(v.annotate, v.room, v.rects, jump->id);
}

// A series opened from the browser keeps the orientation its viewport had.
void ApplyOpenSeries(Viewer& v, const OpenSeries& open) {
  const auto& vps = v.room.state().viewports;
  const Orientation o = open.viewport < int(vps.size()) && vps[open.viewport].series >= 0
                            ? vps[open.viewport].plane.orientation
                            : Orientation::kAxial;
  v.room.Open(open.series, open.viewport, o);
}

// The viewport pressed is the timepoint worked on; measuring on a study not in the assessment
// yet adds its timepoint.
void ApplyCaliperPress(Viewer& v, const CaliperPress& a) {
  AnnotateUi& ui = v.annotate;
  const bool measuring = ui.session.tool() != annotate::Tool::kNavigate;
  const auto t = TimepointOf(ui, v.room, a.viewport, measuring);
  if (!t) return;
  ui.session.Apply(annotate::SetTimepoint{*t});
  if (!ui.session.Press(a.press)) return;
  if (auto request = ui.session.TakeAutoRequest()) {
    std::string why;
    ui.status =
        StartAutoMeasure(ui.auto_job, *v.room.SeriesOf(a.viewport), std::move(*request), &why)
            ? "Auto: measuring the lesion under the click ..."
            : why;
  }
  ui.caliper_drag = true;
  ui.drag_viewport = a.viewport;
}

// Prints the status line too: scripts wait for it.
void Say(AnnotateUi& ui, const std::string& line) {
  ui.status = line;
  std::printf("nadir-viewer: %s\n", line.c_str());
  std::fflush(stdout);
}

// The Auto tool's proposal becomes a measurement (an edit: Ctrl+Z takes it back).
void ApplyAcceptAuto(Viewer& v) {
  AnnotateUi& ui = v.annotate;
  if (!ui.auto_proposal) return;
  const AutoProposal p = std::move(*ui.auto_proposal);
  ui.auto_proposal.reset();
  if (!ui.session.PlaceAutoMeasurement(p.request, p.axes))
    return Say(ui, "Auto: " + ui.session.message());
  ui.auto_contour = p.contour;
  KeepMask(v.view3d, ui.session.annotation().selected, p.contour.series_uid, p.mask, p.contour.box);
  Say(ui, AutoRecordedText(ui.session.annotation().selected, p));
}

void ApplyDiscardAuto(Viewer& v) {
  if (!v.annotate.auto_proposal) return;
  v.annotate.auto_proposal.reset();
  Say(v.annotate, "Auto: proposal discarded, nothing recorded");
}

void EndCaliper(AnnotateUi& ui) {
  ui.caliper_drag = false;
  ui.drag_viewport = -1;
}

void ApplyAnswerClose(Viewer& v, const AnswerClose& a) {
  if (a.save) {
    SaveAssessment(v);
    if (!v.annotate.session.dirty()) glfwSetWindowShouldClose(v.window, GLFW_TRUE);
    return;
  }
  v.annotate.quit_anyway = true;  // the autosave keeps the edits
  glfwSetWindowShouldClose(v.window, GLFW_TRUE);
}

}  // namespace

void Apply(Viewer& v, const Intent& in) {
  ReadingState& state = v.room.state();
  std::visit(Overloaded{
                 [&](const ViewIntent& a) { ApplyView(v, a); },
                 [&](const annotate::AnnotateIntent& a) { ApplyAnnotation(v, a); },
                 [&](const CaliperPress& a) { ApplyCaliperPress(v, a); },
                 [&](const annotate::PointerDrag& a) { v.annotate.session.Drag(a); },
                 [&](const annotate::PointerRelease& a) {
                   v.annotate.session.Release(a);
                   EndCaliper(v.annotate);
                 },
                 [&](const annotate::PointerCancel&) {
                   v.annotate.session.Cancel();
                   EndCaliper(v.annotate);
                 },
                 [&](const AcceptAutoProposal&) { ApplyAcceptAuto(v); },
                 [&](const DiscardAutoProposal&) { ApplyDiscardAuto(v); },
                 [&](const NextLesion&) { ApplyNextLesion(v); },
                 [&](const ShowStatus& a) { v.annotate.status = a.text; },
                 [&](const ToggleView3d& a) { ApplyToggleView3d(v.view3d, a); },
                 [&](const TurnView3d& a) { ApplyTurnView3d(v.view3d, a); },
                 [&](const OpenSeries& a) { ApplyOpenSeries(v, a); },
                 [&](const SizeColumns& a) { v.split = a.split; },
                 [&](const ToggleHelp&) { state.show_help = !state.show_help; },
                 [&](const CloseHelp&) { state.show_help = false; },
                 [&](const ToggleCine&) { state.cine = !state.cine, v.cine_time = 0; },
                 [&](const Quit&) { glfwSetWindowShouldClose(v.window, GLFW_TRUE); },
                 [&](const SaveWindow&) { v.save_window = true; },
                 [&](const AskFile& a) {
                   if (a.task == FileTask::kOpenPath) v.files.open_path = a.path;
                   RequestFile(v, a.task);
                 },
                 [&](const FileChosen& a) { ApplyFileChosen(v, a.task, a.path); },
                 [&](const AnswerUnsaved& a) { ApplyAnswerUnsaved(v, a.choice); },
                 [&](const AnswerClose& a) { ApplyAnswerClose(v, a); },
                 [&](const TogglePacsWindow&) { ApplyTogglePacs(v); },
                 [&](const OpenRetrieved& a) { ApplyOpenRetrieved(v, a.folder); },
             },
             in);
}

void Apply(Viewer& v, const std::vector<Intent>& intents) {
  for (const Intent& in : intents) Apply(v, in);
}

void StartAnnotation(Viewer& v) {
  AnnotateUi& ui = v.annotate;
  const ReadingRoom& room = v.room;
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
      if (!tps.empty()) ui.session.Apply(annotate::SetTimepoint{int(tps.size()) - 1});
      return;
    }
  }
  // The baseline is the patient's earliest study listed, whichever series is on screen first.
  const SeriesSlot* baseline = BaselineSeries(room.series(), ui.patient_id);
  if (!baseline) baseline = first;
  const auto date = DateOfSeries(*baseline);
  const Date today{int(std::chrono::duration_cast<std::chrono::hours>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count() /
                       24)};
  const std::string id =
      first->summary().patient_id.empty() ? "subject" : first->summary().patient_id;
  ui.session.New(id, date.value_or(today), baseline->summary().study_description);
  ui.started = true;
  ui.started_new = true;
}

void FollowEarlierBaseline(Viewer& v) {
  AnnotateUi& ui = v.annotate;
  if (!ui.started || !ui.started_new || !UntouchedNewAssessment(ui.session)) return;
  const SeriesSlot* baseline = BaselineSeries(v.room.series(), ui.patient_id);
  if (!baseline) return;
  const auto date = DateOfSeries(*baseline);
  const Subject& subject = ui.session.subject();
  if (!date || *date >= subject.timepoints.front().date) return;
  ui.session.New(subject.id, *date, baseline->summary().study_description);
}

void TakeAutoMeasurement(Viewer& v) {
  AnnotateUi& ui = v.annotate;
  const std::string done = FinishAutoMeasure(ui.auto_job, ui.auto_proposal);
  if (!done.empty()) Say(ui, done);  // scripts wait for this line
}

void ShowPendingLesion(Viewer& v) {
  AnnotateUi& ui = v.annotate;
  if (ui.jump_pending.empty()) return;
  const ReadingState& state = v.room.state();
  bool placed = !state.viewports.empty();
  for (int i = 0; i < int(state.viewports.size()); ++i)
    if (state.viewports[i].series >= 0)
      placed &= v.room.SeriesOf(i) && v.room.SeriesOf(i)->HasGeometry();
  if (!placed) return;
  ui.session.Apply(annotate::SelectLesion{ui.jump_pending});
  ui.session.Apply(annotate::JumpTo{ui.jump_pending});
  ui.session.TakeJump();
  ShowLesion(ui, v.room, v.rects, ui.jump_pending);
  ui.jump_pending.clear();
}

void GuardClose(Viewer& v) {
  AnnotateUi& ui = v.annotate;
  if (glfwWindowShouldClose(v.window) && ui.session.dirty() && !ui.quit_anyway) {
    glfwSetWindowShouldClose(v.window, GLFW_FALSE);
    ui.ask_close = true;
  }
}

}  // namespace nadir::viewer
