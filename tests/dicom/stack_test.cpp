// Series on disk that are out of order, mixed, gapped or tilted: each loads to what it is.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "dicom/load.h"
#include "dicom/write_ct.h"
#include "tests/dicom/test_util.h"
#include "tests/support/scratch_dir.h"

namespace nadir::dicom {
namespace {

namespace fs = std::filesystem;

const SeriesInfo& Only(const Catalog& c) {
  const auto all = c.AllSeries();
  EXPECT_EQ(all.size(), 1u);
  return *all.at(0);
}

TEST(StackOnDisk, ShuffledFileNamesAndReversedInstanceNumbersSortByPosition) {
  test::ScratchDir dir("shuffled");
  Volume v = test::MakeTestVolume();
  CtSlicePlacement place;
  for (int k = 0; k < v.size[2]; ++k) place.instance_numbers.push_back(100 - k);
  v.sop_uids = WriteCtSeries(v, {}, dir / "tmp", place);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir / "tmp")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::mt19937 rng(3);
  std::shuffle(files.begin(), files.end(), rng);
  fs::create_directories(dir / "s");
  for (size_t n = 0; n < files.size(); ++n) {
    std::string name = "x";
    name += std::to_string(n);
    fs::rename(files[n], dir / "s" / name);
  }
  const Catalog c = Scan(dir / "s");
  const LoadedSeries l = LoadSeries(Only(c));
  EXPECT_TRUE(test::SameVolume(v, l.volume));
  EXPECT_EQ(l.volume.sop_uids, v.sop_uids);
  EXPECT_TRUE(l.warnings.empty());
}

TEST(StackOnDisk, TwoSeriesInOneFolderStaySeparate) {
  test::ScratchDir dir("mixed");
  Volume a = test::MakeTestVolume(48, 40, 12), b = test::MakeTestVolume(32, 32, 7);
  for (auto& h : b.hu) h = std::int16_t(h / 2);
  CtSeriesHeader ha, hb;
  ha.series_uid = "1.2.826.0.1.3680043.9.1";
  hb.series_uid = "1.2.826.0.1.3680043.9.2";
  ha.study_uid = hb.study_uid = "1.2.826.0.1.3680043.9.10";
  ha.series_number = 3;
  hb.series_number = 4;
  WriteCtSeries(a, ha, dir.path(), {}, "A");
  WriteCtSeries(b, hb, dir.path(), {}, "B");
  const Catalog c = Scan(dir.path());
  const auto all = c.AllSeries();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]->series_uid, ha.series_uid);
  EXPECT_EQ(all[1]->series_uid, hb.series_uid);
  EXPECT_TRUE(test::SameVolume(a, LoadSeries(*all[0]).volume));
  EXPECT_TRUE(test::SameVolume(b, LoadSeries(*all[1]).volume));
}

TEST(StackOnDisk, OneSeriesUidWithTwoOrientationsIsTwoStacks) {
  test::ScratchDir dir("two_stacks");
  Volume axial = test::MakeTestVolume(48, 40, 6), coronal = test::MakeTestVolume(48, 40, 5);
  coronal.direction = {1, 0, 0, 0, 0, -1, 0, 1, 0};  // rows run feet-ward, slices posterior
  CtSeriesHeader h;
  h.series_uid = "1.2.826.0.1.3680043.9.3";
  h.study_uid = "1.2.826.0.1.3680043.9.30";
  WriteCtSeries(axial, h, dir.path(), {}, "AX");
  WriteCtSeries(coronal, h, dir.path(), {}, "CO");
  const Catalog c = Scan(dir.path());
  const auto all = c.AllSeries();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]->SliceCount() + all[1]->SliceCount(), 11);
  EXPECT_TRUE(all[0]->stack_reason == "orientation differs" ||
              all[1]->stack_reason == "orientation differs")
      << "'" << all[0]->stack_reason << "' '" << all[1]->stack_reason << "'";
  const SeriesInfo& co = all[0]->SliceCount() == 5 ? *all[0] : *all[1];
  EXPECT_TRUE(test::SameVolume(coronal, LoadSeries(co).volume));
}

