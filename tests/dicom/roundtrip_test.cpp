// Phantom -> DICOM -> Scan/LoadSeries gives back the generator's voxels and geometry, and the
// ground truth points at real images and lesions.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dicom/load.h"
#include "dicom/phantom.h"
#include "tests/dicom/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::dicom {
namespace {

class PhantomRoundTrip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::ScratchDir("phantom");
    options_.seed = 7;
    options_.subjects = 1;
    written_ = WritePhantomTrial(dir_->path(), options_);
  }
  static void TearDownTestSuite() { delete dir_; }
  static test::ScratchDir* dir_;
  static PhantomOptions options_;
  static PhantomWritten written_;
};
test::ScratchDir* PhantomRoundTrip::dir_ = nullptr;
PhantomOptions PhantomRoundTrip::options_;
PhantomWritten PhantomRoundTrip::written_;

// What the loader must return: the generator's HU, with padding replaced by kPaddingHu.
Volume Expected(const PhantomTrial& t, int subject, int tp) {
  Volume v = RenderPhantom(t, subject, tp);
  for (auto& h : v.hu)
    if (h == -2000) h = kPaddingHu;
  return v;
}

TEST_F(PhantomRoundTrip, EveryTimepointLoadsToTheGeneratorsVoxelsAndGeometry) {
  const PhantomTrial t = PlanPhantomTrial(options_);
  const Catalog cat = Scan(dir_->path() / "dicom");
  ASSERT_EQ(cat.patients.size(), 1u);
  ASSERT_EQ(cat.patients[0].studies.size(), 3u);
  EXPECT_TRUE(cat.skipped.empty());
  for (int tp = 0; tp < 3; ++tp) {
    const StudyInfo& st = cat.patients[0].studies[tp];
    EXPECT_EQ(st.study_uid, t.subjects[0].timepoints[tp].study_uid);
    ASSERT_EQ(st.series.size(), 1u);
    const LoadedSeries l = LoadSeries(st.series[0]);
    const Volume e = Expected(t, 0, tp);
    EXPECT_TRUE(test::SameVolume(e, l.volume, 1e-9)) << "timepoint " << tp;
    EXPECT_EQ(l.volume.sop_uids, e.sop_uids);
    // Only the padding outside the reconstruction circle is worth a note.
    ASSERT_EQ(l.warnings.size(), 1u) << Describe(l.warnings[0]);
    EXPECT_EQ(Code(l.warnings[0]), "padding_replaced");
  }
}

TEST_F(PhantomRoundTrip, ProgressReportsGeometryFirstThenEverySliceMiddleFirst) {
  const Catalog cat = Scan(dir_->path() / "dicom");
  const SeriesInfo& s = cat.patients[0].studies[0].series[0];
  // Records the order of calls; the voxels still go into a Volume.
  struct Recording : VolumeSink {
    using VolumeSink::VolumeSink;
    std::vector<int> order;
    bool geometry_first = false;
    int nk = 0;
    void Begin(const Volume& g) override {
      geometry_first = order.empty() && g.size[2] == nk && g.hu.empty();
      VolumeSink::Begin(g);
    }
    void SliceDone(int k, int done, int) override {
      order.push_back(k);
      EXPECT_EQ(done, int(order.size()));
      EXPECT_EQ(volume().hu.size(), 512u * 512u * std::size_t(nk));
    }
  };
  LoadOptions o;
  const int nk = s.SliceCount();
  Volume loaded;
  Recording sink(loaded);
  sink.nk = nk;
  o.threads = 1;
  LoadSeriesInto(s, sink, o);
  const bool geometry_first = sink.geometry_first;
  std::vector<int>& order = sink.order;
  EXPECT_TRUE(geometry_first);
  ASSERT_EQ(nk, 48);
  ASSERT_EQ(order.size(), size_t(nk));
  EXPECT_EQ(order.front(), nk / 2);
  std::sort(order.begin(), order.end());
  for (int k = 0; k < nk; ++k) EXPECT_EQ(order[k], k);
}

TEST_F(PhantomRoundTrip, SameSeedWritesTheSameTrial) {
  test::ScratchDir again("phantom_again");
  WritePhantomTrial(again.path(), options_);
  auto read = [](const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
  };
  EXPECT_EQ(read(again / "truth/PH-001.json"), read(written_.assessment_files[0]));
  const auto rel = std::filesystem::relative(written_.series_dirs[1], dir_->path()) / "IM0030.dcm";
  EXPECT_EQ(read(again.path() / rel), read(dir_->path() / rel));
}

