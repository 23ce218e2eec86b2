// Loading never blocks the reading room: the middle slice is on the GPU and drawable while the
// worker is still decoding the rest. Needs a GL context (hidden window): skipped without a
// DISPLAY.
#include "viewer/app/series_slot.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>

#include "tests/support/skip.h"
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
    sink.Geometry(volume);
    const std::size_t n = std::size_t(volume.size[0]) * volume.size[1];
    sink.Slice(10, &volume.hu[10 * n], 1, 20);
    {
      std::unique_lock lock(gate.m);
      gate.middle_sent = true;
      gate.cv.notify_all();
      gate.cv.wait(lock, [&] { return gate.open; });
    }
    for (int k = 0; k < 20; ++k)
      if (k != 10) sink.Slice(k, &volume.hu[k * n], 0, 20);
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

}  // namespace
}  // namespace nadir::viewer
