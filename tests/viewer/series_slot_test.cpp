// Loading never blocks the reading room: the middle slice is on the GPU and drawable while the
// worker is still decoding the rest. Needs a GL context (hidden window): skipped without a
// DISPLAY.
#include "viewer/app/series_slot.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

#include "dicom/write_ct.h"
#include "tests/support/skip.h"
#include "viewer/app/dicom_source.h"
#include "viewer/app/series_warnings.h"
#include "viewer/core/synthetic.h"
#include "viewer/gl/context.h"

namespace nadir::viewer {
namespace {

// Lets the test hold the worker between the middle slice and the rest.
struct Gate {
  std::mutex m;
  std::condition_variable cv;
  bool middle_sent = false, open = false;
};

TEST(SeriesSlot, MiddleSliceIsUploadedWhileTheRestIsStillLoading) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  GlfwContext context(64, 64, "series slot test", false);
  const Volume volume = MakeSyntheticChest(SyntheticSpecFor({64, 64, 20}, false));
  Gate gate;
  SeriesSummary summary;
  summary.series_description = "gated";
  SeriesSlot slot(summary, [&](LoadSink& sink) {
    Volume header = volume;
    header.hu.clear();
    sink.Begin(header);
    const std::size_t n = std::size_t(volume.size[0]) * volume.size[1];
    sink.CopySlice(10, &volume.hu[10 * n], 1, 20);
    {
      std::unique_lock lock(gate.m);
      gate.middle_sent = true;
      gate.cv.notify_all();
      gate.cv.wait(lock, [&] { return gate.open; });
    }
    for (int k = 0; k < 20; ++k)
      if (k != 10) sink.CopySlice(k, &volume.hu[k * n], 0, 20);
  });
  slot.StartLoading();
  {
    std::unique_lock lock(gate.m);
    gate.cv.wait(lock, [&] { return gate.middle_sent; });
  }
  slot.Pump();  // returns although the worker is blocked
  EXPECT_EQ(slot.state(), SeriesSlot::State::kLoading);
  ASSERT_TRUE(slot.HasGeometry());
  EXPECT_TRUE(slot.SliceLoaded(10));
  EXPECT_FALSE(slot.SliceLoaded(0));
  EXPECT_EQ(slot.SlicesUploaded(), 1);
  EXPECT_EQ(slot.HuAt(32, 32, 10), volume.At(32, 32, 10));
  EXPECT_FALSE(slot.HuAt(32, 32, 0));  // not arrived yet
  {
    std::lock_guard lock(gate.m);
    gate.open = true;
  }
  gate.cv.notify_all();
  slot.Finish();
  EXPECT_EQ(slot.state(), SeriesSlot::State::kReady);
  EXPECT_EQ(slot.SlicesUploaded(), 20);
  for (int k = 0; k < 20; ++k)
    for (int j = 0; j < 64; j += 7)
      for (int i = 0; i < 64; i += 5) ASSERT_EQ(slot.HuAt(i, j, k), volume.At(i, j, k));
}

TEST(SeriesSlot, AFailedLoadKeepsItsMessage) {
  NADIR_SKIP_IF_MISSING(test::MissingDisplay());
  GlfwContext context(64, 64, "series slot test", false);
  SeriesSlot slot({}, [](LoadSink&) {
    throw std::runtime_error("IM0001.dcm: pixel data missing [(7FE0,0010) PixelData]");
  });
  slot.Finish();
  EXPECT_EQ(slot.state(), SeriesSlot::State::kFailed);
  EXPECT_NE(slot.error().find("IM0001.dcm"), std::string::npos);
}

TEST(SeriesSlot, UnloadingFreesTheSlicesAndTextureAndAFailedSeriesKeepsItsMessage) {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
  GlfwContext context(64, 64, "series slot test", false);
  const Volume volume = MakeSyntheticChest(SyntheticSpecFor({64, 64, 8}, false));
  const std::size_t n = std::size_t(volume.size[0]) * volume.size[1];
  // Four slices arrive, then the fifth file is unreadable.
  SeriesSlot slot({}, [&](LoadSink& sink) {
    Volume header = volume;
    header.hu.clear();
    sink.Begin(header);
    for (int k = 0; k < 4; ++k) sink.CopySlice(k, &volume.hu[k * n], k + 1, 8);
    throw std::runtime_error("IM0005.dcm: truncated pixel data");
  });
  slot.Finish();
  ASSERT_EQ(slot.state(), SeriesSlot::State::kFailed);
  // 4 slices on the CPU and the whole texture.
  EXPECT_EQ(slot.ResidentBytes(), 4 * n * 2 + 8 * n * 2);
  EXPECT_EQ(slot.LoadedBytes(), 8 * n * 2 * 2);
  slot.Unload();
  EXPECT_EQ(slot.ResidentBytes(), 0u);
  EXPECT_FALSE(slot.HasGeometry());
  EXPECT_FALSE(slot.HuAt(32, 32, 0));
  EXPECT_EQ(slot.state(), SeriesSlot::State::kFailed);
  EXPECT_NE(slot.error().find("IM0005.dcm"), std::string::npos);
  EXPECT_EQ(slot.Unloads(), 1);
}

TEST(SeriesSlot, TheLoadersWarningsReachTheSlot) {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
  GlfwContext context(64, 64, "series slot test", false);
  // A CT series on disk with its sixth file gone: the loader inserts a blank slice there and
  // says so; the slot must carry that to the reading room.
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("nadir_slot_warnings_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const Volume volume = MakeSyntheticChest(SyntheticSpecFor({64, 64, 12}, false));
  dicom::WriteCtSeries(volume, {}, dir);
  fs::remove(dir / "IM0006.dcm");
  ScannedFolder folder = ScanFolder(dir.string());
  ASSERT_EQ(folder.series.size(), 1u) << folder.message;
  SeriesSlot& slot = *folder.series[0];
  EXPECT_TRUE(slot.warnings().empty());  // nothing before the load
  // As the reading room pumps it: a frame's budget spent after one slice, so the end of the
  // load is seen while slices are still waiting for the GPU.
  slot.StartLoading();
  for (int frame = 0; slot.state() == SeriesSlot::State::kLoading && frame < 100000; ++frame)
    if (!slot.Pump(std::chrono::microseconds(0))) std::this_thread::yield();
  fs::remove_all(dir);
  ASSERT_EQ(slot.state(), SeriesSlot::State::kReady) << slot.error();
  EXPECT_EQ(slot.SlicesUploaded(), 12);
  ASSERT_EQ(slot.warnings().size(), 1u);
  const auto& missing = std::get<dicom::MissingSlices>(slot.warnings()[0]);
  EXPECT_EQ(missing.after_slice, 4);
  EXPECT_EQ(missing.missing, 1);
  EXPECT_EQ(slot.HuAt(32, 32, 5), -1000);  // the blank slice is air
  EXPECT_EQ(slot.HuAt(32, 32, 6), volume.At(32, 32, 6));
  EXPECT_EQ(BadgeFor(slot.warnings()).text, "1 warning");
  ASSERT_EQ(WarningLines(slot.warnings()).size(), 1u);
  EXPECT_EQ(
      WarningLines(slot.warnings())[0].rfind("missing slices: 1 slice(s) missing after slice 4", 0),
      0u)
      << WarningLines(slot.warnings())[0];
}

TEST(SeriesSlot, WarningsSurviveAFrameWhoseBudgetEndsBeforeTheLastSlice) {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) GTEST_SKIP() << "no DISPLAY: GL tests run under xvfb-run";
  GlfwContext context(64, 64, "series slot test", false);
  const Volume volume = MakeSyntheticChest(SyntheticSpecFor({64, 64, 20}, false));
  Gate gate;
  SeriesSlot slot({}, [&](LoadSink& sink) {
    Volume header = volume;
    header.hu.clear();
    sink.Begin(header);
    const std::size_t n = std::size_t(volume.size[0]) * volume.size[1];
    for (int k = 0; k < 20; ++k) sink.CopySlice(k, &volume.hu[k * n], k + 1, 20);
    sink.Warnings({dicom::NonUniformSpacing{2.5, 2.4, 2.7}});
    std::lock_guard lock(gate.m);
    gate.middle_sent = true;  // here: everything sent
    gate.cv.notify_all();
  });
  slot.StartLoading();
  {
    std::unique_lock lock(gate.m);
    gate.cv.wait(lock, [&] { return gate.middle_sent; });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the worker returns and is done
  // The first frame sees the end of the load with 19 slices still waiting for the GPU.
  slot.Pump(std::chrono::microseconds(0));
  EXPECT_EQ(slot.state(), SeriesSlot::State::kLoading);
  EXPECT_LT(slot.SlicesUploaded(), 20);
  while (slot.state() == SeriesSlot::State::kLoading) slot.Pump(std::chrono::microseconds(0));
  EXPECT_EQ(slot.SlicesUploaded(), 20);
  ASSERT_EQ(slot.warnings().size(), 1u);
  EXPECT_TRUE(std::holds_alternative<dicom::NonUniformSpacing>(slot.warnings()[0]));
}

}  // namespace
}  // namespace nadir::viewer
