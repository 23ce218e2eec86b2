// Signatures of audit entries: each entry appended by a user with a key carries `key` (the
// fingerprint of the user's Ed25519 public key) and `sig` (the signature of the same bytes
// the entry's hash covers). The public keys of a trial's readers are registered in the review
// folder's `keys/USER.pub` (docs/format/audit-v1.md, "Signatures").
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "formats/review/signing_key.h"

namespace nadir {

/// The registered public keys of a review folder, by user.
struct AuditKeyring {
  std::string folder;  // the keys/ folder read; empty when none was found
  std::map<std::string, std::vector<PublicKey>> by_user;
  std::vector<std::string> errors;  // files in it that could not be read, naming them
  /// Whether unsigned entries of users with a registered key are only warned about (a trial
  /// whose logs predate its keys); by default they fail (a log rewritten without signatures).
  bool allow_unsigned = false;
};

/// Reads every `USER.pub` in `keys_folder` (missing folder: an empty keyring).
AuditKeyring LoadAuditKeyring(const std::string& keys_folder);

/// The `keys` folder of the nearest folder holding `path` that has one; empty when none.
std::string FindKeysFolder(const std::string& path);

/// What the signature check of one entry found.
enum class EntrySignature { kUnsigned, kValid, kBad };

/// Checks the `key` and `sig` of one entry (`content`: the entry without `hash` and `sig`,
/// as written). `problem` says what is wrong when kBad: a key no one registered, a key that is
/// not the user's, or a signature that does not verify. Without a keyring, only the form of
/// `key` and `sig` is checked (and a well-formed signed entry counts as kValid).
EntrySignature CheckEntrySignature(const nlohmann::ordered_json& entry, const std::string& content,
                                   const AuditKeyring* keys, std::string* problem);

/// Whether `user` has a registered key, and the registered fingerprints in words.
bool HasRegisteredKey(const AuditKeyring& keys, const std::string& user);
std::string RegisteredFingerprints(const AuditKeyring& keys, const std::string& user);

}  // namespace nadir
