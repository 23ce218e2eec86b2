// Header oddities made with dcmodify on otherwise good series: orientation jitter, rescale
// beyond int16, and a repeated acquisition inside one series.
#include <gtest/gtest.h>

#include "dicom/load.h"
#include "dicom/write_ct.h"
#include "tests/dicom/test_util.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/skip.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;

class HeaderQuirks : public ::testing::Test {
 protected:
  void SetUp() override { NADIR_SKIP_IF_MISSING(test::MissingTool("dcmodify", NADIR_DCMODIFY)); }
  static void Modify(const std::string& args, const fs::path& file) {
    ASSERT_EQ(test::Run(std::string(NADIR_DCMODIFY) + " -nb " + args + " " + file.string()), 0);
  }
};

TEST_F(HeaderQuirks, OrientationJitterBelowTheSplitThresholdIsOneStackWithAWarning) {
  test::ScratchDir dir("jitter");
  WriteCtSeries(test::MakeTestVolume(), {}, dir.path());
  // 0.0005 in a direction cosine: about 0.03 degrees.
  Modify("-m \"(0020,0037)=0.99999987\\\\0.0005\\\\0\\\\-0.0005\\\\0.99999987\\\\0\"",
         dir / "IM0004.dcm");
  const Catalog c = Scan(dir.path());
  ASSERT_EQ(c.AllSeries().size(), 1u);
  const LoadedSeries l = LoadSeries(*c.AllSeries()[0]);
  ASSERT_EQ(CountOf<OrientationJitter>(l.warnings), 1);
  const auto& j = std::get<OrientationJitter>(l.warnings[0]);
  EXPECT_NEAR(j.max_deg, 0.0286, 0.001);
}

TEST_F(HeaderQuirks, OrientationBeyondTheThresholdSplitsTheSeries) {
  test::ScratchDir dir("tilted_one");
  WriteCtSeries(test::MakeTestVolume(), {}, dir.path());
  Modify("-m \"(0020,0037)=0.9998\\\\0.02\\\\0\\\\-0.02\\\\0.9998\\\\0\"", dir / "IM0004.dcm");
  const Catalog c = Scan(dir.path());
  ASSERT_EQ(c.AllSeries().size(), 2u);
  EXPECT_EQ(c.AllSeries()[1]->stack_reason, "orientation differs");
}

TEST_F(HeaderQuirks, RescaleBeyondInt16IsClampedAndCounted) {
  test::ScratchDir dir("clamp");
  Volume v = test::MakeTestVolume(64, 64, 2);
  WriteCtSeries(v, {}, dir.path());
  Modify("-m \"(0028,1053)=20\"", dir / "IM0001.dcm");  // stored up to 4095: HU up to 80876
  const LoadedSeries l = LoadPath(dir.path());
  ASSERT_EQ(CountOf<HuClamped>(l.warnings), 1);
  const auto& h = std::get<HuClamped>(l.warnings.back());
  long long expected = 0;
  double max_hu = 0;
  for (int n = 0; n < 64 * 64; ++n) {
    const double hu = (v.hu[n] + 1024) * 20.0 - 1024;
    if (hu > 32767) ++expected, max_hu = std::max(max_hu, hu);
  }
  EXPECT_EQ(h.voxels, expected);
  EXPECT_DOUBLE_EQ(h.max_hu, max_hu);
  EXPECT_EQ(*std::max_element(l.volume.hu.begin(), l.volume.hu.begin() + 64 * 64), 32767);
}

TEST_F(HeaderQuirks, RepeatedAcquisitionAtTheSamePositionsIsItsOwnStack) {
  test::ScratchDir dir("repeat");
  const Volume first = test::MakeTestVolume(32, 24, 5);
  Volume second = first;
  for (auto& h : second.hu) h = std::int16_t(h / 2);
  CtSeriesHeader h;
  h.study_uid = "1.2.826.0.1.3680043.9.90";
  h.series_uid = "1.2.826.0.1.3680043.9.91";
  WriteCtSeries(first, h, dir.path(), {}, "A");
  WriteCtSeries(second, h, dir.path(), {}, "B");
  for (int k = 1; k <= 5; ++k)
    Modify("-m \"(0020,0012)=2\"", dir / ("B000" + std::to_string(k) + ".dcm"));
  const Catalog c = Scan(dir.path());
  ASSERT_EQ(c.AllSeries().size(), 2u);
  EXPECT_EQ(c.AllSeries()[0]->stack, 1);
  EXPECT_EQ(c.AllSeries()[1]->stack, 2);
  EXPECT_TRUE(test::SameVolume(first, LoadSeries(*c.AllSeries()[0]).volume));
  EXPECT_TRUE(test::SameVolume(second, LoadSeries(*c.AllSeries()[1]).volume));
}

}  // namespace
}  // namespace nadir::dicom
