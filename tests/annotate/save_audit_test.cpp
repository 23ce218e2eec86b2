// The viewer's saves go through the audit trail: each save logs the fields changed since the
// last one (old and new value), signed with the reader's key when there is one; a key that
// cannot be used stops the save and keeps the edits; a save without a change logs nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "formats/assessment_json.h"
#include "formats/review/audit_log.h"
#include "formats/review/audit_signatures.h"
#include "formats/review/signing_key.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/text_file.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;
using test::D;
using test::DrawLine;

/// Points XDG_CONFIG_HOME (where the private keys live) at `folder` while it lives.
class ConfigHome {
 public:
  explicit ConfigHome(const fs::path& folder) {
    if (const char* v = std::getenv("XDG_CONFIG_HOME")) saved_ = v;
    ::setenv("XDG_CONFIG_HOME", folder.c_str(), 1);
  }
  ~ConfigHome() {
    if (saved_)
      ::setenv("XDG_CONFIG_HOME", saved_->c_str(), 1);
    else
      ::unsetenv("XDG_CONFIG_HOME");
  }
  ConfigHome(const ConfigHome&) = delete;
  ConfigHome& operator=(const ConfigHome&) = delete;

 private:
  std::optional<std::string> saved_;
};

/// A trial folder with the assessment's file, and the reader's own configuration folder.
struct Reading {
  test::ScratchDir dir;
  ConfigHome home{dir / "config"};
  std::string file = (dir / "trial/S-01.R1.json").string();
  std::string log = AuditLogPathFor(file);
  AnnotationSession session{(dir / "autosave").string()};
  Reading() {
    fs::create_directories(dir / "trial");
    session.New("S-01", D("2026-01-05"));
    session.Apply(SetReader{"R1"});
    session.Apply(SetTool{Tool::kBidirectional});
    EXPECT_TRUE(DrawLine(session, {0, 0, 0}, {30, 0, 0}, "b.1"));
    session.Apply(SetSite{"T1", "liver"});
  }
  /// R1's key pair, its public key registered in the trial's keys/.
  void MakeKey() {
    std::string error;
    ASSERT_TRUE(CreateSigningKey(UserKeyFolder(), "R1", &error)) << error;
    fs::create_directories(dir / "trial/keys");
    fs::copy_file(UserKeyFolder() + "/R1.pub", dir / "trial/keys/R1.pub");
  }
  AuditCheck Log(bool with_keys) const {
    const AuditKeyring keys = LoadAuditKeyring(FindKeysFolder(log));
    return CheckAuditLog(test::ReadText(log), with_keys ? &keys : nullptr);
  }
  /// The log against the `audit_head` the saved file records ("" when they agree).
  std::string HeadProblem() const {
    return CheckAuditAgainstAssessment(Log(false),
                                       nlohmann::ordered_json::parse(test::ReadText(file)));
  }
};

const AuditEntry* Find(const AuditCheck& log, const std::string& lesion, const std::string& field,
                       int after_seq = 0) {
  for (const auto& e : log.parsed)
    if (e.seq > after_seq && e.change.lesion == lesion && e.change.field == field) return &e;
  return nullptr;
}

