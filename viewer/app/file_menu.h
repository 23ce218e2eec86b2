// The File menu of the reading room: open and save assessment files, open and export DICOM SR,
// each through the in-viewer file dialog, with the unsaved-changes question before anything
// replaces the assessment being annotated. It draws and returns intents; the controller
// (controller_files.cpp) opens, saves and exports.
#pragma once

#include <string>
#include <vector>

#include "viewer/annotate/file_browser.h"
#include "viewer/app/annotate_glue.h"
#include "viewer/app/app_intents.h"
#include "viewer/app/input.h"

struct ImGuiIO;

namespace nadir::viewer {

struct FileMenuUi {
  std::string images;  // the studies folder the viewer shows (SR export finds studies there)
  FileTask pending = FileTask::kNone;       // the dialog to show next
  FileTask after_dialog = FileTask::kNone;  // what the dialog on screen chooses for
  FileTask after_save = FileTask::kNone;    // an open that waits for "save first"
  bool ask_unsaved = false;
  std::string open_path;  // kOpenPath: an assessment chosen elsewhere (the reader's case list)
  annotate::FileBrowser browser;
  bool dialog_open = false;
  bool show_subject = false;  // show the opened subject's studies once the series are listed
  std::string sr_title;       // the SR window's title ("" when closed)
  std::vector<std::string> sr_details;  // what the last SR open/export wrote, read or warned
};

/// The File menu's items; call between BeginMainMenuBar and EndMainMenuBar.
std::vector<Intent> DrawFileMenu(const FileMenuUi& ui, const AnnotateUi& annotate);

/// Ctrl+O opens, Ctrl+Shift+S saves as; Ctrl+S on an assessment without a file asks for one.
/// Call before AnnotateInput (which takes the other annotation keys).
std::vector<Intent> FileMenuKeys(const AnnotateUi& annotate, const ImGuiIO& io, InputState& input);

/// The unsaved-changes question, the file dialog the controller asked for (FileMenuUi::pending)
/// and the SR window. Returns the answers: the file chosen, the choice about unsaved changes.
std::vector<Intent> DrawFileDialogs(FileMenuUi& ui, const AnnotateUi& annotate);

}  // namespace nadir::viewer
