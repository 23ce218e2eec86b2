// Geometry checks on made-up slice positions (no files): spacing, gaps, duplicates, tilt.
#include <gtest/gtest.h>

#include <cmath>

#include "dicom/error.h"
#include "dicom/load.h"

namespace nadir::dicom {
namespace {

SeriesInfo Stack(const std::vector<double>& z, double tilt_y_per_mm = 0) {
  SeriesInfo s;
  s.series_uid = "1.2.3";
  s.rows = 4;
  s.columns = 5;
  s.pixel_spacing = {0.8, 0.8};
  for (size_t n = 0; n < z.size(); ++n) {
    SliceRef r;
    r.file = "IM" + std::to_string(n);
    r.sop_uid = "1.2.3." + std::to_string(n);
    r.position = {-10, -20 + tilt_y_per_mm * z[n], z[n]};
    s.slices.push_back(r);
  }
  return s;
}

TEST(PlanVolume, RegularStackHasNoWarningsAndSliceSpacingFromPositions) {
  const LoadedSeries p = PlanVolume(Stack({0, 2.5, 5, 7.5}));
  EXPECT_TRUE(p.warnings.empty());
  EXPECT_EQ(p.volume.size, (std::array<int, 3>{5, 4, 4}));
  EXPECT_DOUBLE_EQ(p.volume.spacing[2], 2.5);
  EXPECT_EQ(p.volume.origin, (std::array<double, 3>{-10, -20, 0}));
  EXPECT_EQ(p.volume.sop_uids[3], "1.2.3.3");
}

TEST(PlanVolume, MissingSliceInsertsOneBlankAndKeepsMillimetres) {
  const LoadedSeries p = PlanVolume(Stack({0, 2.5, 5, 10, 12.5}));
  ASSERT_EQ(CountOf<MissingSlices>(p.warnings), 1);
  const auto& m = std::get<MissingSlices>(p.warnings[0]);
  EXPECT_EQ(m.after_slice, 2);
  EXPECT_EQ(m.missing, 1);
  EXPECT_DOUBLE_EQ(m.gap_mm, 5.0);
  EXPECT_EQ(p.volume.size[2], 6);
  EXPECT_EQ(p.volume.sop_uids[3], "");
  // Slice 4 of the volume is the file at z = 10 mm.
  EXPECT_NEAR(p.volume.ToPatient(0, 0, 4)[2], 10.0, 1e-9);
  EXPECT_EQ(p.volume.sop_uids[4], "1.2.3.3");
}

TEST(PlanVolume, HoleLargerThanTheStackIsAnErrorNotHundredsOfBlankSlices) {
  try {
    PlanVolume(Stack({0, 2.5, 5, 505}));
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.file(), "IM3");
    EXPECT_NE(e.problem().find("not one stack"), std::string::npos);
  }
}

TEST(PlanVolume, DuplicatePositionKeepsFirstAndWarns) {
  const LoadedSeries p = PlanVolume(Stack({0, 2.5, 2.5, 5}));
  ASSERT_EQ(CountOf<DuplicatePosition>(p.warnings), 1);
  EXPECT_EQ(std::get<DuplicatePosition>(p.warnings[0]).kept_file, "IM1");
  EXPECT_EQ(std::get<DuplicatePosition>(p.warnings[0]).dropped_file, "IM2");
  EXPECT_EQ(p.volume.size[2], 3);
}

TEST(PlanVolume, NonUniformSpacingWarnsWithMinAndMax) {
  const LoadedSeries p = PlanVolume(Stack({0, 2.5, 5, 7.0, 9.5, 12}));
  ASSERT_EQ(CountOf<NonUniformSpacing>(p.warnings), 1);
  const auto& w = std::get<NonUniformSpacing>(p.warnings[0]);
  EXPECT_DOUBLE_EQ(w.nominal_mm, 2.5);
  EXPECT_NEAR(w.min_mm, 2.0, 1e-9);
  EXPECT_NEAR(w.max_mm, 2.5, 1e-9);
}

TEST(PlanVolume, RoundingInDecimalStringsIsNotNonUniform) {
  const LoadedSeries p = PlanVolume(Stack({0, 0.625, 1.25, 1.875, 2.5001, 3.125}));
  EXPECT_TRUE(p.warnings.empty());
}

TEST(PlanVolume, GantryTiltFollowsRealPositionsAndReportsTheAngle) {
  // Each slice 1 mm higher shifts 0.2 mm posterior: atan(0.2) = 11.31 degrees.
  const LoadedSeries p = PlanVolume(Stack({0, 1, 2, 3, 4}, 0.2));
  ASSERT_EQ(CountOf<GantryTilt>(p.warnings), 1);
  EXPECT_NEAR(std::get<GantryTilt>(p.warnings[0]).angle_deg, std::atan(0.2) * 180 / M_PI, 1e-6);
  // The k axis is the real stacking direction, so slice 4 maps to its own position.
  const auto last = p.volume.ToPatient(0, 0, 4);
  EXPECT_NEAR(last[1], -20 + 0.8, 1e-9);
  EXPECT_NEAR(last[2], 4.0, 1e-9);
}

TEST(PlanVolume, SlicesOffTheLineAreAnErrorNamingFileAndTag) {
  SeriesInfo s = Stack({0, 2.5, 5, 7.5});
  s.slices[2].position[0] += 30;  // another stack's slice, side by side
  try {
    PlanVolume(s);
    FAIL() << "expected DicomError";
  } catch (const DicomError& e) {
    EXPECT_EQ(e.file(), "IM2");
    EXPECT_EQ(e.tag(), "(0020,0032) ImagePositionPatient");
  }
}

TEST(PlanVolume, NonSquarePixelsAreReported) {
  SeriesInfo s = Stack({0, 1});
  s.pixel_spacing = {0.5, 0.7};
  const LoadedSeries p = PlanVolume(s);
  ASSERT_EQ(CountOf<NonSquarePixels>(p.warnings), 1);
  // i steps across columns: column spacing is PixelSpacing[1].
  EXPECT_DOUBLE_EQ(p.volume.spacing[0], 0.7);
  EXPECT_DOUBLE_EQ(p.volume.spacing[1], 0.5);
}

TEST(PlanVolume, EmptySeriesIsAnError) {
  SeriesInfo s;
  EXPECT_THROW(PlanVolume(s), DicomError);
}

}  // namespace
}  // namespace nadir::dicom
