// Opening and saving assessment files, and the autosave that makes a crash lose nothing. The
// autosave (`FILE.autosave`, or the autosave folder before a first save) is never the
// assessment: its edits reach the file, and the audit log, only through Save (session_audit.cpp).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "formats/assessment_json.h"
#include "viewer/annotate/session.h"

namespace nadir::annotate {

namespace fs = std::filesystem;

namespace {

std::string SafeName(const std::string& id) {
  std::string out;
  for (char c : id)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return out.empty() ? "untitled" : out;
}

bool ReadText(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  text = s.str();
  return true;
}

}  // namespace

std::string AnnotationSession::DefaultAutosaveDir() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
    return std::string(state) + "/nadir/autosave";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.local/state/nadir/autosave";
  return (fs::temp_directory_path() / "nadir-autosave").string();
}

void AnnotationSession::New(const std::string& subject_id, Date baseline, const std::string& label,
                            const std::string& study_uid) {
  Cancel();
  doc_ = Annotation{};
  doc_.subject.id = subject_id;
  Timepoint tp;
  tp.date = baseline;
  tp.label = label;
  tp.study_uid = study_uid;
  doc_.subject.timepoints.push_back(std::move(tp));
  path_.clear();
  saved_ = Subject{};  // no file yet: the first save records the creation
  undo_.Clear();
  dirty_ = false;
  KeepEarlierAutosave();
  ++revision_;
}

bool AnnotationSession::Open(const std::string& path, std::string* error) {
  return Load(ReadAssessmentFile(path), path, path, error);
}

bool AnnotationSession::OpenSubject(Subject subject, const std::vector<std::string>& problems,
                                    const std::string& origin, std::string* error) {
  LoadedAssessment loaded;
  loaded.file = origin;
  loaded.subject = std::move(subject);
  loaded.errors = problems;
  return Load(std::move(loaded), origin, "", error);
}

bool AnnotationSession::Load(LoadedAssessment loaded, const std::string& origin,
                             const std::string& path, std::string* error) {
  // A file the reader cannot read completely is not opened: rewriting it would drop what
  // could not be read. The first problem names the field and the value.
  if (!loaded.subject || !loaded.errors.empty()) {
    std::string why = loaded.errors.empty() ? "not a readable assessment" : loaded.errors.front();
    if (loaded.errors.size() > 1)
      why += " (and " + std::to_string(loaded.errors.size() - 1) + " more)";
    if (error) *error = origin + ": " + why;
    return false;
  }
  Cancel();
  doc_ = Annotation{};
  doc_.subject = std::move(*loaded.subject);  // sorted, its unknown fields in its extras
  saved_ = doc_.subject;
  path_ = path;
  undo_.Clear();
  dirty_ = false;
  KeepEarlierAutosave();
  ++revision_;
  return true;
}

void AnnotationSession::KeepEarlierAutosave() {
  // An autosave left by a session that never saved (a crash, a killed process) is moved aside
  // before this session's first edit could overwrite it, and offered for recovery.
  std::error_code ec;
  const std::string autosave = AutosavePath();
  autosave_available_ = false;
  if (!fs::exists(autosave, ec)) return;
  recover_path_ = autosave + ".previous";
  fs::rename(autosave, recover_path_, ec);
  autosave_available_ = !ec;
  if (ec) message_ = "cannot move aside " + autosave + ": " + ec.message();
}

std::string AnnotationSession::AutosavePath() const {
  if (!path_.empty()) return path_ + ".autosave";
  return autosave_dir_ + "/" + SafeName(doc_.subject.id) + ".autosave";
}

void AnnotationSession::Autosave() {
  const std::string target = AutosavePath();
  std::error_code ec;
  fs::create_directories(fs::path(target).parent_path(), ec);
  std::string error;
  const std::string text = AssessmentToJson(doc_.subject).dump(2) + "\n";
  if (!WriteFileAtomically(target, text, &error)) message_ = "autosave failed: " + error;
}

bool AnnotationSession::Save(std::string* error) {
  if (path_.empty()) {
    if (error) *error = "no file to save to yet: use Save As";
    return false;
  }
  return SaveAs(path_, error);
}

bool AnnotationSession::SaveAs(const std::string& path, std::string* error) {
  const std::string old_autosave = AutosavePath();
  std::string why;
  if (!WriteAudited(path, &why)) {
    // The session stays dirty and the autosave still holds every edit; nothing is lost.
    if (error) *error = why;
    message_ = why;
    return false;
  }
  path_ = path;
  saved_ = doc_.subject;
  dirty_ = false;
  std::error_code ec;
  fs::remove(old_autosave, ec);
  fs::remove(AutosavePath(), ec);
  return true;  // message_ says what was logged and who signed
}

void AnnotationSession::ApplyOne(const RecoverAutosave&) {
  std::string text;
  const std::string autosave = recover_path_;
  if (!ReadText(autosave, text)) {
    message_ = "cannot read " + autosave;
    return;
  }
  LoadedAssessment loaded = ParseAssessment(text, autosave);
  if (!loaded.subject) {
    message_ = autosave + ": " + (loaded.errors.empty() ? "unreadable" : loaded.errors.front());
    return;
  }
  Cancel();
  Subject before = doc_.subject;
  doc_.subject = std::move(*loaded.subject);
  autosave_available_ = false;
  Commit(std::move(before));
  std::error_code ec;
  fs::remove(recover_path_, ec);  // its content is the current state and in the new autosave
  message_ = "recovered unsaved changes from " + autosave;
}

}  // namespace nadir::annotate