TEST(StackOnDisk, MissingFileBecomesBlankSliceWithWarning) {
  test::ScratchDir dir("missing");
  const Volume v = test::MakeTestVolume();
  WriteCtSeries(v, {}, dir.path());
  fs::remove(dir / "IM0006.dcm");  // k = 5
  struct Reporting : VolumeSink {
    using VolumeSink::VolumeSink;
    std::vector<int> reported;
    void SliceDone(int k, int, int) override { reported.push_back(k); }
  };
  LoadedSeries l;
  Reporting sink(l.volume);
  l.warnings = LoadSeriesInto(Only(Scan(dir.path())), sink);
  const std::vector<int>& reported = sink.reported;
  ASSERT_EQ(CountOf<MissingSlices>(l.warnings), 1);
  EXPECT_EQ(std::get<MissingSlices>(l.warnings[0]).after_slice, 4);
  // Every slice, the blank one included (first), is reported once.
  ASSERT_EQ(reported.size(), size_t(v.size[2]));
  EXPECT_EQ(reported.front(), 5);
  std::vector<int> sorted = reported;
  std::sort(sorted.begin(), sorted.end());
  for (int k = 0; k < v.size[2]; ++k) EXPECT_EQ(sorted[k], k);
  ASSERT_EQ(l.volume.size[2], v.size[2]);
  Volume expected = v;
  const size_t n = size_t(v.size[0]) * v.size[1];
  std::fill_n(expected.hu.begin() + 5 * n, n, std::int16_t(kPaddingHu));
  EXPECT_TRUE(test::SameVolume(expected, l.volume));
  EXPECT_EQ(l.volume.sop_uids[5], "");
}

TEST(StackOnDisk, TiltedSeriesKeepsPositionsAndReportsTilt) {
  test::ScratchDir dir("tilt");
  const Volume v = test::MakeTestVolume();
  CtSlicePlacement place;
  const double tilt = 12.0 * M_PI / 180;  // 12 degree gantry tilt
  for (int k = 0; k < v.size[2]; ++k)
    place.positions.push_back(
        {v.origin[0], v.origin[1] + k * 2.5 * std::tan(tilt), v.origin[2] + k * 2.5});
  CtSeriesHeader h;
  h.gantry_tilt_deg = 12;
  WriteCtSeries(v, h, dir.path(), place);
  const LoadedSeries l = LoadSeries(Only(Scan(dir.path())));
  ASSERT_EQ(CountOf<GantryTilt>(l.warnings), 1);
  const auto& g = std::get<GantryTilt>(l.warnings[0]);
  EXPECT_NEAR(g.angle_deg, 12.0, 1e-3);
  EXPECT_DOUBLE_EQ(g.gantry_tilt_tag_deg, 12.0);
  EXPECT_EQ(l.volume.hu, v.hu);
  // Voxel (0, 0, 11) sits where slice 11's ImagePositionPatient says.
  const auto p = l.volume.ToPatient(0, 0, 11);
  EXPECT_NEAR(p[1], place.positions[11][1], 1e-4);
  EXPECT_NEAR(p[2], place.positions[11][2], 1e-4);
}

TEST(StackOnDisk, UnsignedPixelsWithSlopeTwoRescaleToHu) {
  test::ScratchDir dir("slope");
  Volume v = test::MakeTestVolume();
  for (auto& h : v.hu) h = std::int16_t(h & ~1);  // even HU: representable with slope 2
  CtSeriesHeader h;
  h.pixel_signed = false;
  h.rescale_slope = 2;
  h.rescale_intercept = -1024;
  WriteCtSeries(v, h, dir.path());
  const LoadedSeries l = LoadSeries(Only(Scan(dir.path())));
  EXPECT_TRUE(test::SameVolume(v, l.volume));
}

TEST(StackOnDisk, SingleFileLoadsAsOneSlice) {
  test::ScratchDir dir("single");
  const Volume v = test::MakeTestVolume(16, 8, 3);
  WriteCtSeries(v, {}, dir.path());
  const LoadedSeries l = LoadPath(dir / "IM0002.dcm");
  ASSERT_EQ(l.volume.size[2], 1);
  EXPECT_TRUE(std::equal(l.volume.hu.begin(), l.volume.hu.end(), v.hu.begin() + 16 * 8));
}

}  // namespace
}  // namespace nadir::dicom
