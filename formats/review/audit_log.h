// The audit trail of an assessment: an append-only, hash-chained JSON-lines log beside it
// (docs/format/audit-v1.md). Each entry records who changed which field when, old and new
// value and why; its hash covers its content and the previous entry's hash, so an edited,
// removed, inserted or reordered entry breaks the chain at that entry.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  std::string hash;    // SHA-256 of this entry without `hash`
};

/// An entry as one JSON object (without `hash` when `with_hash` is false: what is hashed).
nlohmann::ordered_json AuditEntryToJson(const AuditEntry& entry, bool with_hash = true);

/// Where a log first breaks, if it does.
struct AuditCheck {
  int entries = 0;                 // lines read
  std::optional<int> first_bad;    // 1-based line (= entry number) of the first bad entry
  std::string problem;             // what is wrong with it, in words
  std::string last_hash;           // hash of the last good entry (kAuditGenesis when empty)
  std::vector<AuditEntry> parsed;  // the entries before the first bad one
  bool ok() const { return !first_bad; }
};

/// Checks a log's text line by line: valid JSON, sequence number, link to the previous entry,
/// hash of the content. Stops at the first bad entry and names it.
AuditCheck CheckAuditLog(std::string_view text);

/// Appends one entry per change to the log at `log_path` (created when missing), chained to
/// its last entry. Refuses, with `error` naming the bad entry, to extend a broken log.
bool AppendAuditEntries(const std::string& log_path, const std::string& user,
                        const std::string& subject, const std::vector<FieldChange>& changes,
                        const std::string& reason, const std::string& at, std::string* error);

/// Saves `after` over the assessment at `path` (atomically, keeping unknown fields of
/// `original`) and appends every field that differs from `before` to its audit log, first.
/// The assessment records the log's head (`audit_head`: entries and last hash) so that
/// `CheckAuditAgainstAssessment` can tell a log cut short. No change: nothing is written.
bool SaveAssessmentAudited(const std::string& path, const Subject& before, const Subject& after,
                           const nlohmann::ordered_json& original, const std::string& user,
                           const std::string& reason, std::string* error);

/// The log's head against the `audit_head` an assessment records; empty when they match or
/// the assessment records none, else the problem in words.
std::string CheckAuditAgainstAssessment(const AuditCheck& log,
                                        const nlohmann::ordered_json& assessment);

/// One line per entry for people: "#3 2026-06-02T14:31:00Z R1 2026-02-16 T1 long_axis_mm:
/// 32 -> 30.5 (re-measured on thinner slices)".
std::string FormatAuditHistory(const std::vector<AuditEntry>& entries);

}  // namespace nadir
