// Signed audit entries: a log rewritten without the private keys, a wrong or unknown key and a
// tampered signature are named; unsigned logs are warned about.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

#include "formats/assessment_json.h"
#include "formats/review/audit_log.h"
#include "formats/review/audit_signatures.h"
#include "formats/review/sha256.h"
#include "formats/review/signing_key.h"
#include "tests/measure/subject_builder.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/text_file.h"

namespace nadir {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using test::ReadText;
using test::WriteText;

FieldChange Change(const std::string& lesion, double old_mm, double new_mm) {
  return {"2026-02-16", lesion, "long_axis_mm", old_mm, new_mm};
}

/// A trial's review folder with R1's key registered, R1's and R2's private keys elsewhere.
struct SignedTrial {
  test::ScratchDir dir;
  std::string home_keys = dir / "home/nadir/keys";  // the readers' own folder
  std::string review = dir / "review";
  std::string log = dir / "review/S-01.R1.audit.jsonl";
  SignedTrial() {
    std::string error;
    EXPECT_TRUE(CreateSigningKey(home_keys, "R1", &error)) << error;
    EXPECT_TRUE(CreateSigningKey(home_keys, "R2", &error)) << error;
    fs::create_directories(review + "/keys");
    fs::copy_file(home_keys + "/R1.pub", review + "/keys/R1.pub");
  }
  SigningKey Key(const std::string& user) {
    std::string error;
    auto key = LoadSigningKey(home_keys, user, &error);
    EXPECT_TRUE(key) << error;
    return std::move(*key);
  }
  /// Four entries by R1, signed.
  void WriteSignedLog() {
    const SigningKey r1 = Key("R1");
    std::string error;
    ASSERT_TRUE(AppendAuditEntries(log, "R1", "S-01",
                                   {Change("T1", 32, 30.5), Change("T2", 20, 21)}, "re-measured",
                                   "2026-06-02T14:31:00Z", &error, &r1))
        << error;
    ASSERT_TRUE(AppendAuditEntries(log, "R1", "S-01", {Change("T3", 15, 14), Change("T4", 12, 0)},
                                   "", "2026-06-03T09:00:00Z", &error, &r1))
        << error;
  }
  AuditCheck Verify(bool allow_unsigned = false) {
    AuditKeyring keys = LoadAuditKeyring(FindKeysFolder(log));
    keys.allow_unsigned = allow_unsigned;
    return CheckAuditLog(ReadText(log), &keys);
  }
};

std::vector<Json> Entries(const std::string& text) {
  std::vector<Json> out;
  std::size_t pos = 0, end;
  while ((end = text.find('\n', pos)) != std::string::npos) {
    out.push_back(Json::parse(text.substr(pos, end - pos)));
    pos = end + 1;
  }
  return out;
}

/// Rewrites a log the way someone without the private keys can: every hash and link
/// recomputed. `keep_signatures`: the old `key` and `sig` copied over unchanged.
std::string Rechained(std::vector<Json> entries, bool keep_signatures) {
  std::string prev = kAuditGenesis, text;
  for (auto& j : entries) {
    const Json old = j;
    j.erase("hash");
    j.erase("sig");
    if (!keep_signatures) j.erase("key");
    j["prev"] = prev;
    const std::string hash = Sha256Hex(j.dump());
    j["hash"] = hash;
    if (keep_signatures && old.contains("sig")) j["sig"] = old["sig"];
    text += j.dump() + "\n";
    prev = hash;
  }
  return text;
}

TEST(AuditSignatures, SignedLogVerifies) {
  SignedTrial t;
  t.WriteSignedLog();
  const AuditCheck check = t.Verify();
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.signed_entries, 4);
  EXPECT_EQ(check.unsigned_entries, 0);
  EXPECT_TRUE(check.warnings.empty());
  EXPECT_EQ(check.parsed[0].key, t.Key("R1").fingerprint);
  EXPECT_EQ(check.parsed[0].sig.size(), 88u);
}

