// Annotation in the reading room: the caliper tools on the viewports, the lesion and response
// panels, their keys, and the unsaved-changes guard. The model, tools and files live in
// viewer/annotate (tested without a window); this file only connects them to the viewports'
// geometry (viewer/core) and to ImGui input and drawing.
#pragma once

#include <string>
#include <vector>

#include "viewer/annotate/panels.h"
#include "viewer/annotate/session.h"
#include "viewer/app/auto_measure.h"
#include "viewer/app/input.h"
#include "viewer/app/reading_room.h"
#include "viewer/core/intents.h"

struct ImGuiIO;
struct ImDrawList;
struct GLFWwindow;

namespace nadir::viewer {

struct AnnotateUi {
  std::string assessment;  // --assessment FILE (opened, or created on the first save)
  annotate::AnnotationSession session;
  annotate::LesionPanelState lesion_panel;
  annotate::ResponsePanelState response_panel;
  bool started = false;       // the session holds a subject
  bool caliper_drag = false;  // the current left drag belongs to a caliper
  int drag_viewport = -1;
  bool quit_anyway = false;  // the reader chose to quit without saving (autosave kept)
  bool ask_close = false;
  std::string patient_id;    // DICOM PatientID of the series the assessment started on
  std::string jump_pending;  // a lesion to show once the viewports are placed (on open)
  std::string status;
  bool save_as_requested = false;           // a save with no file yet: the File menu asks for one
  std::optional<AutoJob> auto_job;          // the Auto tool's measurement running off the UI thread
  std::optional<AutoContour> auto_contour;  // the outline of the last one-click lesion
};

/// Call before ViewportInput: starts the session once series are listed, takes the annotation
/// keys out of the queue (D line, B bidirectional, Esc navigate, Ctrl+S save, Ctrl+Z undo,
/// Ctrl+Y or Ctrl+Shift+Z redo) and feeds the left mouse button to the caliper tools.
/// Returns true while a caliper owns the mouse (its drag must not also window/level).
bool AnnotateInput(AnnotateUi& ui, const ImGuiIO& io, ReadingRoom& room,
                   const std::vector<ViewportRect>& rects, InputState& input);

/// Drops the window/level intents of a left drag that a caliper owns.
void DropCaliperDrag(std::vector<Intent>& intents);

/// Draws the lesion and response panels and applies what they ask for (selecting a lesion
/// moves every viewport to its measurement at that viewport's timepoint).
/// The lesion and response panels, docked at `lesions` and `response` (the right column);
/// a width of 0 hides them (the column is collapsed).
void AnnotatePanels(AnnotateUi& ui, ReadingRoom& room, const std::vector<ViewportRect>& rects,
                    const ViewportRect& lesions, const ViewportRect& response);

/// Caliper lines, handles and labels over each viewport (screen space, from patient points).
void DrawCalipers(ImDrawList* draw, const AnnotateUi& ui, const ReadingRoom& room,
                  const std::vector<ViewportRect>& rects, float scale);

/// Call after the frame's quit handling: a close with unsaved changes asks first.
void AnnotateGuardClose(AnnotateUi& ui, GLFWwindow* window);

}  // namespace nadir::viewer
