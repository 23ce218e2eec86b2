// The audit trail of an assessment: an append-only, hash-chained JSON-lines log beside it
// (docs/format/audit-v1.md). Each entry records who changed which field when, old and new
// value and why; its hash covers its content and the previous entry's hash, so an edited,
// removed, inserted or reordered entry breaks the chain at that entry. An entry appended by a
// user with a key is also signed (formats/review/audit_signatures.h), so that a log rewritten
// as a whole, hashes and head included, is found too.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/review/audit_signatures.h"
#include "measure/review/assessment_changes.h"
#include "measure/subject.h"

namespace nadir {

/// The previous-hash of the first entry: 64 zeros.
inline const std::string kAuditGenesis(64, '0');

/// `dir/CD70-IV-104.R1.json` -> `dir/CD70-IV-104.R1.audit.jsonl`.
std::string AuditLogPathFor(const std::string& assessment_path);

struct AuditEntry {
  int seq = 0;       // 1, 2, 3 ... in the order appended
  std::string at;    // UTC date and time, "2026-06-02T14:31:00Z"
  std::string user;  // who made the change
  std::string subject;
  FieldChange change;  // timepoint, lesion, field, old and new value
  std::string reason;  // empty when none given
  std::string prev;    // hash of the previous entry (kAuditGenesis for the first)
  std::string key;     // fingerprint of the signer's public key; empty when unsigned
  std::string hash;    // SHA-256 of this entry without `hash` and `sig`
  std::string sig;     // Ed25519 signature (base64) of the same bytes; empty when unsigned
};

/// An entry as one JSON object (without `hash` and `sig` when `with_hash` is false: what is
/// hashed and signed).
nlohmann::ordered_json AuditEntryToJson(const AuditEntry& entry, bool with_hash = true);

/// Where a log first breaks, if it does.
struct AuditCheck {
  int entries = 0;                 // lines read
  std::optional<int> first_bad;    // 1-based line (= entry number) of the first bad entry
  std::string problem;             // what is wrong with it, in words
  std::string last_hash;           // hash of the last good entry (kAuditGenesis when empty)
  std::vector<AuditEntry> parsed;  // the entries before the first bad one
  int signed_entries = 0;          // signed entries before the first bad one
  int unsigned_entries = 0;
  std::vector<std::string> warnings;  // unsigned entries accepted, unreadable key files
  bool ok() const { return !first_bad; }
};

/// Checks a log's text line by line: valid JSON, sequence number, link to the previous entry,
/// hash of the content, and the form of `key` and `sig`. Stops at the first bad entry and
/// names it. With `keys`, each signature is also verified against the registered public key of
/// the entry's user; an entry signed with an unknown or wrong key, or whose signature does not
/// verify, is bad. An unsigned entry is bad when its user has a registered key and no validly
/// signed entry after it seals it (unless `keys->allow_unsigned`); otherwise it is a warning.
AuditCheck CheckAuditLog(std::string_view text, const AuditKeyring* keys = nullptr);

/// Appends one entry per change to the log at `log_path` (created when missing), chained to
/// its last entry, signed with `signer` (the user's own key) when given. Refuses, with `error`
/// naming the bad entry, to extend a broken log.
bool AppendAuditEntries(const std::string& log_path, const std::string& user,
                        const std::string& subject, const std::vector<FieldChange>& changes,
                        const std::string& reason, const std::string& at, std::string* error,
                        const SigningKey* signer = nullptr);

/// Saves `after` over the assessment at `path` (atomically, keeping the unknown fields its
/// extras hold) and appends every field that differs from `before` to its audit log, first.
/// The assessment records the log's head (`audit_head`: entries and last hash) so that
/// `CheckAuditAgainstAssessment` can tell a log cut short. No change: nothing is written.
/// The entries are signed with the user's key from UserKeyFolder(); without one they are
/// appended unsigned and `warnings` says so (also when the key is not registered in the
/// review folder's keys/). A key that exists but cannot be used stops the save (`error`).
bool SaveAssessmentAudited(const std::string& path, const Subject& before, const Subject& after,
                           const std::string& user, const std::string& reason, std::string* error,
                           std::vector<std::string>* warnings = nullptr);

/// The log's head against the `audit_head` an assessment records; empty when they match or
/// the assessment records none, else the problem in words.
std::string CheckAuditAgainstAssessment(const AuditCheck& log,
                                        const nlohmann::ordered_json& assessment);

/// One line per entry for people: "#3 2026-06-02T14:31:00Z R1 2026-02-16 T1 long_axis_mm:
/// 32 -> 30.5 (re-measured on thinner slices)".
std::string FormatAuditHistory(const std::vector<AuditEntry>& entries);

}  // namespace nadir
