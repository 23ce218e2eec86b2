#include "viewer/app/file_menu.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <filesystem>

#include "viewer/annotate/panels_files.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

namespace fs = std::filesystem;
using Mode = annotate::FileBrowser::Mode;

// Where a dialog starts: beside the assessment open, else in the working folder.
fs::path StartFolder(const AnnotateUi& annotate) {
  if (!annotate.session.path().empty()) return fs::path(annotate.session.path()).parent_path();
  std::error_code ec;
  return fs::current_path(ec);
}

void ShowDialog(FileMenuUi& ui, const AnnotateUi& annotate, FileTask what) {
  const fs::path folder = StartFolder(annotate);
  switch (what) {
    case FileTask::kOpenJson:
      ui.browser = annotate::FileBrowser(Mode::kOpenFile, "Open assessment", {".json"});
      ui.browser.Show(folder);
      break;
    case FileTask::kSaveAs: {
      ui.browser = annotate::FileBrowser(Mode::kSaveFile, "Save assessment as", {".json"});
      const std::string& path = annotate.session.path();
      ui.browser.Show(path.empty() ? folder / (annotate.session.subject().id + ".json")
                                   : fs::path(path));
      break;
    }
    case FileTask::kOpenSr:
      ui.browser = annotate::FileBrowser(Mode::kChooseFolder, "Open DICOM SR folder");
      ui.browser.Show(ui.images.empty() ? folder : fs::path(ui.images));
      break;
    case FileTask::kExportSr:
    case FileTask::kExportSrTimepoint:
      ui.browser = annotate::FileBrowser(Mode::kChooseFolder, "Export DICOM SR into folder");
      ui.browser.Show(folder);
      break;
    case FileTask::kNone:
    case FileTask::kOpenPath:
      return;
  }
  annotate::OpenFileDialog(ui.browser);
  ui.dialog_open = true;
}

void DrawUnsavedQuestion(FileMenuUi& ui, const AnnotateUi& annotate, std::vector<Intent>& out) {
  const char* title = "Unsaved changes##open";
  if (ui.ask_unsaved) ImGui::OpenPopup(title), ui.ask_unsaved = false;
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::Text("The assessment of %s has unsaved changes.", annotate.session.subject().id.c_str());
  ImGui::TextDisabled("They stay in its autosave either way: %s",
                      annotate.session.AutosavePath().c_str());
  using Choice = AnswerUnsaved::Choice;
  if (ImGui::Button("Save first")) {
    ImGui::CloseCurrentPopup();
    out.push_back(AnswerUnsaved{Choice::kSaveFirst});
  }
  ImGui::SameLine();
  if (ImGui::Button("Open without saving")) {
    ImGui::CloseCurrentPopup();
    out.push_back(AnswerUnsaved{Choice::kDiscard});
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    ImGui::CloseCurrentPopup();
    out.push_back(AnswerUnsaved{Choice::kCancel});
  }
  ImGui::EndPopup();
}

void DrawSrWindow(FileMenuUi& ui) {
  if (ui.sr_title.empty()) return;
  bool open = true;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(ImVec2(kSrWindowSize[0], kSrWindowSize[1]), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_FirstUseEver,
                          ImVec2(0.5f, 0.5f));
  if (ImGui::Begin((ui.sr_title + "###sr").c_str(), &open)) {
    for (const std::string& line : ui.sr_details) {
      const bool bad = line.rfind("error", 0) == 0 || line.rfind("SR not", 0) == 0;
      const bool warn = line.rfind("warning", 0) == 0 || line.rfind("note", 0) == 0;
      if (bad || warn) ImGui::PushStyleColor(ImGuiCol_Text, bad ? kError : kToDo);
      ImGui::TextWrapped("%s", line.c_str());
      if (bad || warn) ImGui::PopStyleColor();
    }
  }
  ImGui::End();
  if (!open) ui.sr_title.clear();
}

}  // namespace

std::vector<Intent> DrawFileMenu(const FileMenuUi& ui, const AnnotateUi& annotate) {
  std::vector<Intent> out;
  if (!ImGui::BeginMenu("File")) return out;
  const bool started = annotate.started;
  if (ImGui::MenuItem("Open assessment...", "Ctrl+O")) out.push_back(AskFile{FileTask::kOpenJson});
  if (ImGui::MenuItem("Open DICOM SR folder...")) out.push_back(AskFile{FileTask::kOpenSr});
  if (ImGui::MenuItem("Open from PACS...")) out.push_back(TogglePacsWindow{});
  ImGui::Separator();
  if (ImGui::MenuItem("Save", "Ctrl+S", false, started)) out.push_back(annotate::SaveAssessment{});
  if (ImGui::MenuItem("Save as...", "Ctrl+Shift+S", false, started))
    out.push_back(AskFile{FileTask::kSaveAs});
  const bool can_export = started && !ui.images.empty();
  if (ImGui::MenuItem("Export DICOM SR...", nullptr, false, can_export))
    out.push_back(AskFile{FileTask::kExportSr});
  if (ImGui::MenuItem("Export DICOM SR of this timepoint...", nullptr, false, can_export))
    out.push_back(AskFile{FileTask::kExportSrTimepoint});
  ImGui::EndMenu();
  return out;
}

std::vector<Intent> FileMenuKeys(const AnnotateUi& annotate, const ImGuiIO& io, InputState& input) {
  std::vector<Intent> out;
  if (io.WantCaptureKeyboard) return out;
  auto& keys = input.keys;
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [&](const KeyPress& k) {
                              if (!(k.mods & GLFW_MOD_CONTROL)) return false;
                              const bool shift = k.mods & GLFW_MOD_SHIFT;
                              if (k.key == GLFW_KEY_O && !shift)
                                return out.push_back(AskFile{FileTask::kOpenJson}), true;
                              // --assessment FILE names where a new assessment goes.
                              const bool no_file =
                                  annotate.session.path().empty() && annotate.assessment.empty();
                              if (k.key == GLFW_KEY_S && annotate.started && (shift || no_file))
                                return out.push_back(AskFile{FileTask::kSaveAs}), true;
                              return false;
                            }),
             keys.end());
  return out;
}

std::vector<Intent> DrawFileDialogs(FileMenuUi& ui, const AnnotateUi& annotate) {
  std::vector<Intent> out;
  DrawUnsavedQuestion(ui, annotate, out);
  if (ui.pending == FileTask::kOpenPath) {  // chosen already: no dialog
    ui.pending = FileTask::kNone;
    out.push_back(FileChosen{FileTask::kOpenPath, ui.open_path});
  }
  if (ui.pending != FileTask::kNone && !ui.dialog_open) {
    ShowDialog(ui, annotate, ui.pending);
    ui.after_dialog = ui.pending;
    ui.pending = FileTask::kNone;
  }
  if (ui.dialog_open) {
    bool cancelled = false;
    if (const auto path = annotate::DrawFileDialog(ui.browser, &cancelled)) {
      ui.dialog_open = false;
      out.push_back(FileChosen{ui.after_dialog, path->string()});
    } else if (cancelled || !ImGui::IsPopupOpen(ui.browser.title().c_str())) {
      ui.dialog_open = false;
      ui.after_save = FileTask::kNone;
    }
  }
  DrawSrWindow(ui);
  return out;
}

}  // namespace nadir::viewer
