#include "viewer/app/file_menu.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <filesystem>

#include "viewer/annotate/panels_files.h"
#include "viewer/annotate/sr_files.h"
#include "viewer/core/theme.h"

namespace nadir::viewer {

namespace {

namespace an = nadir::annotate;
namespace fs = std::filesystem;
using Pending = FileMenuUi::Pending;
using Mode = an::FileBrowser::Mode;

// Where a dialog starts: beside the assessment open, else in the working folder.
fs::path StartFolder(const AnnotateUi& annotate) {
  if (!annotate.session.path().empty()) return fs::path(annotate.session.path()).parent_path();
  std::error_code ec;
  return fs::current_path(ec);
}

void ShowDialog(FileMenuUi& ui, const AnnotateUi& annotate, Pending what) {
  const fs::path folder = StartFolder(annotate);
  switch (what) {
    case Pending::kOpenJson:
      ui.browser = an::FileBrowser(Mode::kOpenFile, "Open assessment", {".json"});
      ui.browser.Show(folder);
      break;
    case Pending::kSaveAs: {
      ui.browser = an::FileBrowser(Mode::kSaveFile, "Save assessment as", {".json"});
      const std::string& path = annotate.session.path();
      ui.browser.Show(path.empty() ? folder / (annotate.session.subject().id + ".json")
                                   : fs::path(path));
      break;
    }
    case Pending::kOpenSr:
      ui.browser = an::FileBrowser(Mode::kChooseFolder, "Open DICOM SR folder");
      ui.browser.Show(ui.images.empty() ? folder : fs::path(ui.images));
      break;
    case Pending::kExportSr:
    case Pending::kExportSrTimepoint:
      ui.browser = an::FileBrowser(Mode::kChooseFolder, "Export DICOM SR into folder");
      ui.browser.Show(folder);
      break;
    case Pending::kNone:
    case Pending::kOpenPath:
      return;
  }
  an::OpenFileDialog(ui.browser);
  ui.dialog_open = true;
}

// An open replaces the assessment: with unsaved edits, the reader is asked first.
void Request(FileMenuUi& ui, const AnnotateUi& annotate, Pending what) {
  const bool replaces =
      what == Pending::kOpenJson || what == Pending::kOpenSr || what == Pending::kOpenPath;
  if (replaces && annotate.session.dirty()) {
    ui.after_save = what;
    ui.ask_unsaved = true;
    return;
  }
  ui.pending = what;
}

// The SR window lists files, notes, warnings and errors; a clean open needs only the status line.
void ShowSrWindow(FileMenuUi& ui, const std::string& title, an::SrOutcome outcome) {
  const bool clean =
      outcome.ok && std::all_of(outcome.details.begin(), outcome.details.end(),
                                [](const std::string& d) { return d.rfind("read ", 0) == 0; });
  if (clean) return;
  ui.sr_title = title;
  ui.sr_details = std::move(outcome.details);
}

// After an open: the first baseline lesion is selected once the viewports are placed, and the
// subject's own studies are shown (baseline left, latest follow-up right).
void AfterOpen(AnnotateUi& annotate, ReadingRoom& room) {
  annotate.started = true;
  const Subject& s = annotate.session.subject();
  annotate.patient_id = s.id;
  const auto& tps = s.timepoints;
  if (!tps.empty() && !tps.front().lesions.empty())
    annotate.jump_pending = tps.front().lesions.front().id;
  if (tps.empty()) return;
  // The lesion panel at the latest timepoint: where reading goes on.
  annotate.session.Apply(an::act::SetTimepoint{int(tps.size()) - 1});
  const auto series_of = [&](const Timepoint& tp) {
    int best = -1;
    for (int i = 0; i < int(room.series().size()); ++i) {
      const SeriesSummary& m = room.series()[i]->summary();
      if (m.patient_id != s.id || ParseIsoDate(m.study_date) != tp.date) continue;
      if (best < 0 || m.slices > room.series()[best]->summary().slices) best = i;
    }
    return best;
  };
  const int baseline = series_of(tps.front());
  const int latest = tps.size() > 1 ? series_of(tps.back()) : -1;
  // A subject id that is not the images' Patient ID (a trial number beside a hospital's ID):
  // the patient on screen is the one annotated, as when the viewer starts on a folder.
  if (baseline < 0 && latest < 0) {
    const int shown = room.Incoming(0).first;
    if (shown >= 0) annotate.patient_id = room.series()[shown]->summary().patient_id;
    return;
  }
  // A viewport already on that study keeps its view (a coronal reformat stays coronal); another
  // gets the study in the orientation it had.
  const auto show = [&](int series, int v) {
    if (series < 0 || v >= int(room.state().viewports.size())) return;
    const auto [shown, orientation] = room.Incoming(v);
    const SeriesSummary& want = room.series()[series]->summary();
    if (shown >= 0 && room.series()[shown]->summary().patient_id == want.patient_id &&
        room.series()[shown]->summary().study_date == want.study_date)
      return;
    room.Open(series, v, orientation);
  };
  show(baseline, 0);
  show(latest, 1);
}

void Chosen(FileMenuUi& ui, AnnotateUi& annotate, ReadingRoom& room, Pending what,
            const fs::path& path) {
  std::string error;
  switch (what) {
    case Pending::kOpenJson:
    case Pending::kOpenPath:
      if (annotate.session.Open(path.string(), &error)) {
        annotate.assessment = path.string();
        annotate.status = "opened " + path.string();
        AfterOpen(annotate, room);
      } else {
        annotate.status = error;
      }
      break;
    case Pending::kSaveAs:
      if (annotate.session.SaveAs(path.string(), &error)) {
        annotate.status = "saved " + path.string();
        annotate.assessment = path.string();
        ui.pending = std::exchange(ui.after_save, Pending::kNone);  // an open waiting on it
      } else {
        annotate.status = "not saved: " + error;
        ui.after_save = Pending::kNone;
      }
      break;
    case Pending::kOpenSr: {
      auto outcome = an::OpenSessionFromSr(
          annotate.session, path,
          ui.images.empty() ? std::nullopt : std::optional(fs::path(ui.images)));
      annotate.status = outcome.summary;
      if (outcome.ok) {
        annotate.assessment.clear();  // never save an SR's content over the previous file
        AfterOpen(annotate, room);
      }
      ShowSrWindow(ui, "DICOM SR opened", std::move(outcome));
      break;
    }
    case Pending::kExportSr:
    case Pending::kExportSrTimepoint: {
      const Timepoint* tp = an::CurrentTimepoint(annotate.session.annotation());
      const auto only =
          what == Pending::kExportSrTimepoint && tp ? std::optional(tp->date) : std::nullopt;
      auto outcome = an::ExportSessionToSr(annotate.session, ui.images, path, only);
      annotate.status = outcome.summary;
      ShowSrWindow(ui, "DICOM SR export", std::move(outcome));
      break;
    }
    case Pending::kNone:
      break;
  }
}

void DrawUnsavedQuestion(FileMenuUi& ui, AnnotateUi& annotate) {
  const char* title = "Unsaved changes##open";
  if (ui.ask_unsaved) ImGui::OpenPopup(title), ui.ask_unsaved = false;
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::Text("The assessment of %s has unsaved changes.", annotate.session.subject().id.c_str());
  ImGui::TextDisabled("They stay in its autosave either way: %s",
                      annotate.session.AutosavePath().c_str());
  if (ImGui::Button("Save first")) {
    ImGui::CloseCurrentPopup();
    std::string error;
    const std::string target =
        annotate.session.path().empty() ? annotate.assessment : annotate.session.path();
    if (target.empty()) {
      ui.pending = Pending::kSaveAs;  // then the open (after_save)
    } else if (annotate.session.SaveAs(target, &error)) {
      ui.pending = std::exchange(ui.after_save, Pending::kNone);
    } else {
      annotate.status = "not saved: " + error;
      ui.after_save = Pending::kNone;
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Open without saving")) {
    ImGui::CloseCurrentPopup();
    ui.pending = std::exchange(ui.after_save, Pending::kNone);
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    ImGui::CloseCurrentPopup();
    ui.after_save = Pending::kNone;
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

void DrawFileMenu(FileMenuUi& ui, AnnotateUi& annotate) {
  if (!ImGui::BeginMenu("File")) return;
  const bool started = annotate.started;
  if (ImGui::MenuItem("Open assessment...", "Ctrl+O")) Request(ui, annotate, Pending::kOpenJson);
  if (ImGui::MenuItem("Open DICOM SR folder...")) Request(ui, annotate, Pending::kOpenSr);
  ImGui::Separator();
  if (ImGui::MenuItem("Save", "Ctrl+S", false, started)) {
    std::string error;
    const std::string& path = annotate.session.path();
    const std::string target = path.empty() ? annotate.assessment : path;
    if (target.empty())
      Request(ui, annotate, Pending::kSaveAs);
    else
      annotate.status =
          annotate.session.SaveAs(target, &error) ? "saved " + target : "not saved: " + error;
  }
  if (ImGui::MenuItem("Save as...", "Ctrl+Shift+S", false, started))
    Request(ui, annotate, Pending::kSaveAs);
  const bool can_export = started && !ui.images.empty();
  if (ImGui::MenuItem("Export DICOM SR...", nullptr, false, can_export))
    Request(ui, annotate, Pending::kExportSr);
  if (ImGui::MenuItem("Export DICOM SR of this timepoint...", nullptr, false, can_export))
    Request(ui, annotate, Pending::kExportSrTimepoint);
  ImGui::EndMenu();
}

void FileMenuKeys(FileMenuUi& ui, const AnnotateUi& annotate, const ImGuiIO& io,
                  InputState& input) {
  if (io.WantCaptureKeyboard) return;
  auto& keys = input.keys;
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [&](const KeyPress& k) {
                              if (!(k.mods & GLFW_MOD_CONTROL)) return false;
                              const bool shift = k.mods & GLFW_MOD_SHIFT;
                              if (k.key == GLFW_KEY_O && !shift)
                                return Request(ui, annotate, Pending::kOpenJson), true;
                              // --assessment FILE names where a new assessment goes.
                              const bool no_file =
                                  annotate.session.path().empty() && annotate.assessment.empty();
                              if (k.key == GLFW_KEY_S && annotate.started && (shift || no_file))
                                return Request(ui, annotate, Pending::kSaveAs), true;
                              return false;
                            }),
             keys.end());
}

void DrawFileDialogs(FileMenuUi& ui, AnnotateUi& annotate, ReadingRoom& room) {
  DrawUnsavedQuestion(ui, annotate);
  if (ui.pending == Pending::kOpenPath) {  // chosen already: no dialog
    ui.pending = Pending::kNone;
    Chosen(ui, annotate, room, Pending::kOpenPath, ui.open_path);
  }
  if (ui.pending != Pending::kNone && !ui.dialog_open) {
    ShowDialog(ui, annotate, ui.pending);
    ui.after_dialog = ui.pending;
    ui.pending = Pending::kNone;
  }
  if (ui.dialog_open) {
    bool cancelled = false;
    if (const auto path = an::DrawFileDialog(ui.browser, &cancelled)) {
      ui.dialog_open = false;
      Chosen(ui, annotate, room, ui.after_dialog, *path);
    } else if (cancelled || !ImGui::IsPopupOpen(ui.browser.title().c_str())) {
      ui.dialog_open = false;
      ui.after_save = Pending::kNone;
    }
  }
  DrawSrWindow(ui);
}

void SaveAsWhenAsked(FileMenuUi& ui, AnnotateUi& annotate) {
  if (std::exchange(annotate.save_as_requested, false)) Request(ui, annotate, Pending::kSaveAs);
}

void RequestOpenFile(FileMenuUi& ui, const AnnotateUi& annotate, const std::string& path) {
  ui.open_path = path;
  Request(ui, annotate, Pending::kOpenPath);
}

bool OpenSrAtStart(FileMenuUi& ui, AnnotateUi& annotate, const std::string& dir,
                   std::string* error) {
  auto outcome = an::OpenSessionFromSr(
      annotate.session, dir, ui.images.empty() ? std::nullopt : std::optional(fs::path(ui.images)));
  if (!outcome.ok) {
    if (error) *error = outcome.summary;
    ShowSrWindow(ui, "DICOM SR opened", std::move(outcome));
    return false;
  }
  annotate.status = outcome.summary;
  annotate.started = true;
  ui.show_subject = true;  // once the folder scan has listed the series
  ShowSrWindow(ui, "DICOM SR opened", std::move(outcome));
  return true;
}

void ShowSubjectWhenListed(FileMenuUi& ui, AnnotateUi& annotate, ReadingRoom& room) {
  if (!ui.show_subject || room.series().empty() || room.state().viewports.empty()) return;
  ui.show_subject = false;
  AfterOpen(annotate, room);
}

}  // namespace nadir::viewer
