// `nadir keys create --user U`: an Ed25519 key pair to sign U's audit entries with.
// `nadir keys list DIR`: the public keys registered in a review folder, with fingerprints.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "cli/commands.h"
#include "formats/review/audit_signatures.h"
#include "formats/review/signing_key.h"

namespace nadir::cli {

namespace {

namespace fs = std::filesystem;

int RunCreate(int argc, char** argv) {
  CLI::App app{
      "Make an Ed25519 key pair that signs USER's audit entries; the private key stays in "
      "the user's configuration folder, the public key is to be registered in the review "
      "folder (keys/USER.pub)",
      "keys create"};
  std::string user;
  std::string folder = UserKeyFolder();
  app.add_option("--user", user, "whose key (the name nadir edit --user and audit logs use)")
      ->required();
  app.add_option("--folder", folder, "where the private key goes (default: " + folder + ")");
  CLI11_PARSE(app, argc, argv);
  if (folder.empty()) {
    std::fprintf(stderr,
                 "nadir keys create: neither XDG_CONFIG_HOME nor HOME is set: give --folder\n");
    return 1;
  }
  std::string error;
  if (!CreateSigningKey(folder, user, &error)) {
    std::fprintf(stderr, "nadir keys create: %s\n", error.c_str());
    return 1;
  }
  const auto key = LoadSigningKey(folder, user, &error);
  if (!key) {
    std::fprintf(stderr, "nadir keys create: %s\n", error.c_str());
    return 1;
  }
  const std::string pub = (fs::path(folder) / (user + ".pub")).string();
  std::printf("private key: %s (mode 0600; keep it to yourself, never copy it)\n",
              key->path.c_str());
  std::printf("public key:  %s (fingerprint %s)\n", pub.c_str(), key->fingerprint.c_str());
  std::printf(
      "register it: copy %s to REVIEW_FOLDER/keys/%s.pub, and keep its fingerprint "
      "where the trial's records are\n",
      pub.c_str(), user.c_str());
  return 0;
}

int RunList(int argc, char** argv) {
  CLI::App app{"List the public keys registered in a review folder (DIR/keys/USER.pub)",
               "keys list"};
  std::string dir;
  app.add_option("dir", dir, "review folder, or its keys/ folder")->required();
  CLI11_PARSE(app, argc, argv);
  std::error_code ec;
  const std::string keys_folder =
      fs::is_directory(fs::path(dir) / "keys", ec) ? (fs::path(dir) / "keys").string() : dir;
  const AuditKeyring ring = LoadAuditKeyring(keys_folder);
  for (const auto& e : ring.errors) std::fprintf(stderr, "nadir keys list: %s\n", e.c_str());
  if (ring.folder.empty()) {
    std::fprintf(stderr, "nadir keys list: %s: no keys folder\n", dir.c_str());
    return 1;
  }
  for (const auto& [user, keys] : ring.by_user)
    for (const auto& k : keys) std::printf("%s %s\n", user.c_str(), k.fingerprint.c_str());
  return ring.errors.empty() ? 0 : 1;
}

}  // namespace

int RunKeys(int argc, char** argv) {
  if (argc > 1 && !std::strcmp(argv[1], "create")) return RunCreate(argc - 1, argv + 1);
  if (argc > 1 && !std::strcmp(argv[1], "list")) return RunList(argc - 1, argv + 1);
  const bool help = argc > 1 && !std::strcmp(argv[1], "--help");
  std::fprintf(help ? stdout : stderr,
               "usage: nadir keys create --user U   make U's key pair to sign audit entries\n"
               "       nadir keys list DIR          keys registered in a review folder\n");
  return help ? 0 : 2;
}

}  // namespace nadir::cli
