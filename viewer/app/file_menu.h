// The File menu of the reading room: open and save assessment files, open and export DICOM SR,
// each through the in-viewer file dialog, with the unsaved-changes question before anything
// replaces the assessment being annotated.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "viewer/annotate/file_browser.h"
#include "viewer/app/annotate_glue.h"
#include "viewer/app/input.h"
#include "viewer/app/reading_room.h"

struct ImGuiIO;

namespace nadir::viewer {

struct FileMenuUi {
  std::string images;  // the studies folder the viewer shows (SR export finds studies there)
  enum class Pending {
    kNone,
    kOpenJson,
    kOpenSr,
    kSaveAs,
    kExportSr,
    kExportSrTimepoint,
    kOpenPath
  };
  Pending pending = Pending::kNone;       // the dialog to show next
  Pending after_dialog = Pending::kNone;  // what the dialog on screen chooses for
  Pending after_save = Pending::kNone;    // an open that waits for "save first"
  bool ask_unsaved = false;
  std::string open_path;  // kOpenPath: an assessment chosen elsewhere (the reader's case list)
  annotate::FileBrowser browser;
  bool dialog_open = false;
  bool show_subject = false;  // show the opened subject's studies once the series are listed
  std::string sr_title;       // the SR window's title ("" when closed)
  std::vector<std::string> sr_details;  // what the last SR open/export wrote, read or warned
};

/// The File menu's items; call between BeginMainMenuBar and EndMainMenuBar.
void DrawFileMenu(FileMenuUi& ui, AnnotateUi& annotate);

/// Ctrl+O opens, Ctrl+Shift+S saves as; Ctrl+S on an assessment without a file asks for one.
/// Call before AnnotateInput (which takes the other annotation keys).
void FileMenuKeys(FileMenuUi& ui, const AnnotateUi& annotate, const ImGuiIO& io, InputState& input);

/// The dialogs and the SR window; applies what the reader chose. After an open, the viewports
/// show the subject's baseline and latest follow-up when those studies are in the folder.
void DrawFileDialogs(FileMenuUi& ui, AnnotateUi& annotate, ReadingRoom& room);

/// Shows the Save-as dialog when a save found no file to write (AnnotateUi::save_as_requested).
void SaveAsWhenAsked(FileMenuUi& ui, AnnotateUi& annotate);

/// Opens the assessment `path` without a dialog, asking first about unsaved changes.
void RequestOpenFile(FileMenuUi& ui, const AnnotateUi& annotate, const std::string& path);

/// Opens DICOM SR reports from `dir` at start-up (--sr); false with `error` set when none opened.
bool OpenSrAtStart(FileMenuUi& ui, AnnotateUi& annotate, const std::string& dir,
                   std::string* error);

/// Once a frame: after OpenSrAtStart, shows the subject's studies when the scan has listed them.
void ShowSubjectWhenListed(FileMenuUi& ui, AnnotateUi& annotate, ReadingRoom& room);

}  // namespace nadir::viewer
