// The annotation controller without a window: applies the reader's actions and caliper drags to
// the assessment, keeps undo and redo, autosaves every edit, saves atomically, and asks the
// engine (AssessSubject, the same call as `nadir recompute`) for the responses and warnings.
// The panels only read it and return actions; the app feeds it mouse input in patient space.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "formats/assessment_json.h"
#include "measure/caliper.h"
#include "measure/results.h"
#include "viewer/annotate/annotate_intents.h"
#include "viewer/annotate/annotation.h"
#include "viewer/annotate/shown_image.h"
#include "viewer/annotate/undo.h"

namespace nadir::annotate {

/// A click with the Auto tool: where, on which image, for which lesion. The app measures the
/// lesion there off the UI thread and hands the axes back (PlaceAutoMeasurement).
struct AutoRequest {
  PatientPoint at;
  ShownImage image;
  PatientPoint normal{0, 0, 1};
  std::string lesion_id;  // "" when the measurement makes a new lesion
  bool nodal = false;     // the lesion is a node: reported by its short axis
  int timepoint = 0;
};

/// What a one-click measurement found (analysis::MeasureLesion, in nadir types).
struct AutoAxes {
  std::array<PatientPoint, 2> long_axis, short_axis;
  MeasurementMethod method;  // kSemiAutomatic, with the click, volume and algorithm
};

/// A measurement being drawn or edited with the mouse.
struct Draft {
  enum class Phase { kIdle, kDrawing, kEditing };
  Phase phase = Phase::kIdle;
  std::string lesion_id;  // "" while drawing a lesion that does not exist yet
  bool bidirectional = false;
  bool short_only = false;  // a single line stored as a node's short axis
  int handle = 1;           // Handle being dragged
  int fragment = -1;        // a fragment of a split lesion (RECIST 1.1 §4.3.2), else -1
  Bidirectional geometry;
  ShownImage image;  // the native slice or the reformat it is drawn on
  PatientPoint normal{0, 0, 1};
  std::optional<MeasurementMethod> method;  // set when placed from one click
};

/// The fragment of a split lesion that the next caliper drawn fills (MeasureFragment).
struct ArmedFragment {
  std::string lesion_id;
  int timepoint = 0;
  int index = 0;
};

/// Where the viewports should go to show a lesion (JumpTo): the image its measurement was
/// drawn on (a native slice by SOP Instance UID, or a reformat: series, plane and normal) and
/// the measurement's centre.
struct JumpTarget {
  CaliperPoints image;  // end points left out
  PatientPoint centre;
  int timepoint = 0;
};

/// Shortest caliper that makes a measurement (mm): a click without a drag draws nothing.
inline constexpr double kMinCaliperMm = 0.5;

class AnnotationSession {
 public:
  /// `autosave_dir` holds the autosave of an assessment not saved to a file yet.
  explicit AnnotationSession(std::string autosave_dir);
  AnnotationSession() : AnnotationSession(DefaultAutosaveDir()) {}

  static std::string DefaultAutosaveDir();

  // Files (session_files.cpp).
  /// A fresh assessment of `subject_id` with one timepoint (the baseline).
  void New(const std::string& subject_id, Date baseline, const std::string& label = "Baseline",
           const std::string& study_uid = "");
  /// Reads an assessment file. On failure the current assessment stays and `error` says why.
  /// An autosave newer than the file (a crash before saving) is offered: autosave_available().
  bool Open(const std::string& path, std::string* error);
  /// Opens an assessment held in memory (one rebuilt from DICOM SR, say) with the problems the
  /// assessment reader found in it: refused, as Open refuses a file, when there is any.
  /// `origin` names it in messages, and there is no file yet (path() is empty).
  bool OpenSubject(Subject subject, const std::vector<std::string>& problems,
                   const std::string& origin, std::string* error);
  /// Saves through the audit trail (formats/review/audit_log.h, session_audit.cpp): every
  /// change since the file was opened or last saved is appended to `FILE.audit.jsonl`, signed
  /// with AuditUser()'s key when there is one, before the file is written. message() says
  /// how many changes were logged and who signed them, or why they are unsigned. A key that
  /// cannot be used stops the save: the edits stay, unsaved (dirty()).
  bool Save(std::string* error);  // to path(); fails when there is none
  bool SaveAs(const std::string& path, std::string* error);
  /// Who the audit entries name when the assessment has no `reader` (`--user`); empty: the
  /// login name.
  void SetUser(const std::string& user) { user_ = user; }
  /// The user of the next save: the assessment's `reader` if set, else SetUser's, else the
  /// login name.
  std::string AuditUser() const;
  const std::string& path() const { return path_; }
  /// Where every edit is written at once: `<file>.autosave` beside a saved file (not `.json`,
  /// so `nadir recompute` on the folder never reads it twice), else in the autosave folder.
  std::string AutosavePath() const;
  /// An earlier session's unsaved edits (its autosave, moved to `<autosave>.previous`) can be
  /// recovered with RecoverAutosave.
  bool autosave_available() const { return autosave_available_; }
  bool dirty() const { return dirty_; }

