// Series arriving one by one from a PACS retrieve: each joins the list without disturbing what
// the reader has on screen (series, loaded slices, slice scrolled to); the follow-up study takes
// the follow-up viewport when it comes; a viewport the reader chose is left alone. Needs a GL
// context (hidden window): skipped without a DISPLAY.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "viewer/annotate/session.h"
#include "viewer/app/annotate_view.h"
#include "viewer/app/reading_room.h"
#include "viewer/core/synthetic.h"
#include "viewer/gl/context.h"

namespace nadir::viewer {
namespace {

constexpr std::array<int, 3> kSize{48, 48, 16};

// One series of the synthetic chest, dated `date`, counting the loads it starts in `loads`.
std::unique_ptr<SeriesSlot> Series(const Volume& volume, const std::string& uid,
                                   const std::string& date, std::atomic<int>& loads,
                                   const std::string& patient = "P1") {
  SeriesSummary summary;
  summary.patient_id = patient;
  summary.study_date = date;
  summary.series_number = 1;
  summary.series_uid = uid;
  summary.series_description = uid;
  summary.rows = kSize[1], summary.columns = kSize[0], summary.slices = kSize[2];
  return std::make_unique<SeriesSlot>(summary, [&volume, &loads](LoadSink& sink) {
    ++loads;
    Volume header = volume;
    header.hu.clear();
    sink.Begin(header);
    const std::size_t slice = std::size_t(kSize[0]) * kSize[1];
    for (int k = 0; k < kSize[2]; ++k) sink.CopySlice(k, &volume.hu[k * slice], k + 1, kSize[2]);
  });
}

std::vector<std::unique_ptr<SeriesSlot>> One(std::unique_ptr<SeriesSlot> s) {
  std::vector<std::unique_ptr<SeriesSlot>> v;
  v.push_back(std::move(s));
  return v;
}

class ReadingRoomArrivals : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
    context_ = std::make_unique<GlfwContext>(64, 64, "reading room arrivals test", false);
    volume_ = MakeSyntheticChest(SyntheticSpecFor(kSize, false));
  }
  std::unique_ptr<GlfwContext> context_;
  Volume volume_;
  std::atomic<int> baseline_loads{0}, follow_up_loads{0}, other_loads{0};
};

TEST_F(ReadingRoomArrivals, TheFollowUpJoinsWithoutDisturbingTheBaselineBeingRead) {
  // The follow-up's series arrives first, alone: it stands in both viewports.
  ReadingRoom room({}, Layout::k1x2, WindowLevel{});
  room.SetSeries(One(Series(volume_, "2.25.20", "2026-03-02", follow_up_loads)));
  room.PlaceDefaults(Orientation::kAxial);
  room.FinishLoading();
  // Then the baseline: sorted first, it takes the baseline viewport.
  EXPECT_EQ(room.AddSeries(One(Series(volume_, "2.25.10", "2026-01-05", baseline_loads))), 1);
  room.RefreshDefaults(Orientation::kAxial);
  room.FinishLoading();
  ASSERT_EQ(room.series().size(), 2u);
  EXPECT_EQ(room.series()[0]->summary().series_uid, "2.25.10");
  EXPECT_EQ(room.state().viewports[0].series, 0);
  EXPECT_EQ(room.state().viewports[1].series, 1);  // the follow-up, renumbered, stayed
  EXPECT_EQ(follow_up_loads, 1);                   // and was not loaded again

  // The reader scrolls the baseline; another series of the baseline study and the same
  // follow-up series again (served from the cache) arrive.
  ViewportState& base = room.state().viewports[0];
  GoToSlice(base.plane, base.view, 5);
  const double slice_at = base.view.position_mm;
  std::vector<std::unique_ptr<SeriesSlot>> more;
  more.push_back(Series(volume_, "2.25.11", "2026-01-05", other_loads));
  more.push_back(Series(volume_, "2.25.20", "2026-03-02", follow_up_loads));
  EXPECT_EQ(room.AddSeries(std::move(more)), 1);  // the duplicate is dropped
  room.RefreshDefaults(Orientation::kAxial);
  room.FinishLoading();
  ASSERT_EQ(room.series().size(), 3u);
  EXPECT_EQ(room.series()[room.state().viewports[0].series]->summary().series_uid, "2.25.10");
  EXPECT_EQ(room.state().viewports[0].view.position_mm, slice_at);  // the reader's place kept
  EXPECT_EQ(room.series()[room.state().viewports[1].series]->summary().series_uid, "2.25.20");
  EXPECT_EQ(baseline_loads, 1);
  EXPECT_EQ(follow_up_loads, 1);
  EXPECT_EQ(other_loads, 0);  // listed, not loaded: no viewport shows it
}

TEST_F(ReadingRoomArrivals, AViewportTheReaderChoseIsLeftAlone) {
  ReadingRoom room({}, Layout::k1x2, WindowLevel{});
  std::vector<std::unique_ptr<SeriesSlot>> first;
  first.push_back(Series(volume_, "2.25.10", "2026-01-05", baseline_loads));
  first.push_back(Series(volume_, "2.25.11", "2026-01-05", other_loads));
  room.SetSeries(std::move(first));
  room.PlaceDefaults(Orientation::kAxial);
  // The reader puts the baseline's second series in the right viewport.
  room.Open(1, 1, Orientation::kCoronal);
  room.FinishLoading();
  // The follow-up arrives: its default viewport is the right one, which the reader chose.
  EXPECT_EQ(room.AddSeries(One(Series(volume_, "2.25.20", "2026-03-02", follow_up_loads))), 1);
  room.RefreshDefaults(Orientation::kAxial);
  room.FinishLoading();
  EXPECT_EQ(room.series()[room.state().viewports[1].series]->summary().series_uid, "2.25.11");
  EXPECT_EQ(room.state().viewports[1].plane.orientation, Orientation::kCoronal);
  EXPECT_EQ(follow_up_loads, 0);
}

// A new assessment's baseline is the patient's earliest study, whatever arrived first; these
// need no GL (the series are never loaded).
TEST(NewAssessmentBaseline, IsThePatientsEarliestStudyWhateverArrivedFirst) {
  const Volume none;
  std::atomic<int> loads{0};
  std::vector<std::unique_ptr<SeriesSlot>> series;
  series.push_back(Series(none, "2.25.20", "2026-03-02", loads));  // the follow-up arrived first
  EXPECT_EQ(BaselineSeries(series, "P1")->summary().series_uid, "2.25.20");
  series.push_back(Series(none, "2.25.10", "2026-01-05", loads));
  series.push_back(Series(none, "2.25.5", "2025-12-01", loads, "P2"));  // earlier, not P1's
  EXPECT_EQ(BaselineSeries(series, "P1")->summary().series_uid, "2.25.10");
  EXPECT_EQ(BaselineSeries(series, "P9"), nullptr);
  EXPECT_EQ(loads, 0);
}

TEST(NewAssessmentBaseline, MovesOnlyWhileNothingIsRecorded) {
  annotate::AnnotationSession session;
  session.New("P1", Date{100}, "Follow-up");
  EXPECT_TRUE(UntouchedNewAssessment(session));
  // A second timepoint (the reader clicked in the other study) makes it a reading in progress.
  session.AddTimepoint(Date{40}, "Baseline", "");
  EXPECT_FALSE(UntouchedNewAssessment(session));
  session.New("P1", Date{100}, "Follow-up");
  EXPECT_TRUE(UntouchedNewAssessment(session));
}

}  // namespace
}  // namespace nadir::viewer
