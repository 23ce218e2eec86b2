// Saving: atomic, unknown fields kept, autosave on every edit, nothing lost in a crash, and the
// saved file recomputes (with `nadir recompute`) to exactly the responses shown live.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "formats/assessment_json.h"
#include "formats/batch.h"
#include "formats/results_json.h"
#include "measure/assess.h"
#include "tests/annotate/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::annotate {
namespace {

namespace fs = std::filesystem;
using test::D;
using test::DrawLine;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A subject read at baseline and two follow-ups: PR (-35 %), then PD by a new lesion.
void Annotate(AnnotationSession& s) {
  s.Apply(SetTool{Tool::kBidirectional});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {30, 0, 0}, "b.1"));
  s.Apply(SetSite{"T1", "liver"});
  s.Apply(SelectLesion{""});
  ASSERT_TRUE(DrawLine(s, {50, 0, 0}, {50, 20, 0}, "b.2"));
  s.Apply(SetSite{"T2", "lung"});
  s.Apply(AddLesion{LesionKind::kNonTarget});
  s.Apply(SetSite{"NT1", "bone"});
  s.AddTimepoint(D("2026-03-02"), "Week 8", "study.2");
  s.AddTimepoint(D("2026-04-27"), "Week 16", "study.3");
  s.Apply(SetTimepoint{1});
  s.Apply(SelectLesion{"T1"});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {19, 0, 0}, "f.1"));
  s.Apply(SelectLesion{"T2"});
  ASSERT_TRUE(DrawLine(s, {50, 0, 0}, {50, 13.5, 0}, "f.2"));
  s.Apply(SetState{"NT1", LesionState::kPresent});
  s.Apply(SetTimepoint{2});
  s.Apply(SelectLesion{"T1"});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {18, 0, 0}, "g.1"));
  s.Apply(SelectLesion{"T2"});
  ASSERT_TRUE(DrawLine(s, {50, 0, 0}, {50, 12, 0}, "g.2"));
  s.Apply(SetState{"NT1", LesionState::kPresent});
  s.Apply(SelectLesion{""});
  ASSERT_TRUE(DrawLine(s, {-40, 0, 0}, {-40, 9, 0}, "g.3"));
  s.Apply(SetState{"N1", LesionState::kUnequivocal});
}

nlohmann::ordered_json Responses(const SubjectResult& r) {
  auto j = SubjectResultToJson(r);
  j.erase("file");
  return j;
}

TEST(AnnotationFiles, SaveReloadAndRecomputeGiveTheLiveResponses) {
  const test::ScratchDir dir("save");
  const fs::path file = dir / "S-7.json";
  AnnotationSession s((dir / "autosave").string());
  s.New("S-7", D("2026-01-05"));
  Annotate(s);
  const SubjectResult live = s.Results();
  ASSERT_TRUE(live.errors.empty()) << live.errors.front();
  ASSERT_EQ(live.recist11->timepoints.size(), 2u);
  EXPECT_EQ(live.recist11->timepoints[0].overall, Response::kPR);
  EXPECT_EQ(live.recist11->timepoints[1].overall, Response::kPD);

  std::string error;
  ASSERT_TRUE(s.SaveAs(file.string(), &error)) << error;
  EXPECT_FALSE(s.dirty());
  EXPECT_FALSE(fs::exists(s.AutosavePath()));

  // Reloaded, the engine gives the same responses.
  AnnotationSession reloaded((dir / "autosave").string());
  ASSERT_TRUE(reloaded.Open(file.string(), &error)) << error;
  EXPECT_EQ(Responses(reloaded.Results()), Responses(live));
  // End points and the image they were drawn on survive.
  const LesionRecord* n1 = reloaded.subject().timepoints[2].Find("N1");
  ASSERT_TRUE(n1 && n1->points);
  EXPECT_EQ(n1->points->sop_uid, "g.3");
  EXPECT_EQ((*n1->points->long_axis)[1], (PatientPoint{-40, 9, 0}));

  // The batch path of `nadir recompute`, in process.
  const auto batch = AssessFiles({file.string()}, 1);
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(Responses(batch[0].result), Responses(live));

#ifdef NADIR_CLI_EXE
  // And the command itself.
  const fs::path out = dir / "results.json";
  const std::string cmd = std::string(NADIR_CLI_EXE) + " recompute -q '" + file.string() +
                          "' --out '" + out.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  const auto results = nlohmann::ordered_json::parse(Slurp(out));
  ASSERT_EQ(results["subjects"].size(), 1u);
  auto cli = results["subjects"][0];
  cli.erase("file");
  EXPECT_EQ(cli, Responses(live)) << cli.dump(1);
#endif
}

