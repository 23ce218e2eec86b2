// Saving through the audit trail, by the same SaveAssessmentAudited as `nadir edit`: the
// changes since the file was opened or last saved go to its audit log, signed with the user's
// key when there is one, before the file is written (with the log's head in `audit_head`).
//
// A first save to a new file (Save as, or --assessment FILE that does not exist yet) records
// the creation, reason "new assessment file", in two audited writes: the file's skeleton from
// an empty assessment (subject id, reader, each timepoint added), then each lesion added to
// it. The trail thus says who made the file and when, and names every lesion it started with
// (a lesion later removed is in the trail, added then removed); each later save follows on. Save as
// over another existing assessment is audited against that file's content, what it replaces; a file
// there that cannot be read as an assessment is not overwritten.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "formats/assessment_json.h"
#include "formats/review/audit_log.h"
#include "formats/review/signing_key.h"
#include "viewer/annotate/session.h"

namespace nadir::annotate {

namespace {

namespace fs = std::filesystem;

constexpr const char* kCreationReason = "new assessment file";

std::string LoginName() {
  for (const char* var : {"USER", "LOGNAME"})
    if (const char* v = std::getenv(var); v && *v) return v;
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) return pw->pw_name;
  return "";
}

// What the file holds of a subject, less the audit head that each save sets.
nlohmann::ordered_json Content(const Subject& s) {
  auto j = AssessmentToJson(s);
  j.erase("audit_head");
  return j;
}

bool SamePath(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::absolute(a, ec).lexically_normal() == fs::absolute(b, ec).lexically_normal();
}

}  // namespace

std::string AnnotationSession::AuditUser() const {
  if (!doc_.subject.reader.empty()) return doc_.subject.reader;
  if (!user_.empty()) return user_;
  return LoginName();
}

bool AnnotationSession::BeforeOf(const std::string& path, Subject* before,
                                 std::string* error) const {
  if (!path_.empty() && SamePath(path, path_)) {
    *before = saved_;
    return true;
  }
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    *before = Subject{};  // a new file: its creation is recorded
    return true;
  }
  LoadedAssessment there = ReadAssessmentFile(path);
  if (!there.subject || !there.errors.empty()) {
    *error = path + " exists and is not a readable assessment (" +
             (there.errors.empty() ? std::string("unreadable") : there.errors.front()) +
             "): not overwritten, as its audit log could not record what it held";
    return false;
  }
  *before = std::move(*there.subject);
  return true;
}

bool AnnotationSession::WriteAudited(const std::string& path, std::string* error) {
  std::error_code ec;
  const bool creating = !(!path_.empty() && SamePath(path, path_)) && !fs::exists(path, ec);
  Subject before;
  if (!BeforeOf(path, &before, error)) return false;
  const Subject& after = doc_.subject;
  const std::string user = AuditUser();
  if (user.empty()) {
    *error = "no user for the audit log: set the assessment's reader, or start with --user NAME";
    return false;
  }
  // A new file's skeleton: its timepoints without their lesions, which the second write adds.
  Subject skeleton = after;
  for (Timepoint& tp : skeleton.timepoints) tp.lesions.clear();
  const std::size_t changes =
      creating ? DiffAssessments(before, skeleton).size() + DiffAssessments(skeleton, after).size()
               : DiffAssessments(before, after).size();
  if (changes == 0) {
    // A field the audit log does not name would be saved unrecorded, or (as the audited save
    // writes nothing without a change) lost: neither happens silently.
    if (Content(before) != Content(after)) {
      *error =
          "a change the audit log cannot name (a field outside assessment_changes.h): " + path +
          " not saved";
      return false;
    }
    if (creating) {
      *error = "an empty assessment (no subject, no timepoint): " + path + " not created";
      return false;
    }
    message_ = "saved " + path + ": no change since it was last saved, file left as it was";
    return true;
  }
  // The key first, for a message naming it (SaveAssessmentAudited refuses the same key).
  std::string key_error;
  const auto key = LoadSigningKey(UserKeyFolder(), user, &key_error);
  if (!key_error.empty()) {
    *error = user + "'s signing key cannot be used: " + key_error;
    return false;
  }
  std::vector<std::string> warnings;
  if (creating) {
    // Should the second write fail, the file holds the skeleton, and the next save is audited
    // against it (BeforeOf reads it): the log and the file stay in step.
    if (!SaveAssessmentAudited(path, before, skeleton, user, kCreationReason, error, &warnings))
      return false;
    before = std::move(skeleton);
  }
  if (!SaveAssessmentAudited(path, before, after, user, creating ? kCreationReason : "", error,
                             &warnings))
    return false;
  message_ = "saved " + path + ": " + std::to_string(changes) +
             (changes == 1 ? " change" : " changes") + " logged in " + AuditLogPathFor(path) +
             (key ? ", signed by " + user + " (key " + key->fingerprint + ")"
                  : ", unsigned (user " + user + ")");
  for (const auto& w : warnings) message_ += "; " + w;
  return true;
}

}  // namespace nadir::annotate