TEST(AuditSignatures, FullRewriteWithoutTheKeysIsFound) {
  SignedTrial t;
  t.WriteSignedLog();
  auto entries = Entries(ReadText(t.log));
  entries[2]["new"] = 24.0;  // T3 now reads 24 mm; hashes, links (and head) all recomputed

  // Signatures dropped: unsigned entries of a user who has a registered key.
  WriteText(t.log, Rechained(entries, false));
  AuditCheck check = t.Verify();
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(check.first_bad, 1);
  EXPECT_EQ(check.problem.rfind("entry 1: not signed, but its user R1 has a registered key", 0), 0u)
      << check.problem;
  EXPECT_TRUE(check.parsed.empty());
  EXPECT_TRUE(CheckAuditLog(ReadText(t.log)).ok());  // the chain alone cannot tell

  // Old signatures kept: entries 1 and 2 are unchanged and verify, entry 3 does not.
  WriteText(t.log, Rechained(entries, true));
  check = t.Verify();
  EXPECT_EQ(check.first_bad, 3);
  EXPECT_EQ(check.problem, "entry 3: its signature does not verify with R1's key " +
                               t.Key("R1").fingerprint +
                               ": the entry was rewritten or its signature altered");
  EXPECT_EQ(check.parsed.size(), 2u);
}

TEST(AuditSignatures, TamperedSignatureIsNamed) {
  SignedTrial t;
  t.WriteSignedLog();
  auto entries = Entries(ReadText(t.log));
  std::string sig = entries[1]["sig"];
  sig[10] = sig[10] == 'A' ? 'B' : 'A';
  entries[1]["sig"] = sig;
  std::string text;
  for (const auto& j : entries) text += j.dump() + "\n";
  WriteText(t.log, text);
  const AuditCheck check = t.Verify();
  EXPECT_EQ(check.first_bad, 2);
  EXPECT_NE(check.problem.find("entry 2: its signature does not verify"), std::string::npos)
      << check.problem;
}

TEST(AuditSignatures, RemovedSignatureIsNamed) {
  SignedTrial t;
  t.WriteSignedLog();
  auto entries = Entries(ReadText(t.log));
  entries[3].erase("sig");  // `key` stays: it is covered by the hash
  std::string text;
  for (const auto& j : entries) text += j.dump() + "\n";
  WriteText(t.log, text);
  const AuditCheck check = t.Verify();
  EXPECT_EQ(check.first_bad, 4);
  EXPECT_EQ(check.problem,
            "entry 4: it names a key but has no signature: the signature was removed");
}

TEST(AuditSignatures, WrongKeyIsNamed) {
  // Someone makes a key of their own under R1's name and signs a rewritten log with it.
  SignedTrial t;
  t.WriteSignedLog();
  std::string error;
  ASSERT_TRUE(CreateSigningKey(t.dir / "forger", "R1", &error)) << error;
  const auto forged = LoadSigningKey(t.dir / "forger", "R1", &error);
  ASSERT_TRUE(forged) << error;
  fs::remove(t.log);
  ASSERT_TRUE(AppendAuditEntries(t.log, "R1", "S-01", {Change("T1", 32, 24)}, "",
                                 "2026-06-02T14:31:00Z", &error, &*forged))
      << error;
  const AuditCheck check = t.Verify();
  EXPECT_EQ(check.first_bad, 1);
  EXPECT_EQ(check.problem, "entry 1: signed with key " + forged->fingerprint +
                               ", which is not a registered key of R1 (" + t.review +
                               "/keys/R1.pub holds " + t.Key("R1").fingerprint + ")");
}

TEST(AuditSignatures, UnknownKeyIsNamed) {
  SignedTrial t;
  t.WriteSignedLog();
  const SigningKey r2 = t.Key("R2");  // R2's public key was never registered
  std::string error;
  ASSERT_TRUE(AppendAuditEntries(t.log, "R2", "S-01", {Change("T1", 30.5, 31)}, "",
                                 "2026-06-04T10:00:00Z", &error, &r2))
      << error;
  const AuditCheck check = t.Verify();
  EXPECT_EQ(check.first_bad, 5);
  EXPECT_EQ(check.problem, "entry 5: signed by R2 with key " + r2.fingerprint +
                               ", an unknown key: R2 has no registered public key (" + t.review +
                               "/keys/R2.pub)");
  // A key of one user cannot sign another user's entries.
  EXPECT_FALSE(AppendAuditEntries(t.log, "R1", "S-01", {Change("T1", 31, 32)}, "",
                                  "2026-06-04T10:00:00Z", &error, &r2));
}

