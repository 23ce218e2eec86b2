// The controller's file work: saving, the File menu's opens, saves and SR exports once their
// dialog answered, and the unsaved-changes question before anything replaces the assessment.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <utility>

#include "viewer/annotate/sr_files.h"
#include "viewer/app/controller.h"

namespace nadir::viewer {

namespace {

namespace fs = std::filesystem;

// The SR window lists files, notes, warnings and errors; a clean open needs only the status line.
void ShowSrWindow(FileMenuUi& ui, const std::string& title, annotate::SrOutcome outcome) {
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
  annotate.session.Apply(annotate::SetTimepoint{int(tps.size()) - 1});
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

}  // namespace

// One save path for the Save button, Ctrl+S, File > Save and "Save and quit": the open file,
// else --assessment FILE, else the Save-as dialog (which proposes SUBJECT.json).
void SaveAssessment(Viewer& v) {
  AnnotateUi& ui = v.annotate;
  std::string error;
  if (ui.session.path().empty() && ui.assessment.empty()) {
    RequestFile(v, FileTask::kSaveAs);
    return;
  }
  const bool ok = ui.session.path().empty() ? ui.session.SaveAs(ui.assessment, &error)
                                            : ui.session.Save(&error);
  // Saved: which changes were logged, and who signed them or why they are unsigned.
  ui.status = ok ? ui.session.message() : "not saved: " + error;
  if (ok) std::printf("nadir-viewer: %s\n", ui.status.c_str());
  std::fflush(stdout);
}

// An open replaces the assessment: with unsaved edits, the reader is asked first.
void RequestFile(Viewer& v, FileTask task) {
  FileMenuUi& ui = v.files;
  const bool replaces =
      task == FileTask::kOpenJson || task == FileTask::kOpenSr || task == FileTask::kOpenPath;
  if (replaces && v.annotate.session.dirty()) {
    ui.after_save = task;
    ui.ask_unsaved = true;
    return;
  }
  ui.pending = task;
}

void ApplyFileChosen(Viewer& v, FileTask task, const std::string& chosen) {
  FileMenuUi& ui = v.files;
  AnnotateUi& annotate = v.annotate;
  const fs::path path(chosen);
  std::string error;
  switch (task) {
    case FileTask::kOpenJson:
    case FileTask::kOpenPath:
      if (annotate.session.Open(path.string(), &error)) {
        annotate.assessment = path.string();
        annotate.status = "opened " + path.string();
        AfterOpen(annotate, v.room);
      } else {
        annotate.status = error;
      }
      break;
    case FileTask::kSaveAs:
      if (annotate.session.SaveAs(path.string(), &error)) {
        annotate.status = annotate.session.message();
        annotate.assessment = path.string();
        ui.pending = std::exchange(ui.after_save, FileTask::kNone);  // an open waiting on it
      } else {
        annotate.status = "not saved: " + error;
        ui.after_save = FileTask::kNone;
      }
      break;
    case FileTask::kOpenSr: {
      auto outcome = annotate::OpenSessionFromSr(
          annotate.session, path,
          ui.images.empty() ? std::nullopt : std::optional(fs::path(ui.images)));
      annotate.status = outcome.summary;
      if (outcome.ok) {
        annotate.assessment.clear();  // never save an SR's content over the previous file
        AfterOpen(annotate, v.room);
      }
      ShowSrWindow(ui, "DICOM SR opened", std::move(outcome));
      break;
    }
    case FileTask::kExportSr:
    case FileTask::kExportSrTimepoint: {
      const Timepoint* tp = annotate::CurrentTimepoint(annotate.session.annotation());
      const auto only =
          task == FileTask::kExportSrTimepoint && tp ? std::optional(tp->date) : std::nullopt;
      auto outcome = annotate::ExportSessionToSr(annotate.session, ui.images, path, only);
      annotate.status = outcome.summary;
      v.pacs.exported_sr = outcome.written;  // File > Open from PACS can send them
      ShowSrWindow(ui, "DICOM SR export", std::move(outcome));
      break;
    }
    case FileTask::kNone:
      break;
  }
}

void ApplyAnswerUnsaved(Viewer& v, AnswerUnsaved::Choice choice) {
  FileMenuUi& ui = v.files;
  AnnotateUi& annotate = v.annotate;
  switch (choice) {
    case AnswerUnsaved::Choice::kSaveFirst: {
      std::string error;
      const std::string target =
          annotate.session.path().empty() ? annotate.assessment : annotate.session.path();
      if (target.empty()) {
        ui.pending = FileTask::kSaveAs;  // then the open (after_save)
      } else if (annotate.session.SaveAs(target, &error)) {
        annotate.status = annotate.session.message();
        ui.pending = std::exchange(ui.after_save, FileTask::kNone);
      } else {
        annotate.status = "not saved: " + error;
        ui.after_save = FileTask::kNone;
      }
      break;
    }
    case AnswerUnsaved::Choice::kDiscard:
      ui.pending = std::exchange(ui.after_save, FileTask::kNone);
      break;
    case AnswerUnsaved::Choice::kCancel:
      ui.after_save = FileTask::kNone;
      break;
  }
}

bool OpenSrAtStart(Viewer& v, const std::string& dir, std::string* error) {
  FileMenuUi& ui = v.files;
  auto outcome = annotate::OpenSessionFromSr(
      v.annotate.session, dir,
      ui.images.empty() ? std::nullopt : std::optional(fs::path(ui.images)));
  if (!outcome.ok) {
    if (error) *error = outcome.summary;
    ShowSrWindow(ui, "DICOM SR opened", std::move(outcome));
    return false;
  }
  v.annotate.status = outcome.summary;
  v.annotate.started = true;
  ui.show_subject = true;  // once the folder scan has listed the series
  ShowSrWindow(ui, "DICOM SR opened", std::move(outcome));
  return true;
}

void ShowSubjectWhenListed(Viewer& v) {
  FileMenuUi& ui = v.files;
  if (!ui.show_subject || v.room.series().empty() || v.room.state().viewports.empty()) return;
  ui.show_subject = false;
  AfterOpen(v.annotate, v.room);
}

}  // namespace nadir::viewer
