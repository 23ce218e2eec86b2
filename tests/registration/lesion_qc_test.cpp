// The QC check of issue 16 through DICOM: a phantom baseline and a follow-up rescanned with a
// known motion, written as CT series; an assessment whose week-8 T2 was recorded in the wrong
// place is flagged, the other lesions are not; `nadir track` reports the same from the files.
#include "analysis/registration/lesion_qc.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dicom/write_ct.h"
#include "formats/assessment_json.h"
#include "tests/registration/phantom_pair.h"
#include "tests/support/scratch_dir.h"

namespace nadir::registration {
namespace {

namespace fs = std::filesystem;

constexpr double kMisplacedMm = 34.0;  // the wrong place: farther than the 15 mm tolerance

struct Written {
  fs::path dir;
  Subject subject;
};

// One series per scan; lesions measured as a cross through their (true) centres.
Written WriteCase(const test::PhantomPair& pair, const fs::path& dir) {
  Written w;
  w.dir = dir;
  w.subject.id = "PH-001";
  w.subject.reader = "reader1";
  const char* dates[2] = {"2026-01-05", "2026-03-02"};
  for (int t = 0; t < 2; ++t) {
    const Volume& v = t == 0 ? pair.baseline : pair.followup;
    dicom::CtSeriesHeader h;
    h.patient_id = "PH-001";
    h.study_uid = dicom::NewUid();
    h.series_uid = dicom::NewUid();
    h.frame_of_reference_uid = dicom::NewUid();  // a new Frame of Reference each time
    h.pixel_signed = true;  // as the phantom stores it: -2000 HU outside the field of view
    h.has_padding = true;
    h.padding_value = -2000;
    h.padding_hu = -2000;
    const auto sops = dicom::WriteCtSeries(v, h, w.dir / std::to_string(t));
    Timepoint tp;
    tp.date = *ParseIsoDate(dates[t]);
    tp.label = t == 0 ? "Baseline" : "Week 8";
    tp.study_uid = h.study_uid;
    for (std::size_t i = 0; i < pair.lesion_ids.size(); ++i) {
      Vec3 c = t == 0 ? pair.baseline_centres[i] : pair.followup_centres[i];
      if (t == 1 && pair.lesion_ids[i] == "T2") c[0] += kMisplacedMm;  // recorded elsewhere
      LesionRecord l;
      l.id = pair.lesion_ids[i];
      l.kind = l.id[0] == 'T' ? LesionKind::kTarget : LesionKind::kNonTarget;
      l.state = l.kind == LesionKind::kTarget ? LesionState::kMeasured : LesionState::kPresent;
      l.site = "liver";
      if (l.kind == LesionKind::kTarget) l.long_axis_mm = 20, l.short_axis_mm = 10;
      CaliperPoints p;
      const int k = int(std::lround(v.ToIndex(c)[2]));
      p.sop_uid = sops.at(std::clamp(k, 0, v.size[2] - 1));
      p.long_axis = {{Add(c, {-10, 0, 0}), Add(c, {10, 0, 0})}};
      p.short_axis = {{Add(c, {0, -5, 0}), Add(c, {0, 5, 0})}};
      l.points = p;
      tp.lesions.push_back(l);
    }
    w.subject.timepoints.push_back(tp);
  }
  return w;
}

TEST(LesionQc, FlagsTheLesionRecordedInTheWrongPlaceOnly) {
  const auto pair = test::MakePhantomPair(0, {}, {140, 140, 48}, {2.5, 2.5, 5.0});
  const test::ScratchDir scratch;
  const Written w = WriteCase(pair, scratch);
  QcOptions options;
  options.pair.cache_dir = w.dir / "cache";
  const QcReport report = CheckLesionPositions(w.subject, w.dir, options);
  ASSERT_TRUE(report.problems.empty()) << report.problems.front();
  ASSERT_EQ(report.registrations.size(), 1u);
  ASSERT_TRUE(report.registrations[0].registration.ok)
      << report.registrations[0].registration.reason;
  ASSERT_EQ(report.checks.size(), pair.lesion_ids.size());
  for (const auto& c : report.checks) {
    ASSERT_TRUE(c.distance_mm.has_value()) << c.lesion_id << ": " << c.message;
    std::printf("%s: %.1f mm %s\n", c.lesion_id.c_str(), *c.distance_mm, c.message.c_str());
    EXPECT_EQ(c.flagged, c.lesion_id == "T2") << c.lesion_id << " " << *c.distance_mm << " mm";
  }

  // The command line, from the files, with the registration now cached.
  const fs::path assessment = w.dir / "PH-001.json";
  std::string error;
  ASSERT_TRUE(
      WriteFileAtomically(assessment.string(), AssessmentToJson(w.subject).dump(2) + "\n", &error));
  const std::string before = *ReadTextFile(assessment.string());
  const fs::path out = w.dir / "qc.json";
  const std::string cmd = std::string(NADIR_BINARY) + " track " + assessment.string() +
                          " --images " + w.dir.string() + " --out " + out.string() + " --cache " +
                          (w.dir / "cache").string() + " 2>/dev/null";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 3);  // 3: something flagged
  const auto qc = nlohmann::json::parse(*ReadTextFile(out.string()));
  EXPECT_TRUE(qc["registrations"][0]["from_cache"].get<bool>());
  for (const auto& l : qc["lesions"]) EXPECT_EQ(l["flagged"].get<bool>(), l["id"] == "T2") << l;
  EXPECT_EQ(*ReadTextFile(assessment.string()), before);  // the reader's file is untouched

  // And a point from the first scan into the second.
  const Vec3 c = pair.baseline_centres[0];
  char at[96];
  std::snprintf(at, sizeof at, "%.2f,%.2f,%.2f", c[0], c[1], c[2]);
  const fs::path points = w.dir / "points.json";
  const std::string cmd2 = std::string(NADIR_BINARY) + " track --from " + (w.dir / "0").string() +
                           " --to " + (w.dir / "1").string() + " --at " + at + " --json --cache " +
                           (w.dir / "cache").string() + " > " + points.string();
  EXPECT_EQ(WEXITSTATUS(std::system(cmd2.c_str())), 0);
  const auto pj = nlohmann::json::parse(*ReadTextFile(points.string()));
  const auto to = pj["points"][0]["to_mm"];
  ASSERT_TRUE(to.is_array()) << pj.dump();
  EXPECT_LE(Norm(Sub(Vec3{to[0], to[1], to[2]}, pair.followup_centres[0])), 8.0);
}

}  // namespace
}  // namespace nadir::registration