TEST(AuditSignatures, UnsignedLogsAreWarnedAbout) {
  SignedTrial t;
  std::string error;
  // A log from before signatures, by R2 who has no registered key: it verifies, with a warning.
  ASSERT_TRUE(AppendAuditEntries(t.log, "R2", "S-01", {Change("T1", 32, 30.5)}, "",
                                 "2026-06-02T14:31:00Z", &error));
  AuditCheck check = t.Verify();
  EXPECT_TRUE(check.ok()) << check.problem;
  ASSERT_EQ(check.warnings.size(), 1u);
  EXPECT_EQ(check.warnings[0],
            "1 of 1 entries unsigned: their chain finds edits, not a full rewrite");

  // By R1, who has a registered key: bad, unless the trial accepts its older unsigned logs.
  fs::remove(t.log);
  ASSERT_TRUE(AppendAuditEntries(t.log, "R1", "S-01", {Change("T1", 32, 30.5)}, "",
                                 "2026-06-02T14:31:00Z", &error));
  EXPECT_EQ(t.Verify().first_bad, 1);
  check = t.Verify(/*allow_unsigned=*/true);
  EXPECT_TRUE(check.ok()) << check.problem;
  ASSERT_EQ(check.warnings.size(), 2u);
  EXPECT_NE(check.warnings[0].find("(accepted: --allow-unsigned)"), std::string::npos);

  // A signed entry after it seals it: the unsigned entry can no longer be rewritten unseen.
  const SigningKey r1 = t.Key("R1");
  ASSERT_TRUE(AppendAuditEntries(t.log, "R1", "S-01", {Change("T1", 30.5, 31)}, "",
                                 "2026-06-03T09:00:00Z", &error, &r1))
      << error;
  check = t.Verify();
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.signed_entries, 1);
  EXPECT_EQ(check.unsigned_entries, 1);
}

TEST(AuditSignatures, KeysArePrivateAndNeverOverwritten) {
  test::ScratchDir dir;
  const std::string folder = dir / "cfg/nadir/keys";
  std::string error;
  ASSERT_TRUE(CreateSigningKey(folder, "R1", &error)) << error;
  struct stat st {};
  ASSERT_EQ(::stat((folder + "/R1.pem").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(folder.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  const std::string before = ReadText(folder + "/R1.pem");
  EXPECT_FALSE(CreateSigningKey(folder, "R1", &error));
  EXPECT_EQ(error, folder + "/R1.pem: a key already exists; it is not overwritten");
  EXPECT_EQ(ReadText(folder + "/R1.pem"), before);
  EXPECT_FALSE(CreateSigningKey(folder, "../R1", &error));

  ::chmod((folder + "/R1.pem").c_str(), 0644);
  EXPECT_FALSE(LoadSigningKey(folder, "R1", &error));
  EXPECT_EQ(error, folder +
                       "/R1.pem: the private key is readable by others (mode 0644): not used; "
                       "chmod 600 it");
  EXPECT_FALSE(LoadSigningKey(folder, "R3", &error));
  EXPECT_TRUE(error.empty());  // no key: not an error
}

TEST(AuditSignatures, AuditedSaveSignsWithTheUsersKey) {
  SignedTrial t;
  const std::string path = t.review + "/S-01.R1.json";
  test::SubjectBuilder before("S-01");
  before.s.reader = "R1";
  before.At("2026-01-05", {test::Target("T1", 50)}).At("2026-02-16", {test::Target("T1", 32)});
  WriteText(path, AssessmentToJson(before.s).dump(1));
  test::SubjectBuilder after = before;
  after.s.timepoints[1].lesions[0].long_axis_mm = 30.5;
  test::SubjectBuilder later = after;
  later.s.timepoints[1].lesions[0].long_axis_mm = 31;

  const char* saved = std::getenv("XDG_CONFIG_HOME");
  const std::string saved_value = saved ? saved : "";
  ::setenv("XDG_CONFIG_HOME", (t.dir / "home").c_str(), 1);
  std::string error;
  std::vector<std::string> warnings;
  EXPECT_TRUE(SaveAssessmentAudited(path, before.s, after.s, "R1", "", &error, &warnings)) << error;
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  // R3 has no key: the entry is appended unsigned, and the save says so.
  EXPECT_TRUE(SaveAssessmentAudited(path, after.s, later.s, "R3", "", &error, &warnings)) << error;
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(
      warnings[0].rfind("R3 has no signing key (" + (t.dir / "home/nadir/keys/R3.pem").string() +
                            "): the audit entries are appended unsigned",
                        0),
      0u)
      << warnings[0];
  if (saved)
    ::setenv("XDG_CONFIG_HOME", saved_value.c_str(), 1);
  else
    ::unsetenv("XDG_CONFIG_HOME");

  const AuditCheck check = t.Verify();
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.signed_entries, 1);
  EXPECT_EQ(check.unsigned_entries, 1);
  EXPECT_EQ(CheckAuditAgainstAssessment(check, Json::parse(ReadText(path))), "");
}

}  // namespace
}  // namespace nadir
