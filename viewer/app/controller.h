// The viewer's controller: the one place where the viewer changes in answer to the reader.
// Panels, menus, dialogs and input return intents (app_intents.h); Apply carries each out on
// the reading room, the assessment and the files. The steps below it follow from the viewer's
// own progress (a scan finished, a measurement arrived), not from the reader.
#pragma once

#include <string>
#include <vector>

#include "viewer/app/app_intents.h"
#include "viewer/app/viewer.h"

namespace nadir::viewer {

/// Applies one intent. View intents are applied to the viewports of `v.rects`, which follow a
/// change of layout at once.
void Apply(Viewer& v, const Intent& in);
void Apply(Viewer& v, const std::vector<Intent>& intents);

/// Once series are listed: opens --assessment, or starts a new assessment of the first series'
/// patient.
void StartAnnotation(Viewer& v);

/// Series from a PACS arrive one study at a time, in any order: a new assessment begun on a
/// follow-up moves its baseline to an earlier study of the patient when one arrives, as long
/// as nothing has been recorded in it (UntouchedNewAssessment).
void FollowEarlierBaseline(Viewer& v);
/// Takes the Auto tool's measurement when its worker finished, as a proposal to accept or
/// discard (the status line says what it found).
void TakeAutoMeasurement(Viewer& v);
/// Shows the lesion waiting since an open (AnnotateUi::jump_pending) once the viewports are
/// placed.
void ShowPendingLesion(Viewer& v);
/// After an open from the command line: shows the subject's studies once the scan listed them.
void ShowSubjectWhenListed(Viewer& v);
/// A close (window manager, Quit) with unsaved changes asks first.
void GuardClose(Viewer& v);

/// Opens DICOM SR reports from `dir` at start-up (--sr); false with `error` set when none
/// opened.
bool OpenSrAtStart(Viewer& v, const std::string& dir, std::string* error);

// The parts of Apply that read and write files (controller_files.cpp).
void SaveAssessment(Viewer& v);  // one save path: Save button, Ctrl+S, File > Save, Save and quit
void RequestFile(Viewer& v, FileTask task);
void ApplyFileChosen(Viewer& v, FileTask task, const std::string& path);
void ApplyAnswerUnsaved(Viewer& v, AnswerUnsaved::Choice choice);

// The PACS (controller_pacs.cpp): the window shown or hidden, and a series that arrived listed.
void ApplyTogglePacs(Viewer& v);
void ApplyOpenRetrieved(Viewer& v, const std::string& folder);
/// Starts listing the next series that arrived from the PACS, unless a scan is running.
void StartNextArrival(Viewer& v);

}  // namespace nadir::viewer