TEST(SaveAudited, TwoSavesLogEachChangedFieldWithOldAndNewValue) {
  Reading r;
  std::string error;
  ASSERT_TRUE(r.session.SaveAs(r.file, &error)) << error;
  // A new file: its creation is recorded (subject, reader, baseline, then its lesion T1), by
  // the reader.
  AuditCheck log = r.Log(false);
  ASSERT_TRUE(log.ok()) << log.problem;
  ASSERT_EQ(log.entries, 4) << test::ReadText(r.log);
  EXPECT_EQ(log.parsed[0].change.field, "subject");
  EXPECT_EQ(log.parsed[0].change.new_value, FieldValue(std::string("S-01")));
  EXPECT_EQ(log.parsed[2].change.field, "timepoint");
  EXPECT_EQ(log.parsed[3].change.field, "lesion");
  EXPECT_EQ(log.parsed[3].change.new_value, FieldValue(std::string("T1")));
  for (const auto& e : log.parsed) {
    EXPECT_EQ(e.user, "R1");
    EXPECT_EQ(e.reason, "new assessment file");
  }
  EXPECT_EQ(r.HeadProblem(), "");
  EXPECT_FALSE(r.session.dirty());

  r.session.Apply(SetSite{"T1", "lung"});
  r.session.Apply(SelectLesion{""});
  ASSERT_TRUE(DrawLine(r.session, {50, 0, 0}, {50, 20, 0}, "b.2"));
  ASSERT_TRUE(r.session.Save(&error)) << error;
  log = r.Log(false);
  ASSERT_TRUE(log.ok()) << log.problem;
  ASSERT_EQ(log.entries, 6) << test::ReadText(r.log);
  const AuditEntry* site = Find(log, "T1", "site", 4);
  ASSERT_NE(site, nullptr) << test::ReadText(r.log);
  EXPECT_EQ(site->change.timepoint, "2026-01-05");
  EXPECT_EQ(site->change.old_value, FieldValue(std::string("liver")));
  EXPECT_EQ(site->change.new_value, FieldValue(std::string("lung")));
  EXPECT_EQ(site->reason, "");
  const AuditEntry* added = Find(log, "T2", "lesion", 4);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->change.old_value, FieldValue());
  EXPECT_EQ(added->change.new_value, FieldValue(std::string("T2")));
  EXPECT_EQ(r.HeadProblem(), "");
  EXPECT_NE(r.session.message().find("2 changes logged"), std::string::npos) << r.session.message();
  // No key: unsigned, and the status line says why.
  EXPECT_NE(r.session.message().find("unsigned"), std::string::npos) << r.session.message();
  EXPECT_NE(r.session.message().find("R1 has no signing key"), std::string::npos);
}

TEST(SaveAudited, AnIrecistFlagAloneIsLoggedAndSaved) {
  Reading r;
  r.session.Apply(AddLesion{LesionKind::kNonTarget});
  ASSERT_TRUE(r.session.AddTimepoint(D("2026-03-02"), "Week 8", "study.2"));
  r.session.Apply(SetTimepoint{1});
  r.session.Apply(SetState{"NT1", LesionState::kPresent});
  std::string error;
  ASSERT_TRUE(r.session.SaveAs(r.file, &error)) << error;
  const int before = r.Log(false).entries;
  r.session.Apply(SetIncreased{"NT1", true});
  ASSERT_TRUE(r.session.dirty());
  ASSERT_TRUE(r.session.Save(&error)) << error;
  const AuditCheck log = r.Log(false);
  ASSERT_EQ(log.entries, before + 1) << test::ReadText(r.log);
  EXPECT_EQ(log.parsed.back().change.field, "increased_since_last");
  EXPECT_EQ(log.parsed.back().change.new_value, FieldValue(true));
  EXPECT_NE(test::ReadText(r.file).find("increased_since_last"), std::string::npos);
}

TEST(SaveAudited, WithTheReadersKeyEntriesAreSignedAndVerify) {
  Reading r;
  r.MakeKey();
  std::string error;
  ASSERT_TRUE(r.session.SaveAs(r.file, &error)) << error;
  r.session.Apply(SetSite{"T1", "lung"});
  ASSERT_TRUE(r.session.Save(&error)) << error;
  EXPECT_NE(r.session.message().find("signed by R1 (key "), std::string::npos)
      << r.session.message();
  const AuditCheck log = r.Log(true);
  ASSERT_TRUE(log.ok()) << log.problem;
  EXPECT_EQ(log.entries, 5);
  EXPECT_EQ(log.signed_entries, 5);
  EXPECT_EQ(log.unsigned_entries, 0);
  EXPECT_TRUE(log.warnings.empty()) << log.warnings.front();
  EXPECT_EQ(r.HeadProblem(), "");
}

