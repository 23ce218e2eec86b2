// Annotation in the reading room: the caliper tools on the viewports, the lesion and response
// panels, their keys, and the unsaved-changes guard. The model, tools and files live in
// viewer/annotate (tested without a window); this file only connects them to the viewports'
// geometry (viewer/core) and to ImGui input and drawing.
#pragma once

#include <string>
#include <vector>

#include "viewer/annotate/panels.h"
#include "viewer/annotate/session.h"
#include "viewer/app/app_intents.h"
#include "viewer/app/auto_measure.h"
#include "viewer/app/input.h"
#include "viewer/app/reading_room.h"

struct ImGuiIO;
struct ImDrawList;

namespace nadir::viewer {

struct AnnotateUi {
  std::string assessment;  // --assessment FILE (opened, or created on the first save)
  annotate::AnnotationSession session;
  annotate::LesionPanelState lesion_panel;
  annotate::ResponsePanelState response_panel;
  bool started = false;       // the session holds a subject
  bool started_new = false;   // ... a new one (not opened from a file)
  bool caliper_drag = false;  // the current left drag belongs to a caliper
  int drag_viewport = -1;
  bool quit_anyway = false;  // the reader chose to quit without saving (autosave kept)
  bool ask_close = false;
  std::string patient_id;    // DICOM PatientID of the series the assessment started on
  std::string jump_pending;  // a lesion to show once the viewports are placed (on open)
  std::string status;
  std::optional<AutoJob> auto_job;  // the Auto tool's measurement running off the UI thread
  std::optional<AutoProposal> auto_proposal;  // found, shown, not recorded until accepted
  std::optional<AutoContour> auto_contour;    // the outline of the last one-click lesion
};

/// The annotation keys (D line, A Auto, B bidirectional, Esc navigate, Ctrl+S save, Ctrl+Z
/// undo, Ctrl+Y or Ctrl+Shift+Z redo), taken out of the queue once the session has started.
/// While the Auto tool's proposal is shown, Enter records it and Esc discards it.
/// Call before CaliperInput and ViewportInput.
std::vector<Intent> AnnotateKeys(const AnnotateUi& ui, const ImGuiIO& io, InputState& input);

/// The left mouse button on the images for the caliper tools: a press (CaliperPress), then the
/// drag and release of the caliper it started (AnnotateUi::caliper_drag). Apply them before
/// ViewportInput: while a caliper owns the mouse its drag must not also window/level.
std::vector<Intent> CaliperInput(const AnnotateUi& ui, const ImGuiIO& io, const ReadingRoom& room,
                                 const std::vector<ViewportRect>& rects);

/// Drops the window/level intents of a left drag that a caliper owns.
void DropCaliperDrag(std::vector<ViewIntent>& intents);

/// The lesion and response panels, docked at `lesions` and `response` (the right column);
/// a width of 0 hides them (the column is collapsed). Returns what the reader asked for.
std::vector<Intent> AnnotatePanels(AnnotateUi& ui, const ViewportRect& lesions,
                                   const ViewportRect& response);

/// The status line (what the last save, open or measurement did) at the response panel's top.
void DrawAnnotateStatus(const AnnotateUi& ui, const ViewportRect& response);

/// Caliper lines, handles and labels over each viewport (screen space, from patient points).
void DrawCalipers(ImDrawList* draw, const AnnotateUi& ui, const ReadingRoom& room,
                  const std::vector<ViewportRect>& rects, float scale);

/// "Unsaved changes" before quitting, once the controller asked (GuardClose): save and quit,
/// quit without saving, or cancel.
std::vector<Intent> DrawCloseQuestion(AnnotateUi& ui);

}  // namespace nadir::viewer