  // Editing (session.cpp).
  void Apply(const AnnotateIntent& action);
  /// A blinded read (a reader's package): the assessment's reader stays `reader`; a SetReader
  /// naming anyone else is refused, and message() says why. Kept across opens.
  void LockReader(const std::string& reader) { locked_reader_ = reader; }
  const std::string& locked_reader() const { return locked_reader_; }
  Tool tool() const { return tool_; }
  bool CanUndo() const { return undo_.CanUndo(); }
  bool CanRedo() const { return undo_.CanRedo(); }
  /// Adds a timepoint (a follow-up study opened); an edit like any other.
  std::optional<int> AddTimepoint(Date date, const std::string& label,
                                  const std::string& study_uid);

  // Caliper tools (session_pointer.cpp). Press returns true when it started a measurement or
  // grabbed a handle (the app must then not window/level or pan with the same drag).
  bool Press(const PointerPress& p);
  void Drag(const PointerDrag& d);
  void Release(const PointerRelease& r);
  void Cancel();
  const Draft& draft() const { return draft_; }
  /// The Auto tool's click, taken once by the app (which measures there).
  std::optional<AutoRequest> TakeAutoRequest();
  /// Records the axes found for `request` as a bidirectional measurement (an edit: undo takes it
  /// back). False, with message() saying why, when the timepoint changed meanwhile.
  bool PlaceAutoMeasurement(const AutoRequest& request, const AutoAxes& axes);
  /// The fragment the next caliper fills, when one is armed.
  const std::optional<ArmedFragment>& armed_fragment() const { return armed_; }

  // Reading.
  const Annotation& annotation() const { return doc_; }
  const Subject& subject() const { return doc_.subject; }
  /// The engine's responses for the current state, recomputed after each edit.
  const SubjectResult& Results() const;
  /// The engine's errors and warnings as the reader works (RECIST 1.1 §3.1-3.2 baseline
  /// selection, lesions not yet assessed at a follow-up, missing diameters ...).
  std::vector<std::string> Guidance() const;
  /// Set by JumpTo; the app takes it once and moves its viewports.
  std::optional<JumpTarget> TakeJump();
  /// The last failure (a save that did not happen), for the status line.
  const std::string& message() const { return message_; }
  int revision() const { return revision_; }

 private:
  bool Load(LoadedAssessment loaded, const std::string& origin, const std::string& path,
            std::string* error);
  bool WriteAudited(const std::string& path, std::string* error);  // session_audit.cpp
  bool BeforeOf(const std::string& path, Subject* before, std::string* error) const;
  void Commit(Subject before);  // an edit happened: undo, dirty, autosave
  void Autosave();
  void KeepEarlierAutosave();
  void Clamp();
  LesionRecord* Here(const std::string& id);
  void ApplyOne(const SelectLesion& a);
  void ApplyOne(const AddLesion& a);
  void ApplyOne(const DeleteLesion& a);
  void ApplyOne(const SetKind& a);
  void ApplyOne(const SetSite& a);
  void ApplyOne(const SetNodal& a);
  void ApplyOne(const SetState& a);
  void ApplyOne(const SetMergedInto& a);
  void ApplyOne(const SetNewCategory& a);  // session_irecist.cpp
  void ApplyOne(const SetIncreased& a);
  void ApplyOne(const SplitLesion& a);  // session_fragments.cpp
  void ApplyOne(const AddFragment& a);
  void ApplyOne(const DeleteFragment& a);
  void ApplyOne(const MeasureFragment& a);
  void ApplyOne(const SetTimepoint& a);
  void ApplyOne(const SetReader& a);
  void ApplyOne(const SetTreatmentStart& a);
  void ApplyOne(const SetTimepointLabel& a);
  void ApplyOne(const SetTool& a);
  void ApplyOne(const JumpTo& a);
  void ApplyOne(const Undo& a);
  void ApplyOne(const Redo& a);
  void ApplyOne(const SaveAssessment& a);
  void ApplyOne(const RecoverAutosave& a);
  void FinishDraft();
  LesionRecord* SplitTargetHere(const std::string& id);
  void CheckArmed();

  Annotation doc_;
  Subject saved_;  // the subject as path_ was last opened or saved: what a save is audited against
  std::string user_;  // SetUser's; empty: the login name
  std::string path_;
  std::string autosave_dir_;
  std::string recover_path_;  // an earlier session's autosave, moved aside for recovery
  bool dirty_ = false;
  bool autosave_available_ = false;
  Tool tool_ = Tool::kNavigate;
  Draft draft_;
  std::optional<ArmedFragment> armed_;
  std::optional<AutoRequest> auto_request_;
  Subject draft_before_;
  UndoStack<Subject> undo_;
  std::optional<JumpTarget> jump_;
  std::string message_;
  std::string locked_reader_;
  int revision_ = 0;
  mutable int results_revision_ = -1;
  mutable SubjectResult results_;
};

/// Diameters are recorded to 0.1 mm (assessment-v1.md); lengths from the caliper are rounded so.
double RoundToTenthMm(double mm);

}  // namespace nadir::annotate
