#include "formats/review/audit_signatures.h"

#include <filesystem>

namespace nadir {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
constexpr const char* kPublicKeySuffix = ".pub";

std::string Str(const Json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool IsFingerprint(const std::string& s) {
  return s.size() == 16 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

AuditKeyring LoadAuditKeyring(const std::string& keys_folder) {
  AuditKeyring ring;
  std::error_code ec;
  if (keys_folder.empty() || !fs::is_directory(keys_folder, ec)) return ring;
  ring.folder = keys_folder;
  for (const auto& file : fs::directory_iterator(keys_folder, ec)) {
    const fs::path& p = file.path();
    if (p.extension() != kPublicKeySuffix || !file.is_regular_file(ec)) continue;
    const std::string user = p.stem().string();
    if (!IsKeyUserName(user)) {
      ring.errors.push_back(p.string() + ": not a user's key (name it USER.pub)");
      continue;
    }
    std::string error;
    auto keys = LoadPublicKeys(p.string(), &error);
    if (!error.empty()) ring.errors.push_back(error);
    for (auto& k : keys) ring.by_user[user].push_back(std::move(k));
  }
  if (ec) ring.errors.push_back(keys_folder + ": cannot list: " + ec.message());
  return ring;
}

std::string FindKeysFolder(const std::string& path) {
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec).parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / "keys", ec)) return (dir / "keys").string();
    if (dir == dir.parent_path()) break;
  }
  return "";
}

bool HasRegisteredKey(const AuditKeyring& keys, const std::string& user) {
  const auto it = keys.by_user.find(user);
  return it != keys.by_user.end() && !it->second.empty();
}

std::string RegisteredFingerprints(const AuditKeyring& keys, const std::string& user) {
  std::string out;
  const auto it = keys.by_user.find(user);
  if (it == keys.by_user.end()) return out;
  for (const auto& k : it->second) out += (out.empty() ? "" : ", ") + k.fingerprint;
  return out;
}

EntrySignature CheckEntrySignature(const Json& entry, const std::string& content,
                                   const AuditKeyring* keys, std::string* problem) {
  const bool has_key = entry.contains("key");
  const bool has_sig = entry.contains("sig");
  if (!has_key && !has_sig) return EntrySignature::kUnsigned;
  const auto bad = [&](std::string what) {
    *problem = std::move(what);
    return EntrySignature::kBad;
  };
  const std::string fingerprint = Str(entry, "key");
  const std::string sig = Str(entry, "sig");
  if (!has_sig) return bad("it names a key but has no signature: the signature was removed");
  if (!IsFingerprint(fingerprint))
    return bad("missing or malformed \"key\" (16 hexadecimal digits) beside its signature");
  if (sig.empty()) return bad("malformed \"sig\" (an Ed25519 signature in base64)");
  if (!keys) return EntrySignature::kValid;
  const std::string user = Str(entry, "user");
  const std::string where = keys->folder.empty() ? "no keys/ folder was found beside the log"
                                                 : keys->folder + "/" + user + ".pub";
  const auto registered = keys->by_user.find(user);
  if (registered == keys->by_user.end() || registered->second.empty())
    return bad("signed by " + user + " with key " + fingerprint + ", an unknown key: " + user +
               " has no registered public key (" + where + ")");
  for (const auto& k : registered->second) {
    if (k.fingerprint != fingerprint) continue;
    if (VerifyBase64(k.key.get(), content, sig)) return EntrySignature::kValid;
    return bad("its signature does not verify with " + user + "'s key " + fingerprint +
               ": the entry was rewritten or its signature altered");
  }
  return bad("signed with key " + fingerprint + ", which is not a registered key of " + user +
             " (" + where + " holds " + RegisteredFingerprints(*keys, user) + ")");
}

}  // namespace nadir
