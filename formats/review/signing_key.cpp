#include "formats/review/signing_key.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "formats/assessment_json.h"  // ReadTextFile, WriteFileAtomically
#include "formats/review/sha256.h"

namespace nadir {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kEd25519SignatureBytes = 64;
constexpr std::size_t kSignatureBase64Chars = 88;  // 64 bytes -> 88 characters with "=="
constexpr std::size_t kFingerprintHexDigits = 16;

struct BioDeleter {
  void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

std::string BioText(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

/// Creates every missing folder of `path` with mode 0700 and makes `path` itself 0700.
bool MakePrivateFolder(const std::string& path, std::string* error) {
  fs::path built;
  for (const auto& part : fs::path(path)) {
    built /= part;
    if (::mkdir(built.c_str(), 0700) != 0 && errno != EEXIST) {
      if (error) *error = built.string() + ": cannot create the folder: " + std::strerror(errno);
      return false;
    }
  }
  if (::chmod(path.c_str(), 0700) != 0) {
    if (error) *error = path + ": cannot make the folder private: " + std::strerror(errno);
    return false;
  }
  return true;
}

/// Writes `text` to a new file `path` with mode 0600; never replaces an existing file (the
/// text goes to a temporary file first, then is linked under its name, which fails if taken).
bool WriteNewPrivateFile(const std::string& path, const std::string& text, std::string* error) {
  std::string temp = path + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());  // mode 0600
  if (fd < 0) {
    if (error) *error = path + ": cannot write: " + std::strerror(errno);
    return false;
  }
  bool ok = true;
  for (std::size_t done = 0; ok && done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  if (ok && ::link(temp.c_str(), path.c_str()) != 0) {
    if (error)
      *error = errno == EEXIST ? path + ": a key already exists; it is not overwritten"
                               : path + ": cannot write: " + std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  ::unlink(temp.c_str());
  if (!ok && error) *error = path + ": cannot write the key";
  return ok;
}

}  // namespace

void PkeyDeleter::operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }

std::string UserKeyFolder() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "nadir" / "keys").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".config" / "nadir" / "keys").string();
  return "";
}

bool IsKeyUserName(std::string_view user) {
  if (user.empty() || user.front() == '.') return false;
  for (const char c : user)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_')
      return false;
  return true;
}

bool CreateSigningKey(const std::string& folder, const std::string& user, std::string* error) {
  if (!IsKeyUserName(user)) {
    if (error) *error = "user '" + user + "': use letters, digits, '.', '-' or '_'";
    return false;
  }
  const std::string pem = (fs::path(folder) / (user + ".pem")).string();
  std::error_code ec;
  if (fs::exists(pem, ec)) {
    if (error) *error = pem + ": a key already exists; it is not overwritten";
    return false;
  }
  if (!MakePrivateFolder(folder, error)) return false;
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  BioPtr priv(BIO_new(BIO_s_mem()));
  BioPtr pub(BIO_new(BIO_s_mem()));
  if (!key || !priv || !pub ||
      PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
      PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1) {
    if (error) *error = "OpenSSL could not make an Ed25519 key";
    return false;
  }
  if (!WriteNewPrivateFile(pem, BioText(priv.get()), error)) return false;
  const std::string pub_path = (fs::path(folder) / (user + ".pub")).string();
  return WriteFileAtomically(pub_path, BioText(pub.get()), error);
}

std::optional<SigningKey> LoadSigningKey(const std::string& folder, const std::string& user,
                                         std::string* error) {
  if (error) error->clear();
  if (folder.empty() || !IsKeyUserName(user)) return std::nullopt;
  const std::string pem = (fs::path(folder) / (user + ".pem")).string();
  struct stat st {};
  if (::stat(pem.c_str(), &st) != 0) return std::nullopt;
  const auto fail = [&](std::string what) {
    if (error) *error = pem + ": " + std::move(what);
    return std::nullopt;
  };
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return fail(std::string("the private key is readable by others (mode ") + mode +
                "): not used; chmod 600 it");
  }
  const auto text = ReadTextFile(pem);
  if (!text) return fail("cannot read the private key");
  BioPtr bio(BIO_new_mem_buf(text->data(), static_cast<int>(text->size())));
  PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) return fail("not a PEM private key");
  if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) return fail("not an Ed25519 key");
  SigningKey out{user, pem, KeyFingerprint(key.get()), std::move(key)};
  return out;
}

std::vector<PublicKey> LoadPublicKeys(const std::string& pem_path, std::string* error) {
  std::vector<PublicKey> keys;
  const auto text = ReadTextFile(pem_path);
  if (!text) {
    if (error) *error = pem_path + ": cannot read the file";
    return keys;
  }
  BioPtr bio(BIO_new_mem_buf(text->data(), static_cast<int>(text->size())));
  while (EVP_PKEY* raw = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr)) {
    PkeyPtr key(raw);
    if (EVP_PKEY_get_id(raw) != EVP_PKEY_ED25519) {
      if (error) *error = pem_path + ": a key that is not Ed25519";
      return {};
    }
    keys.push_back({KeyFingerprint(raw), std::move(key)});
  }
  if (keys.empty() && error) *error = pem_path + ": no PEM public key in it";
  return keys;
}

std::string KeyFingerprint(EVP_PKEY* key) {
  unsigned char raw[64];
  std::size_t length = sizeof raw;
  if (EVP_PKEY_get_raw_public_key(key, raw, &length) != 1)
    throw std::runtime_error("OpenSSL could not read a raw public key");
  return Sha256Hex(std::string_view(reinterpret_cast<const char*>(raw), length))
      .substr(0, kFingerprintHexDigits);
}

std::string SignBase64(EVP_PKEY* key, std::string_view message) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  unsigned char signature[kEd25519SignatureBytes];
  std::size_t length = sizeof signature;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), signature, &length,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
    throw std::runtime_error("OpenSSL could not sign an audit entry");
  std::string out(kSignatureBase64Chars + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), signature,
                                static_cast<int>(length));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool VerifyBase64(EVP_PKEY* key, std::string_view message, std::string_view signature_base64) {
  if (signature_base64.size() != kSignatureBase64Chars) return false;
  unsigned char decoded[kSignatureBase64Chars];
  const int n =
      EVP_DecodeBlock(decoded, reinterpret_cast<const unsigned char*>(signature_base64.data()),
                      static_cast<int>(signature_base64.size()));
  // 88 characters decode to 66 bytes, the last two the "==" padding.
  if (n != static_cast<int>(kEd25519SignatureBytes) + 2 || !signature_base64.ends_with("=="))
    return false;
  MdCtxPtr ctx(EVP_MD_CTX_new());
  return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key) == 1 &&
         EVP_DigestVerify(ctx.get(), decoded, kEd25519SignatureBytes,
                          reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

}  // namespace nadir
