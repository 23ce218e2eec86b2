#include "formats/review/audit_log.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "formats/assessment_json.h"
#include "formats/review/adjudication_json.h"
#include "formats/review/review_folder.h"
#include "formats/review/sha256.h"

namespace nadir {

namespace {

using Json = nlohmann::ordered_json;

Json ValueJson(const FieldValue& v) {
  if (std::holds_alternative<bool>(v)) return std::get<bool>(v);
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  return nullptr;
}

FieldValue ValueOf(const Json& j) {
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number()) return j.get<double>();
  if (j.is_string()) return j.get<std::string>();
  return {};
}

std::string ValueText(const FieldValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return "(none)";
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  return ValueJson(v).dump();
}

std::string Str(const Json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool IsHex64(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

AuditEntry EntryFromJson(const Json& j) {
  AuditEntry e;
  e.seq = j["seq"].get<int>();
  e.at = Str(j, "at");
  e.user = Str(j, "user");
  e.subject = Str(j, "subject");
  e.change.timepoint = Str(j, "timepoint");
  e.change.lesion = Str(j, "lesion");
  e.change.field = Str(j, "field");
  e.change.old_value = ValueOf(j.value("old", Json()));
  e.change.new_value = ValueOf(j.value("new", Json()));
  e.reason = Str(j, "reason");
  e.prev = Str(j, "prev");
  e.key = Str(j, "key");
  e.hash = Str(j, "hash");
  e.sig = Str(j, "sig");
  return e;
}

/// What a save should tell its user about the signature of the entries it appends.
std::vector<std::string> SigningWarnings(const std::string& log, const std::string& user,
                                         const std::optional<SigningKey>& key) {
  if (!key)
    return {user + " has no signing key (" + UserKeyFolder() + "/" + user +
            ".pem): the audit entries are appended unsigned; make one with `nadir keys create "
            "--user " +
            user + "` and register its public key in the review folder's keys/"};
  const AuditKeyring ring = LoadAuditKeyring(FindKeysFolder(log));
  if (ring.folder.empty())
    return {"no keys/ folder beside " + log + ": register " + user + "'s public key (" +
            key->fingerprint + ") there, or `nadir audit verify` cannot check the signatures"};
  if (const auto it = ring.by_user.find(user); it != ring.by_user.end())
    for (const auto& k : it->second)
      if (k.fingerprint == key->fingerprint) return {};
  return {user + "'s key " + key->fingerprint + " is not registered in " + ring.folder + "/" +
          user + ".pub: `nadir audit verify` will fail these entries until it is"};
}

}  // namespace

std::string AuditLogPathFor(const std::string& assessment_path) {
  std::filesystem::path p(assessment_path);
  if (p.extension() == ".json") p.replace_extension();
  return p.string() + ".audit.jsonl";
}

Json AuditEntryToJson(const AuditEntry& e, bool with_hash) {
  const auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  Json j{{"seq", e.seq},
         {"at", e.at},
         {"user", e.user},
         {"subject", e.subject},
         {"timepoint", opt(e.change.timepoint)},
         {"lesion", opt(e.change.lesion)},
         {"field", e.change.field},
         {"old", ValueJson(e.change.old_value)},
         {"new", ValueJson(e.change.new_value)},
         {"reason", opt(e.reason)},
         {"prev", e.prev}};
  if (!e.key.empty()) j["key"] = e.key;
  if (with_hash) j["hash"] = e.hash;
  if (with_hash && !e.sig.empty()) j["sig"] = e.sig;
  return j;
}

AuditCheck CheckAuditLog(std::string_view text, const AuditKeyring* keys) {
  AuditCheck check;
  check.last_hash = kAuditGenesis;
  std::size_t pos = 0;
  int line = 0;
  int last_signed = 0;  // the last validly signed entry: it seals every entry before it
  std::vector<std::pair<int, std::string>> unsigned_users;  // entry, user
  const auto bad = [&](std::string problem) {
    check.first_bad = line;
    check.problem = "entry " + std::to_string(line) + ": " + std::move(problem);
  };
  while (pos < text.size() && !check.first_bad) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    check.entries = line;
    Json j;
    try {
      j = Json::parse(raw);
    } catch (const nlohmann::json::exception& e) {
      // Any error the JSON library documents (parse_error, out_of_range 406 for 1e400 ...).
      bad(std::string("not valid JSON: ") + e.what());
      break;
    }
    if (!j.is_object()) {
      bad("not a JSON object");
      break;
    }
    const std::string hash = Str(j, "hash");
    const std::string prev = Str(j, "prev");
    if (!IsHex64(hash) || !IsHex64(prev)) {
      bad("missing or malformed \"hash\" or \"prev\" (64 hexadecimal digits)");
      break;
    }
    if (!j.contains("seq") || !j["seq"].is_number_integer()) {
      bad("missing or malformed \"seq\"");
      break;
    }
    Json content = j;
    content.erase("hash");
    content.erase("sig");
    const std::string signed_text = content.dump();
    if (Sha256Hex(signed_text) != hash) {
      bad("its content does not match its hash: the entry was edited");
      break;
    }
    const long long seq = j["seq"].get<long long>();
    if (seq != line) {
      bad("sequence number " + std::to_string(seq) + " where " + std::to_string(line) +
          " was expected: an entry before it was removed, or entries were reordered");
      break;
    }
    if (prev != check.last_hash) {
      bad("it does not link to the entry before it: an entry was removed, inserted or "
          "reordered");
      break;
    }
    std::string problem;
    switch (CheckEntrySignature(j, signed_text, keys, &problem)) {
      case EntrySignature::kBad:
        bad(problem);
        continue;
      case EntrySignature::kValid:
        ++check.signed_entries;
        last_signed = line;
        break;
      case EntrySignature::kUnsigned:
        ++check.unsigned_entries;
        unsigned_users.emplace_back(line, Str(j, "user"));
        break;
    }
    check.parsed.push_back(EntryFromJson(j));
    check.last_hash = hash;
  }
  if (!keys) return check;
  for (const auto& e : keys->errors) check.warnings.push_back(e);
  // An unsigned entry after the last signature, by a user who has a key: a log rewritten or
  // extended without the keys. Before a valid signature it is sealed by it.
  for (const auto& [entry, user] : unsigned_users) {
    if (entry < last_signed || !HasRegisteredKey(*keys, user)) continue;
    const std::string what = "entry " + std::to_string(entry) + ": not signed, but its user " +
                             user + " has a registered key (" + keys->folder + "/" + user +
                             ".pub): written or rewritten without " + user + "'s private key";
    if (keys->allow_unsigned) {
      check.warnings.push_back(what + " (accepted: --allow-unsigned)");
      continue;
    }
    check.first_bad = entry;
    check.problem = what;
    check.parsed.resize(static_cast<std::size_t>(entry - 1));
    break;
  }
  if (check.unsigned_entries > 0)
    check.warnings.push_back(std::to_string(check.unsigned_entries) + " of " +
                             std::to_string(check.signed_entries + check.unsigned_entries) +
                             " entries unsigned: their chain finds edits, not a full rewrite");
  return check;
}

bool AppendAuditEntries(const std::string& log_path, const std::string& user,
                        const std::string& subject, const std::vector<FieldChange>& changes,
                        const std::string& reason, const std::string& at, std::string* error,
                        const SigningKey* signer) {
  const auto fail = [&](std::string what) {
    if (error) *error = log_path + ": " + std::move(what);
    return false;
  };
  if (user.empty()) return fail("an audited change needs a user");
  if (signer && signer->user != user)
    return fail("the entries of " + user + " cannot be signed with " + signer->user + "'s key");
  if (!IsUtcDateTime(at)) return fail("bad time '" + at + "' (expected YYYY-MM-DDTHH:MM:SSZ)");
  // One writer at a time: the log is locked from reading its head to the appended entries.
  const int fd = ::open(log_path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return fail("cannot open the audit log: " + std::string(std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }  // also releases the lock
  } closer{fd};
  if (::flock(fd, LOCK_EX) != 0) return fail("cannot lock the audit log");
  std::string existing;
  char buf[1 << 16];
  for (ssize_t n; (n = ::pread(fd, buf, sizeof buf, static_cast<off_t>(existing.size()))) != 0;) {
    if (n < 0) return fail("cannot read the audit log");
    existing.append(buf, static_cast<std::size_t>(n));
  }
  const AuditCheck check = CheckAuditLog(existing);
  if (!check.ok()) return fail("the audit log is broken, not extended: " + check.problem);
  if (!existing.empty() && existing.back() != '\n')
    return fail("the audit log does not end with a newline: not extended");

  std::string lines;
  std::string prev = check.last_hash;
  int seq = check.entries;
  for (const auto& change : changes) {
    AuditEntry e{++seq, at, user, subject, change, reason, prev, "", "", ""};
    if (signer) e.key = signer->fingerprint;
    const std::string content = AuditEntryToJson(e, false).dump();
    e.hash = Sha256Hex(content);
    if (signer) e.sig = SignBase64(signer->key.get(), content);
    lines += AuditEntryToJson(e).dump() + "\n";
    prev = e.hash;
  }
  for (std::size_t done = 0; done < lines.size();) {
    const ssize_t n = ::write(fd, lines.data() + done, lines.size() - done);
    if (n <= 0) return fail("cannot append to the audit log");
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot flush the audit log");
  return true;
}

bool SaveAssessmentAudited(const std::string& path, const Subject& before, const Subject& after,
                           const std::string& user, const std::string& reason, std::string* error,
                           std::vector<std::string>* warnings) {
  const auto changes = DiffAssessments(before, after);
  if (changes.empty()) return true;
  const std::string log = AuditLogPathFor(path);
  std::string key_error;
  const std::optional<SigningKey> key = LoadSigningKey(UserKeyFolder(), user, &key_error);
  if (!key_error.empty()) {
    if (error) *error = path + ": not saved: " + key_error;
    return false;
  }
  if (warnings) *warnings = SigningWarnings(log, user, key);
  // The log first: a change is never saved without its record.
  if (!AppendAuditEntries(log, user, after.id, changes, reason, UtcNow(), error,
                          key ? &*key : nullptr))
    return false;
  const auto text = ReadTextFile(log);
  const AuditCheck check = CheckAuditLog(text.value_or(""));
  Json doc = AssessmentToJson(after);
  doc["audit_head"] = {{"entries", check.entries}, {"hash", check.last_hash}};
  return WriteFileAtomically(path, doc.dump(1) + "\n", error);
}

std::string CheckAuditAgainstAssessment(const AuditCheck& log, const Json& assessment) {
  if (!assessment.is_object() || !assessment.contains("audit_head")) return "";
  const Json& head = assessment["audit_head"];
  if (!head.is_object() || !head.contains("entries") || !head["entries"].is_number_integer() ||
      Str(head, "hash").empty())
    return "audit_head: expected {\"entries\": N, \"hash\": \"...\"}, got " + head.dump();
  const long long entries = head["entries"].get<long long>();
  if (entries > log.entries)
    return "the assessment records " + std::to_string(entries) + " audit entries, the log has " +
           std::to_string(log.entries) + ": entries after " + std::to_string(log.entries) +
           " were removed";
  if (entries == log.entries && Str(head, "hash") != log.last_hash)
    return "the assessment's audit_head.hash does not match the log's last entry";
  if (entries < log.entries)
    return "the log has " + std::to_string(log.entries - entries) +
           " entries more than the assessment records (a change logged but not saved?)";
  return "";
}

std::string FormatAuditHistory(const std::vector<AuditEntry>& entries) {
  std::string out;
  for (const auto& e : entries) {
    out += '#';
    out += std::to_string(e.seq);
    out += ' ' + e.at + ' ' + e.user + ' ';
    if (!e.change.timepoint.empty()) out += e.change.timepoint + " ";
    if (!e.change.lesion.empty()) out += e.change.lesion + " ";
    out += e.change.field + ": " + ValueText(e.change.old_value) + " -> " +
           ValueText(e.change.new_value);
    if (!e.reason.empty()) out += " (" + e.reason + ")";
    out += "\n";
  }
  return out;
}

}  // namespace nadir