TEST_F(PhantomRoundTrip, TruthFollowsAssessmentFormatAndPointsLieOnTheirImageInTheLesion) {
  const PhantomTrial t = PlanPhantomTrial(options_);
  std::ifstream f(written_.assessment_files.at(0));
  const auto doc = nlohmann::json::parse(f);
  EXPECT_EQ(doc["format"], "nadir-assessment/1");
  EXPECT_EQ(doc["subject"], "PH-001");
  ASSERT_EQ(doc["timepoints"].size(), 3u);
  for (int tp = 0; tp < 3; ++tp) {
    const auto& tj = doc["timepoints"][tp];
    EXPECT_EQ(tj["date"], t.subjects[0].timepoints[tp].date);
    const Volume v = Expected(t, 0, tp);
    for (const auto& l : tj["lesions"]) {
      ASSERT_TRUE(l.contains("id") && l.contains("kind") && l.contains("state"));
      if (l["state"] != "measured") continue;
      const auto& p = l["points"];
      // The image named by sop_uid is the slice the end points lie on.
      const auto it =
          std::find(v.sop_uids.begin(), v.sop_uids.end(), p["sop_uid"].get<std::string>());
      ASSERT_NE(it, v.sop_uids.end());
      const int k = int(it - v.sop_uids.begin());
      const auto a = p["long"][0].get<std::array<double, 3>>(),
                 b = p["long"][1].get<std::array<double, 3>>();
      EXPECT_NEAR(a[2], v.origin[2] + k * v.spacing[2], 1e-6);
      EXPECT_NEAR(std::hypot(a[0] - b[0], a[1] - b[1]), l["long_axis_mm"].get<double>(), 1e-3);
      const auto c = p["short"][0].get<std::array<double, 3>>(),
                 d = p["short"][1].get<std::array<double, 3>>();
      EXPECT_NEAR(std::hypot(c[0] - d[0], c[1] - d[1]), l["short_axis_mm"].get<double>(), 1e-3);
      // The centre voxel of the lesion has the lesion's attenuation (noise sigma 8 HU).
      const double mid_i = ((a[0] + b[0]) / 2 - v.origin[0]) / v.spacing[0];
      const double mid_j = ((a[1] + b[1]) / 2 - v.origin[1]) / v.spacing[1];
      const int hu = v.At(int(std::lround(mid_i)), int(std::lround(mid_j)), k);
      const auto& lesion = t.subjects[0].timepoints[tp].lesions;
      const auto ls = std::find_if(lesion.begin(), lesion.end(),
                                   [&](const PhantomLesion& x) { return x.id == l["id"]; });
      ASSERT_NE(ls, lesion.end());
      EXPECT_NEAR(hu, ls->hu, 40) << l["id"];
    }
  }
}

}  // namespace
}  // namespace nadir::dicom

namespace nadir::dicom {
namespace {

// `nadir phantom --slices N`: longer series for the viewer's memory benchmarks (issue 18); the
// spacing stays, the field of view stays centred on the table axis and every lesion inside it.
TEST(PhantomPlan, SlicesSetsTheSeriesLengthKeepingTheSpacingAndTheLesionsInside) {
  PhantomOptions options;
  options.full_size = true;
  options.slices = 500;
  const PhantomTrial t = PlanPhantomTrial(options);
  EXPECT_EQ(t.size, (std::array<int, 3>{512, 512, 500}));
  EXPECT_DOUBLE_EQ(t.spacing[2], 1.0);
  EXPECT_NEAR(t.origin[2], -249.5, 0.051);
  const double z_end = t.origin[2] + (t.size[2] - 1) * t.spacing[2];
  for (const auto& subject : t.subjects)
    for (const auto& tp : subject.timepoints)
      for (const auto& lesion : tp.lesions) {
        EXPECT_GT(lesion.centre[2], t.origin[2]) << lesion.id;
        EXPECT_LT(lesion.centre[2], z_end) << lesion.id;
      }
  options.slices = 0;  // the default for the size
  EXPECT_EQ(PlanPhantomTrial(options).size[2], 400);
}

}  // namespace
}  // namespace nadir::dicom
