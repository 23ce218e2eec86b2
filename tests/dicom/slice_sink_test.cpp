// The loader writes each slice once, into the buffer the caller's sink gives for it: no
// whole-volume buffer of its own, no second copy, every slice handed out and finished once.
#include "dicom/slice_sink.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

#include "dicom/error.h"
#include "dicom/load.h"
#include "dicom/write_ct.h"
#include "tests/dicom/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;

// Keeps a buffer per slice (as the viewer does) and records every call.
class PerSliceSink : public SliceSink {
 public:
  void Begin(const Volume& g) override {
    ++begun;
    began_empty = g.hu.empty() && buffers.empty();
    geometry = g;
    slice_voxels = std::size_t(g.size[0]) * g.size[1];
  }
  std::span<std::int16_t> SliceBuffer(int k) override {
    EXPECT_EQ(begun, 1) << "SliceBuffer before Begin";
    ++asked[k];
    auto& b = buffers[k];
    b = std::make_unique<std::int16_t[]>(slice_voxels + extra);
    return {b.get(), slice_voxels - short_by};
  }
  void SliceDone(int k, int, int) override {
    EXPECT_EQ(asked[k], 1) << "slice " << k << " done before its buffer was asked for";
    ++finished[k];
    order.push_back(k);
  }
  bool Cancelled() const override { return cancel_after >= 0 && int(order.size()) >= cancel_after; }

  int begun = 0;
  bool began_empty = false;
  Volume geometry;
  std::size_t slice_voxels = 0, extra = 0, short_by = 0;
  int cancel_after = -1;
  std::map<int, int> asked, finished;
  std::map<int, std::unique_ptr<std::int16_t[]>> buffers;
  std::vector<int> order;
};

class SliceSinkTest : public ::testing::Test {
 protected:
  // A 12-slice series with slice k = 5 missing (a blank slice is inserted there).
  void SetUp() override {
    written_ = test::MakeTestVolume();
    WriteCtSeries(written_, {}, dir_.path());
    fs::remove(dir_ / "IM0006.dcm");
    catalog_ = Scan(dir_.path());
    ASSERT_EQ(catalog_.AllSeries().size(), 1u);
  }
  const SeriesInfo& Series() const { return *catalog_.AllSeries()[0]; }

  test::ScratchDir dir_{"slice_sink"};
  Volume written_;
  Catalog catalog_;
};

TEST_F(SliceSinkTest, EverySliceIsHandedOutAndFinishedOnceWithTheVoxelsOfAWholeLoad) {
  for (int threads : {1, 3}) {
    PerSliceSink sink;
    LoadOptions o;
    o.threads = threads;
    const std::vector<Warning> warnings = LoadSeriesInto(Series(), sink, o);
    const LoadedSeries whole = LoadSeries(Series(), o);
    EXPECT_EQ(sink.begun, 1);
    EXPECT_TRUE(sink.began_empty);
    const int nk = whole.volume.size[2];
    ASSERT_EQ(nk, written_.size[2]);
    EXPECT_EQ(sink.geometry.size, whole.volume.size);
    EXPECT_EQ(sink.geometry.sop_uids, whole.volume.sop_uids);
    ASSERT_EQ(int(sink.order.size()), nk);
    EXPECT_EQ(sink.order.front(), 5);  // the blank slice is ready before any decode
    for (int k = 0; k < nk; ++k) {
      EXPECT_EQ(sink.asked[k], 1) << "slice " << k;
      EXPECT_EQ(sink.finished[k], 1) << "slice " << k;
      const std::size_t n = sink.slice_voxels;
      for (std::size_t i = 0; i < n; ++i)
        ASSERT_EQ(sink.buffers[k][i], whole.volume.hu[k * n + i])
            << "slice " << k << " voxel " << i;
    }
    ASSERT_EQ(warnings.size(), whole.warnings.size());
    for (std::size_t w = 0; w < warnings.size(); ++w)
      EXPECT_EQ(Describe(warnings[w]), Describe(whole.warnings[w]));
    EXPECT_EQ(CountOf<MissingSlices>(warnings), 1);
  }
}

TEST_F(SliceSinkTest, ASinkThatCancelsStopsTheLoad) {
  PerSliceSink sink;
  sink.cancel_after = 3;
  LoadOptions o;
  o.threads = 1;
  try {
    LoadSeriesInto(Series(), sink, o);
    FAIL() << "a cancelled load returned";
  } catch (const DicomError& e) {
    EXPECT_NE(std::string(e.what()).find("loading cancelled"), std::string::npos) << e.what();
  }
  EXPECT_EQ(sink.order.size(), 3u);
}

TEST_F(SliceSinkTest, AShortBufferIsRefusedBeforeAnythingIsWrittenPastIt) {
  PerSliceSink sink;
  sink.short_by = 1;
  try {
    LoadSeriesInto(Series(), sink);
    FAIL() << "a short buffer was accepted";
  } catch (const std::length_error& e) {
    EXPECT_NE(std::string(e.what()).find("values for slice"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(sink.order.empty());
}

}  // namespace
}  // namespace nadir::dicom
