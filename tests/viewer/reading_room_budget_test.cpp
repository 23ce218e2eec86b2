// The reading room within a memory budget: series read one after another are unloaded, least
// recently viewed first, never the one on screen, and load again when shown. Needs a GL context
// (hidden window): skipped without a DISPLAY.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "viewer/app/reading_room.h"
#include "viewer/core/synthetic.h"
#include "viewer/gl/context.h"

namespace nadir::viewer {
namespace {

constexpr std::array<int, 3> kSize{64, 64, 20};
// A series of kSize holds 64 x 64 x 20 x 2 bytes on the CPU and as much in its texture.
constexpr std::uint64_t kSeriesBytes = 64 * 64 * 20 * 2 * 2;

struct Study {
  std::vector<std::unique_ptr<SeriesSlot>> series;
  std::shared_ptr<std::vector<std::atomic<int>>> loads;  // loads started, per series
};

Study MakeStudy(int n, const Volume& volume) {
  Study out;
  out.loads = std::make_shared<std::vector<std::atomic<int>>>(n);
  for (int i = 0; i < n; ++i) {
    SeriesSummary summary;
    summary.patient_id = "P1";
    summary.study_date = "2026-01-05";
    summary.series_number = i + 1;
    summary.series_description = "series " + std::to_string(i + 1);
    summary.rows = kSize[1], summary.columns = kSize[0], summary.slices = kSize[2];
    out.series.push_back(
        std::make_unique<SeriesSlot>(summary, [i, loads = out.loads, &volume](LoadSink& sink) {
          ++(*loads)[i];
          Volume header = volume;
          header.hu.clear();
          sink.Begin(header);
          const std::size_t slice = std::size_t(kSize[0]) * kSize[1];
          for (int k = 0; k < kSize[2]; ++k)
            sink.CopySlice(k, &volume.hu[k * slice], k + 1, kSize[2]);
        }));
  }
  return out;
}

void Show(ReadingRoom& room, int series) {
  room.Open(series, 0, Orientation::kAxial);
  room.FinishLoading();
  ASSERT_EQ(room.series()[series]->state(), SeriesSlot::State::kReady);
  ASSERT_EQ(room.state().viewports[0].series, series);
}

TEST(ReadingRoomBudget, SeriesReadInTurnAreUnloadedOldestFirstAndReloadWhenShown) {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
  GlfwContext context(64, 64, "reading room budget test", false);
  const Volume volume = MakeSyntheticChest(SyntheticSpecFor(kSize, false));
  Study study = MakeStudy(4, volume);
  const auto loads = study.loads;
  ReadingRoom room(std::move(study.series), Layout::k1x1, WindowLevel{});
  // Room for two series and a half: the third one read pushes the first out.
  room.SetMemoryBudget(kSeriesBytes * 5 / 2);
  const auto& series = room.series();

  Show(room, 0);
  Show(room, 1);
  EXPECT_EQ(room.ResidentBytes(), 2 * kSeriesBytes);
  Show(room, 2);
  EXPECT_EQ(series[0]->Unloads(), 1);
  EXPECT_EQ(series[0]->state(), SeriesSlot::State::kListed);
  EXPECT_EQ(series[0]->ResidentBytes(), 0u);
  EXPECT_FALSE(series[0]->HasGeometry());
  EXPECT_EQ(series[1]->state(), SeriesSlot::State::kReady);
  EXPECT_LE(room.ResidentBytes(), room.memory_budget().budget());

  Show(room, 3);  // now series 1 is the least recently viewed
  EXPECT_EQ(series[1]->Unloads(), 1);
  EXPECT_EQ(series[2]->Unloads(), 0);
  EXPECT_LE(room.ResidentBytes(), room.memory_budget().budget());

  // Back to the first series: it loads again from its source, with the same voxels, and the
  // least recently viewed (series 2) makes room.
  Show(room, 0);
  EXPECT_EQ((*loads)[0], 2);
  EXPECT_EQ(series[0]->SlicesUploaded(), kSize[2]);
  for (int k = 0; k < kSize[2]; k += 3)
    EXPECT_EQ(series[0]->HuAt(32, 30, k), volume.At(32, 30, k)) << "slice " << k;
  EXPECT_EQ(series[2]->Unloads(), 1);
  EXPECT_EQ(series[3]->state(), SeriesSlot::State::kReady);
  EXPECT_LE(room.ResidentBytes(), room.memory_budget().budget());
}

TEST(ReadingRoomBudget, ASeriesOnScreenStaysLoadedWhenItAloneExceedsTheBudget) {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
  GlfwContext context(64, 64, "reading room budget test", false);
  const Volume volume = MakeSyntheticChest(SyntheticSpecFor(kSize, false));
  Study study = MakeStudy(3, volume);
  ReadingRoom room(std::move(study.series), Layout::k1x2, WindowLevel{});
  room.SetMemoryBudget(kSeriesBytes / 2);  // not even one series fits
  room.Open(0, 0, Orientation::kAxial);
  room.Open(1, 1, Orientation::kAxial);
  room.FinishLoading();
  for (int frame = 0; frame < 5; ++frame) room.Pump();
  const auto& series = room.series();
  EXPECT_EQ(series[0]->state(), SeriesSlot::State::kReady);
  EXPECT_EQ(series[1]->state(), SeriesSlot::State::kReady);
  EXPECT_EQ(series[0]->Unloads() + series[1]->Unloads(), 0);
  // The next series replaces the one in the second viewport; the one it replaced goes.
  room.Open(2, 1, Orientation::kAxial);
  room.FinishLoading();
  EXPECT_EQ(series[0]->state(), SeriesSlot::State::kReady);
  EXPECT_EQ(series[1]->Unloads(), 1);
  EXPECT_EQ(series[2]->state(), SeriesSlot::State::kReady);
  EXPECT_EQ(room.state().viewports[1].series, 2);
}

TEST(ReadingRoomBudget, ASeriesLeftWhileLoadingIsCancelledAndUnloaded) {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
  GlfwContext context(64, 64, "reading room budget test", false);
  const Volume volume = MakeSyntheticChest(SyntheticSpecFor(kSize, false));
  Study study = MakeStudy(1, volume);
  // A slow series the first time: a slice every 100 ms, stopping when cancelled (as the DICOM
  // loader does).
  auto slow_slices = std::make_shared<std::atomic<int>>(0);
  auto slow_loads = std::make_shared<std::atomic<int>>(0);
  SeriesSummary slow;
  slow.series_description = "slow";
  const LoadFunction load_slowly = [&volume, slow_slices, slow_loads](LoadSink& sink) {
    const bool first = ++*slow_loads == 1;
    Volume header = volume;
    header.hu.clear();
    sink.Begin(header);
    const std::size_t slice = std::size_t(kSize[0]) * kSize[1];
    for (int k = 0; k < kSize[2]; ++k) {
      if (sink.Cancelled()) throw std::runtime_error("loading cancelled");
      if (first) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      sink.CopySlice(k, &volume.hu[k * slice], k + 1, kSize[2]);
      ++*slow_slices;
    }
  };
  study.series.insert(study.series.begin(), std::make_unique<SeriesSlot>(slow, load_slowly));
  ReadingRoom room(std::move(study.series), Layout::k1x1, WindowLevel{});
  room.SetMemoryBudget(kSeriesBytes * 3 / 2);
  const auto& series = room.series();
  room.Open(0, 0, Orientation::kAxial);
  while (!series[0]->HasGeometry()) room.Pump();
  // The reader moves on before the slow series has arrived; frames go on as in the viewer
  // (FinishLoading would wait for the slow series, still on screen until the next is placed).
  room.Open(1, 0, Orientation::kAxial);
  for (int frame = 0; frame < 2000 && series[1]->state() != SeriesSlot::State::kReady; ++frame) {
    room.Pump();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  room.Pump();
  EXPECT_EQ(room.state().viewports[0].series, 1);
  EXPECT_EQ(series[1]->state(), SeriesSlot::State::kReady);
  EXPECT_EQ(series[0]->Unloads(), 1);
  EXPECT_EQ(series[0]->state(), SeriesSlot::State::kListed);
  EXPECT_EQ(series[0]->ResidentBytes(), 0u);
  EXPECT_LT(slow_slices->load(), kSize[2]);  // its loader stopped
  // Shown again, it loads in full.
  room.Open(0, 0, Orientation::kAxial);
  room.FinishLoading();
  EXPECT_EQ(series[0]->state(), SeriesSlot::State::kReady);
  EXPECT_EQ(series[0]->SlicesUploaded(), kSize[2]);
  EXPECT_EQ(slow_loads->load(), 2);
}

TEST(ReadingRoomBudget, NoBudgetKeepsEverySeries) {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
  GlfwContext context(64, 64, "reading room budget test", false);
  const Volume volume = MakeSyntheticChest(SyntheticSpecFor(kSize, false));
  Study study = MakeStudy(3, volume);
  ReadingRoom room(std::move(study.series), Layout::k1x1, WindowLevel{});
  room.SetMemoryBudget(0);
  for (int s = 0; s < 3; ++s) Show(room, s);
  EXPECT_EQ(room.ResidentBytes(), 3 * kSeriesBytes);
  for (const auto& slot : room.series()) EXPECT_EQ(slot->Unloads(), 0);
}

}  // namespace
}  // namespace nadir::viewer