TEST(AnnotationFiles, UnknownFieldsSurviveTheViewersRewrite) {
  const test::ScratchDir dir("unknown");
  const fs::path file = dir / "S-8.json";
  std::ofstream(file) << R"({"format": "nadir-assessment/1", "subject": "S-8", "site_code": "FR-12",
    "protocol": {"confirmation": false},
    "timepoints": [{"date": "2026-01-05", "scanner": "CT-3", "lesions": [
      {"id": "T1", "kind": "target", "site": "liver", "long_axis_mm": 31, "reader_note": "rim"}]}]})";
  AnnotationSession s((dir / "autosave").string());
  std::string error;
  ASSERT_TRUE(s.Open(file.string(), &error)) << error;
  s.Apply(SetSite{"T1", "left lung"});
  ASSERT_TRUE(s.Save(&error)) << error;
  const auto j = nlohmann::ordered_json::parse(Slurp(file));
  EXPECT_EQ(j["site_code"], "FR-12");
  EXPECT_EQ(j["protocol"]["confirmation"], false);
  EXPECT_EQ(j["timepoints"][0]["scanner"], "CT-3");
  EXPECT_EQ(j["timepoints"][0]["lesions"][0]["reader_note"], "rim");
  EXPECT_EQ(j["timepoints"][0]["lesions"][0]["site"], "left lung");
  EXPECT_FALSE(fs::exists(dir / "S-8.json.tmp"));
}

TEST(AnnotationFiles, EveryEditIsAutosavedAndACrashLosesNothing) {
  const test::ScratchDir dir("crash");
  const fs::path file = dir / "S-9.json";
  std::string error;
  std::string saved_text, autosaved_text;
  {
    AnnotationSession s((dir / "autosave").string());
    s.New("S-9", D("2026-01-05"));
    // Not saved to a file yet: autosaved in the autosave folder.
    s.Apply(SetTool{Tool::kLine});
    ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {25, 0, 0}, "b.1"));
    EXPECT_EQ(s.AutosavePath(), (dir / "autosave" / "S-9.autosave").string());
    ASSERT_TRUE(fs::exists(s.AutosavePath()));
    ASSERT_TRUE(s.SaveAs(file.string(), &error)) << error;
    EXPECT_FALSE(fs::exists(dir / "autosave" / "S-9.autosave"));
    saved_text = Slurp(file);
    // More work after the save, then the process dies (no save, no destructor to rely on).
    s.Apply(SelectLesion{""});
    ASSERT_TRUE(DrawLine(s, {40, 0, 0}, {40, 17, 0}, "b.2"));
    s.Apply(SetSite{"T2", "adrenal"});
    EXPECT_TRUE(s.dirty());
    ASSERT_TRUE(fs::exists(s.AutosavePath()));
    EXPECT_EQ(s.AutosavePath(), file.string() + ".autosave");
    autosaved_text = Slurp(s.AutosavePath());
  }
  EXPECT_EQ(Slurp(file), saved_text);  // the saved file is untouched by autosaves
  // The autosave is not a .json: `nadir recompute` on the folder never reads it twice.
  std::vector<std::string> problems;
  EXPECT_EQ(FindAssessmentFiles({dir.string()}, problems).size(), 1u);

  // Next session: the file opens as saved, and the lost edits are offered back.
  AnnotationSession next((dir / "autosave").string());
  ASSERT_TRUE(next.Open(file.string(), &error)) << error;
  EXPECT_EQ(next.subject().timepoints[0].lesions.size(), 1u);
  ASSERT_TRUE(next.autosave_available());
  // An edit before recovering must not overwrite what can be recovered.
  next.Apply(SetSite{"T1", "liver"});
  next.Apply(RecoverAutosave{});
  ASSERT_EQ(next.subject().timepoints[0].lesions.size(), 2u) << next.message();
  EXPECT_EQ(next.subject().timepoints[0].lesions[1].site, "adrenal");
  EXPECT_TRUE(next.dirty());
  EXPECT_FALSE(next.autosave_available());
  next.Apply(Undo{});  // recovering is an edit like any other
  EXPECT_EQ(next.subject().timepoints[0].lesions.size(), 1u);
}

TEST(AnnotationFiles, AFailedSaveKeepsTheEditsAndSaysWhy) {
  const test::ScratchDir dir("fail");
  AnnotationSession s((dir / "autosave").string());
  s.New("S-10", D("2026-01-05"));
  s.Apply(SetTool{Tool::kLine});
  ASSERT_TRUE(DrawLine(s, {0, 0, 0}, {25, 0, 0}, "b.1"));
  std::string error;
  EXPECT_FALSE(s.Save(&error));  // no file yet
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(s.SaveAs((dir / "no-such-folder" / "x.json").string(), &error));
  EXPECT_NE(error.find("no-such-folder"), std::string::npos) << error;
  EXPECT_TRUE(s.dirty());
  EXPECT_TRUE(fs::exists(s.AutosavePath()));
}

TEST(AnnotationFiles, OpeningABadFileSaysWhichAndKeepsTheCurrentWork) {
  const test::ScratchDir dir("bad");
  std::ofstream(dir / "bad.json") << "{\"format\": \"nadir-assessment/1\", \"timepoints\": 3}";
  AnnotationSession s((dir / "autosave").string());
  s.New("S-11", D("2026-01-05"));
  std::string error;
  EXPECT_FALSE(s.Open((dir / "bad.json").string(), &error));
  EXPECT_NE(error.find("bad.json"), std::string::npos) << error;
  EXPECT_EQ(s.subject().id, "S-11");
}

}  // namespace
}  // namespace nadir::annotate
