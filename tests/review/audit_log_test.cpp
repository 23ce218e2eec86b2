// The audit trail: SHA-256, the hash chain, and tampering found at the right entry.
#include "formats/review/audit_log.h"

#include <gtest/gtest.h>

#include <thread>

#include "formats/assessment_json.h"
#include "formats/review/sha256.h"
#include "tests/measure/subject_builder.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/text_file.h"

namespace nadir {
namespace {

using test::ReadText;
using test::WriteText;

// FIPS 180-2, Appendix B.1 and B.2: the one-block and two-block SHA-256 examples.
TEST(Sha256, Fips180Examples) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

FieldChange Change(const std::string& lesion, double old_mm, double new_mm) {
  return {"2026-02-16", lesion, "long_axis_mm", old_mm, new_mm};
}

/// A log of four entries: T1..T4 re-measured.
std::string MakeLog(const test::ScratchDir& dir) {
  const std::string log = dir / "S-01.R1.audit.jsonl";
  std::string error;
  EXPECT_TRUE(AppendAuditEntries(log, "R1", "S-01", {Change("T1", 32, 30.5), Change("T2", 20, 21)},
                                 "re-measured on 1 mm slices", "2026-06-02T14:31:00Z", &error))
      << error;
  EXPECT_TRUE(AppendAuditEntries(log, "R1", "S-01", {Change("T3", 15, 14), Change("T4", 12, 0)}, "",
                                 "2026-06-03T09:00:00Z", &error))
      << error;
  return log;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0, end;
  while ((end = text.find('\n', pos)) != std::string::npos) {
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

TEST(AuditLog, AppendedEntriesChainAndVerify) {
  test::ScratchDir dir;
  const std::string log = MakeLog(dir);
  const AuditCheck check = CheckAuditLog(ReadText(log));
  EXPECT_TRUE(check.ok()) << check.problem;
  ASSERT_EQ(check.entries, 4);
  ASSERT_EQ(check.parsed.size(), 4u);
  EXPECT_EQ(check.parsed[0].prev, kAuditGenesis);
  EXPECT_EQ(check.parsed[1].prev, check.parsed[0].hash);
  EXPECT_EQ(check.parsed[2].prev, check.parsed[1].hash);  // chained across two appends
  EXPECT_EQ(check.parsed[3].seq, 4);
  EXPECT_EQ(check.last_hash, check.parsed[3].hash);
}

TEST(AuditLog, HistoryReadsLikeALedger) {
  test::ScratchDir dir;
  const AuditCheck check = CheckAuditLog(ReadText(MakeLog(dir)));
  EXPECT_EQ(FormatAuditHistory({check.parsed[0], check.parsed[3]}),
            "#1 2026-06-02T14:31:00Z R1 2026-02-16 T1 long_axis_mm: 32.0 -> 30.5 "
            "(re-measured on 1 mm slices)\n"
            "#4 2026-06-03T09:00:00Z R1 2026-02-16 T4 long_axis_mm: 12.0 -> 0.0\n");
}

TEST(AuditLog, EditedEntryIsNamed) {
  test::ScratchDir dir;
  const std::string log = MakeLog(dir);
  auto lines = Lines(ReadText(log));
  const std::string was = "\"new\":14.0";
  const auto at = lines[2].find(was);
  ASSERT_NE(at, std::string::npos) << lines[2];
  lines[2].replace(at, was.size(), "\"new\":24.0");  // entry 3: T3 now reads 24 mm
  const AuditCheck check = CheckAuditLog(Joined(lines));
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(check.first_bad, 3);
  EXPECT_EQ(check.problem, "entry 3: its content does not match its hash: the entry was edited");
  EXPECT_EQ(check.parsed.size(), 2u);
}

TEST(AuditLog, RemovedEntryIsNamed) {
  test::ScratchDir dir;
  auto lines = Lines(ReadText(MakeLog(dir)));
  lines.erase(lines.begin() + 1);  // entry 2 removed: entry 3 is now on line 2
  const AuditCheck check = CheckAuditLog(Joined(lines));
  EXPECT_EQ(check.first_bad, 2);
  EXPECT_NE(check.problem.find("sequence number 3 where 2 was expected"), std::string::npos)
      << check.problem;
}

TEST(AuditLog, ReorderedEntriesAreNamed) {
  test::ScratchDir dir;
  auto lines = Lines(ReadText(MakeLog(dir)));
  std::swap(lines[2], lines[3]);
  const AuditCheck check = CheckAuditLog(Joined(lines));
  EXPECT_EQ(check.first_bad, 3);
}

TEST(AuditLog, RenumberedAfterRemovalStillBreaksTheChain) {
  // Entry 2 removed and entries 3 and 4 renumbered: the hashes no longer match (edited).
  test::ScratchDir dir;
  auto lines = Lines(ReadText(MakeLog(dir)));
  lines.erase(lines.begin() + 1);
  lines[1].replace(lines[1].find("\"seq\":3"), 7, "\"seq\":2");
  EXPECT_EQ(CheckAuditLog(Joined(lines)).first_bad, 2);
}

TEST(AuditLog, BrokenLogIsNotExtended) {
  test::ScratchDir dir;
  const std::string log = MakeLog(dir);
  auto lines = Lines(ReadText(log));
  lines[0] += "x";
  WriteText(log, Joined(lines));
  std::string error;
  EXPECT_FALSE(AppendAuditEntries(log, "R1", "S-01", {Change("T1", 30.5, 31)}, "",
                                  "2026-06-04T10:00:00Z", &error));
  EXPECT_EQ(
      error.rfind(log + ": the audit log is broken, not extended: entry 1: not valid JSON: ", 0),
      0u)
      << error;
}

TEST(AuditLog, NumberTooLargeForADoubleNamesTheEntry) {
  test::ScratchDir dir;
  auto lines = Lines(ReadText(MakeLog(dir)));
  lines[1].replace(lines[1].find("\"seq\":2"), 7, "\"seq\":77777e777777775");
  const AuditCheck check = CheckAuditLog(Joined(lines));
  EXPECT_EQ(check.first_bad, 2);
  EXPECT_NE(check.problem.find("77777e777777775"), std::string::npos) << check.problem;
}

TEST(AuditLog, ConcurrentWritersKeepOneChain) {
  // Four writers append 25 entries each to the same log at once; the lock keeps them in turn.
  test::ScratchDir dir;
  const std::string log = dir / "S-01.R1.audit.jsonl";
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      for (int i = 0; i < 25; ++i) {
        std::string error;
        EXPECT_TRUE(AppendAuditEntries(log, "R" + std::to_string(w), "S-01",
                                       {Change("T1", i, i + 1)}, "", "2026-06-02T14:31:00Z",
                                       &error))
            << error;
      }
    });
  for (auto& t : writers) t.join();
  const AuditCheck check = CheckAuditLog(ReadText(log));
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.entries, 100);
}

TEST(AuditLog, DiffAssessmentsNamesEachField) {
  test::SubjectBuilder before("S-01");
  before.At("2026-01-05", {test::Target("T1", 50), test::NonTarget("N1")})
      .At("2026-02-16", {test::Target("T1", 32), test::NonTarget("N1")});
  test::SubjectBuilder after = before;
  after.s.timepoints[1].lesions[0].long_axis_mm = 30.5;
  after.s.timepoints[1].lesions[1].state = LesionState::kAbsent;
  after.s.timepoints[1].lesions.push_back(test::NewLesion("L1"));
  const auto changes = DiffAssessments(before.s, after.s);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].lesion, "L1");
  EXPECT_EQ(changes[0].field, "lesion");
  EXPECT_EQ(changes[0].new_value, FieldValue(std::string("L1")));
  EXPECT_EQ(changes[1].lesion, "N1");
  EXPECT_EQ(changes[1].field, "state");
  EXPECT_EQ(changes[1].old_value, FieldValue(std::string("present")));
  EXPECT_EQ(changes[1].new_value, FieldValue(std::string("absent")));
  EXPECT_EQ(changes[2].timepoint, "2026-02-16");
  EXPECT_EQ(changes[2].field, "long_axis_mm");
  EXPECT_EQ(changes[2].old_value, FieldValue(32.0));
  EXPECT_EQ(changes[2].new_value, FieldValue(30.5));
}