TEST(SaveAudited, TheUserIsTheReaderElseSetUser) {
  Reading r;
  r.session.SetUser("tech.7");
  EXPECT_EQ(r.session.AuditUser(), "R1");
  r.session.Apply(SetReader{""});
  EXPECT_EQ(r.session.AuditUser(), "tech.7");
  std::string error;
  ASSERT_TRUE(r.session.SaveAs(r.file, &error)) << error;
  EXPECT_EQ(r.Log(false).parsed.front().user, "tech.7");
}

TEST(SaveAudited, AnUnusableKeyStopsTheSaveAndKeepsTheEdits) {
  Reading r;
  r.MakeKey();
  std::string error;
  ASSERT_TRUE(r.session.SaveAs(r.file, &error)) << error;
  const std::string saved = test::ReadText(r.file);
  const std::string logged = test::ReadText(r.log);
  ASSERT_EQ(::chmod((UserKeyFolder() + "/R1.pem").c_str(), 0644), 0);  // readable by others
  r.session.Apply(SetSite{"T1", "lung"});
  EXPECT_FALSE(r.session.Save(&error));
  EXPECT_NE(error.find("R1's signing key cannot be used"), std::string::npos) << error;
  EXPECT_NE(error.find("readable by others"), std::string::npos) << error;
  EXPECT_EQ(r.session.message(), error);
  EXPECT_TRUE(r.session.dirty());
  EXPECT_EQ(r.session.subject().timepoints[0].lesions[0].site, "lung");
  EXPECT_EQ(test::ReadText(r.file), saved);
  EXPECT_EQ(test::ReadText(r.log), logged);
  EXPECT_TRUE(fs::exists(r.session.AutosavePath()));  // the edit is in the autosave too
}

TEST(SaveAudited, ASaveWithoutAChangeAppendsNothing) {
  Reading r;
  std::string error;
  ASSERT_TRUE(r.session.SaveAs(r.file, &error)) << error;
  const std::string logged = test::ReadText(r.log);
  ASSERT_TRUE(r.session.Save(&error)) << error;
  EXPECT_EQ(test::ReadText(r.log), logged);
  // An edit taken back is no change either.
  r.session.Apply(SetSite{"T1", "lung"});
  r.session.Apply(Undo{});
  ASSERT_TRUE(r.session.dirty());
  ASSERT_TRUE(r.session.Save(&error)) << error;
  EXPECT_FALSE(r.session.dirty());
  EXPECT_EQ(test::ReadText(r.log), logged);
  EXPECT_NE(r.session.message().find("no change"), std::string::npos) << r.session.message();
  EXPECT_EQ(r.HeadProblem(), "");
}

TEST(SaveAudited, SaveAsOverAnotherFileLogsWhatItReplaces) {
  Reading r;
  std::string error;
  const std::string other = (r.dir / "trial/other.json").string();
  AnnotationSession first{(r.dir / "autosave2").string()};
  first.New("S-01", D("2026-01-05"));
  first.Apply(SetReader{"R1"});
  ASSERT_TRUE(first.SaveAs(other, &error)) << error;
  const int created = CheckAuditLog(test::ReadText(AuditLogPathFor(other))).entries;
  ASSERT_TRUE(r.session.SaveAs(other, &error)) << error;
  const AuditCheck log = CheckAuditLog(test::ReadText(AuditLogPathFor(other)));
  ASSERT_TRUE(log.ok()) << log.problem;
  ASSERT_EQ(log.entries, created + 1);  // only T1 is new: same subject, reader and baseline
  EXPECT_EQ(log.parsed.back().change.field, "lesion");
  // A file there that is not an assessment is not overwritten.
  const std::string junk = (r.dir / "trial/notes.json").string();
  test::WriteText(junk, "not json");
  EXPECT_FALSE(r.session.SaveAs(junk, &error));
  EXPECT_NE(error.find("not a readable assessment"), std::string::npos) << error;
  EXPECT_EQ(test::ReadText(junk), "not json");
}

}  // namespace
}  // namespace nadir::annotate
