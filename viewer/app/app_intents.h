// Every intent the viewer's controller applies (controller.h): the view intents of the
// viewports (viewer/core/view_intents.h), the annotation intents of the lesion and response
// panels (viewer/annotate/annotate_intents.h), and the application's own below: the menus,
// the study browser, the File menu and its dialogs, reader mode and the close guard. Panels
// and input return these; none of them changes the reading room, the assessment or a file.
#pragma once

#include <string>
#include <variant>

#include "viewer/annotate/annotate_intents.h"
#include "viewer/core/screen_layout.h"
#include "viewer/core/view_intents.h"

namespace nadir::viewer {

/// A file task of the File menu: each but kOpenPath shows a file dialog first.
enum class FileTask {
  kNone,
  kOpenJson,           // open an assessment file
  kOpenSr,             // open a folder of DICOM SR reports
  kSaveAs,             // save the assessment under a new name
  kExportSr,           // export the assessment as DICOM SR
  kExportSrTimepoint,  // export only the timepoint on screen
  kOpenPath,           // open an assessment chosen elsewhere (the reader's case list)
};

struct OpenSeries {
  int series;
  int viewport;
};  // the study browser: show a series in a viewport
struct SizeColumns {
  ScreenSplit split;
};  // a splitter dragged, a column folded or unfolded
struct ToggleHelp {};
struct CloseHelp {};
struct ToggleCine {};
struct Quit {};        // asks first when the assessment has unsaved changes
struct SaveWindow {};  // F12: the window as it is, into nadir-window-N.png
struct AskFile {
  FileTask task;
  std::string path = {};  // kOpenPath only
};                        // a File menu item, Ctrl+O, Ctrl+Shift+S, a case in the reader's list
struct FileChosen {
  FileTask task;
  std::string path;
};  // the file dialog's answer
struct AnswerUnsaved {
  enum class Choice { kSaveFirst, kDiscard, kCancel } choice;
};  // "Unsaved changes" before an open
struct AnswerClose {
  bool save;
};  // "Unsaved changes" before quitting: save and quit, or quit without saving
struct CaliperPress {
  int viewport;
  annotate::PointerPress press;
};  // the left button on an image while annotating (the drag and release follow as
    // annotate::PointerDrag, PointerRelease or PointerCancel)
struct AcceptAutoProposal {};   // Enter: record what the Auto tool proposes
struct DiscardAutoProposal {};  // Esc: drop it, nothing recorded
struct TogglePacsWindow {};     // File > Open from PACS
struct OpenRetrieved {
  std::string folder;
};  // a series arrived from the PACS (a cache folder): list it beside the others, show it
struct NextLesion {};  // N: both viewports to the next baseline lesion, a proposal at the follow-up
struct ShowStatus {
  std::string text;
};  // why a click did not measure
struct ToggleView3d {
  int viewport;
};  // V, View > 3D view: the viewport shows its series in 3D, or its slices again
struct TurnView3d {
  int viewport;
  double azimuth_deg = 0, elevation_deg = 0;  // added to the camera's
  double zoom = 1;                            // multiplies the camera's
};                                            // a drag or the wheel on a 3D viewport

using Intent =
    std::variant<ViewIntent, annotate::AnnotateIntent, CaliperPress, annotate::PointerDrag,
                 annotate::PointerRelease, annotate::PointerCancel, AcceptAutoProposal,
                 DiscardAutoProposal, NextLesion, ShowStatus, ToggleView3d, TurnView3d, OpenSeries,
                 SizeColumns, ToggleHelp, CloseHelp, ToggleCine, Quit, SaveWindow, AskFile,
                 FileChosen, AnswerUnsaved, AnswerClose, TogglePacsWindow, OpenRetrieved>;

}  // namespace nadir::viewer