TEST(AuditLog, AuditedSaveRecordsTheHeadAndACutLogIsFound) {
  test::ScratchDir dir;
  const std::string path = dir / "S-01.R1.json";
  test::SubjectBuilder before("S-01");
  before.s.reader = "R1";
  before.At("2026-01-05", {test::Target("T1", 50)}).At("2026-02-16", {test::Target("T1", 32)});
  WriteText(path, AssessmentToJson(before.s).dump(1));
  test::SubjectBuilder after = before;
  after.s.timepoints[1].lesions[0].long_axis_mm = 30.5;
  std::string error;
  ASSERT_TRUE(SaveAssessmentAudited(path, before.s, after.s, "R1", "re-measured", &error)) << error;
  test::SubjectBuilder later = after;
  later.s.timepoints[0].lesions[0].long_axis_mm = 51;
  ASSERT_TRUE(SaveAssessmentAudited(path, after.s, later.s, "R1", "", &error)) << error;

  const std::string log = AuditLogPathFor(path);
  EXPECT_EQ(log, dir / "S-01.R1.audit.jsonl");
  const auto doc = nlohmann::ordered_json::parse(ReadText(path));
  const AuditCheck check = CheckAuditLog(ReadText(log));
  ASSERT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.entries, 2);  // 32 -> 30.5, then 50 -> 51
  EXPECT_EQ(CheckAuditAgainstAssessment(check, doc), "");
  const LoadedAssessment reread = ParseAssessment(ReadText(path), path);
  ASSERT_TRUE(reread.subject) << (reread.errors.empty() ? "" : reread.errors[0]);
  EXPECT_EQ(reread.subject->timepoints[1].lesions[0].long_axis_mm, 30.5);

  // The last entry cut off: the chain alone is fine, the assessment's head says otherwise.
  auto lines = Lines(ReadText(log));
  lines.pop_back();
  const AuditCheck cut = CheckAuditLog(Joined(lines));
  EXPECT_TRUE(cut.ok());
  EXPECT_EQ(CheckAuditAgainstAssessment(cut, doc),
            "the assessment records 2 audit entries, the log has 1: entries after 1 were "
            "removed");
}

}  // namespace
}  // namespace nadir
