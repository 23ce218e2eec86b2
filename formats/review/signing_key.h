// Ed25519 keys of the readers who sign audit entries (OpenSSL's EVP API): a private key in the
// user's own configuration folder, its public key registered in the review folder's `keys/`
// (docs/format/audit-v1.md, "Signatures").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY;

namespace nadir {

/// Owns an OpenSSL key.
struct PkeyDeleter {
  void operator()(EVP_PKEY* key) const;
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

/// A user's private key, loaded to sign with.
struct SigningKey {
  std::string user;
  std::string path;         // the PEM file it came from
  std::string fingerprint;  // KeyFingerprint of its public half
  PkeyPtr key;
};

/// A registered public key.
struct PublicKey {
  std::string fingerprint;
  PkeyPtr key;
};

/// Where a user's private keys live: $XDG_CONFIG_HOME/nadir/keys, else
/// $HOME/.config/nadir/keys; empty when neither variable is set.
std::string UserKeyFolder();

/// A user name usable as a file name: letters, digits, '.', '-', '_', not starting with '.'.
bool IsKeyUserName(std::string_view user);

/// Makes an Ed25519 key pair for `user` in `folder` (created 0700): `USER.pem` (private, 0600,
/// never overwritten) and `USER.pub` (public, PEM). False with `error` when the key exists or
/// a file cannot be written; nothing is left half-written.
bool CreateSigningKey(const std::string& folder, const std::string& user, std::string* error);

/// Loads `folder/USER.pem`. nullopt with `error` empty when there is none, with `error` set
/// when it exists but cannot be used (unreadable, not Ed25519, readable by others).
std::optional<SigningKey> LoadSigningKey(const std::string& folder, const std::string& user,
                                         std::string* error);

/// The public keys of one PEM file (several when a user's key was replaced: old keys stay so
/// that old entries still verify). Empty with `error` when none can be read.
std::vector<PublicKey> LoadPublicKeys(const std::string& pem_path, std::string* error);

/// The first 16 hexadecimal digits of the SHA-256 of the raw 32-byte public key.
std::string KeyFingerprint(EVP_PKEY* key);

/// The Ed25519 signature of `message`, base64 (88 characters); throws on an OpenSSL failure.
std::string SignBase64(EVP_PKEY* key, std::string_view message);

/// Whether `signature_base64` is a valid Ed25519 signature of `message` by `key`.
bool VerifyBase64(EVP_PKEY* key, std::string_view message, std::string_view signature_base64);

}  // namespace nadir
