// Reslicing geometry: patient mm from the DICOM geometry, never pixels times one spacing.
#include "viewer/core/geometry.h"

#include <gtest/gtest.h>

#include <cmath>

#include "viewer/core/reslice.h"
#include "viewer/core/synthetic.h"

namespace nadir::viewer {
namespace {

VolumeGeometry Anisotropic() {
  VolumeGeometry g;
  g.size = {100, 80, 40};
  g.spacing = {0.7, 0.8, 2.5};
  g.origin = {-30, -20, 100};
  return g;
}

TEST(VolumeGeometry, ToIndexInvertsToPatientWithObliqueDirection) {
  VolumeGeometry g = Anisotropic();
  const double c = std::cos(0.3), s = std::sin(0.3);
  g.direction = {c, s, 0, -s, c, 0, 0, 0, -1};  // rotated in-plane, slices feet-first
  const Vec3 ijk{12.5, 40.25, 7};
  const Vec3 back = g.ToIndex(g.ToPatient(ijk));
  for (int a = 0; a < 3; ++a) EXPECT_NEAR(back[a], ijk[a], 1e-9);
}

TEST(VolumeGeometry, TextureMatrixMapsVoxelCentresToTexelCentres) {
  const VolumeGeometry g = Anisotropic();
  const auto t = PatientToTexture(g);
  const Vec3 p = g.ToPatient({0, 79, 39});
  const double tex[3] = {t[0] * p[0] + t[1] * p[1] + t[2] * p[2] + t[3],
                         t[4] * p[0] + t[5] * p[1] + t[6] * p[2] + t[7],
                         t[8] * p[0] + t[9] * p[1] + t[10] * p[2] + t[11]};
  EXPECT_NEAR(tex[0], 0.5 / 100, 1e-6);
  EXPECT_NEAR(tex[1], 79.5 / 80, 1e-6);
  EXPECT_NEAR(tex[2], 39.5 / 40, 1e-6);
}

TEST(OrientationLabel, FollowsLpsLetters) {
  EXPECT_EQ(OrientationLabel({1, 0, 0}), "L");
  EXPECT_EQ(OrientationLabel({-1, 0, 0}), "R");
  EXPECT_EQ(OrientationLabel({0, -1, 0}), "A");
  EXPECT_EQ(OrientationLabel({0, 1, 0}), "P");
  EXPECT_EQ(OrientationLabel({0, 0, 1}), "S");
  EXPECT_EQ(OrientationLabel({0, 0, -1}), "I");
  EXPECT_EQ(OrientationLabel({0.8, -0.6, 0}), "LA");
}

TEST(SlicePlane, AxialIsSeenFromTheFeetWithPatientRightOnScreenLeft) {
  const auto labels = EdgeLabelsOf(MakePlane(Anisotropic(), Orientation::kAxial));
  EXPECT_EQ(labels.left, "R");
  EXPECT_EQ(labels.right, "L");
  EXPECT_EQ(labels.top, "A");
  EXPECT_EQ(labels.bottom, "P");
}

TEST(SlicePlane, CoronalAndSagittalHaveHeadUp) {
  const auto cor = EdgeLabelsOf(MakePlane(Anisotropic(), Orientation::kCoronal));
  EXPECT_EQ(cor.left + cor.right + cor.top + cor.bottom, "RLSI");
  const auto sag = EdgeLabelsOf(MakePlane(Anisotropic(), Orientation::kSagittal));
  EXPECT_EQ(sag.left + sag.right + sag.top + sag.bottom, "APSI");
}

TEST(SlicePlane, ReformatsStepByTheSpacingOfTheAxisAlongTheNormal) {
  const VolumeGeometry g = Anisotropic();
  const SlicePlane axial = MakePlane(g, Orientation::kAxial);
  EXPECT_EQ(axial.slice_axis, 2);
  EXPECT_EQ(axial.slice_count, 40);
  EXPECT_DOUBLE_EQ(axial.slice_step_mm, 2.5);
  const SlicePlane coronal = MakePlane(g, Orientation::kCoronal);
  EXPECT_EQ(coronal.slice_axis, 1);
  EXPECT_DOUBLE_EQ(coronal.slice_step_mm, 0.8);
  // In-plane extents are mm: 100 x 0.7 wide, 40 x 2.5 tall (anisotropic aspect kept).
  EXPECT_NEAR(coronal.max_u - coronal.min_u, 70.0, 1e-9);
  EXPECT_NEAR(coronal.max_v - coronal.min_v, 100.0, 1e-9);
}

TEST(SlicePlane, SlicePositionsAreVoxelCentresInPatientMm) {
  const VolumeGeometry g = Anisotropic();
  const SlicePlane axial = MakePlane(g, Orientation::kAxial);
  EXPECT_NEAR(axial.PositionOfSlice(0), 100.0, 1e-9);  // z of origin
  EXPECT_NEAR(axial.PositionOfSlice(39), 100.0 + 39 * 2.5, 1e-9);
  EXPECT_EQ(axial.SliceOfPosition(100.0 + 10 * 2.5 + 1.0), 10);
  EXPECT_EQ(axial.SliceOfPosition(-1000), 0);
}

TEST(SlicePlane, ReversedSliceOrderGivesTheSamePatientPositions) {
  VolumeGeometry g = Anisotropic();
  g.direction = {1, 0, 0, 0, 1, 0, 0, 0, -1};  // k runs towards the feet
  g.origin[2] = 100 + 39 * 2.5;
  const SlicePlane axial = MakePlane(g, Orientation::kAxial);
  EXPECT_EQ(axial.slice_sign, -1);
  EXPECT_NEAR(axial.PositionOfSlice(0), 100 + 39 * 2.5, 1e-9);
  EXPECT_NEAR(axial.PositionOfSlice(39), 100, 1e-9);
}

TEST(SyntheticChest, VoxelsSampleTheDefinedStructures) {
  const Volume v = MakeSyntheticChest();
  const VolumeGeometry g = VolumeGeometry(v);
  const Vec3 ijk = g.ToIndex({SyntheticChest::kLesionCenter[0], SyntheticChest::kLesionCenter[1],
                              SyntheticChest::kLesionCenter[2]});
  EXPECT_EQ(v.At(int(std::lround(ijk[0])), int(std::lround(ijk[1])), int(std::lround(ijk[2]))),
            SyntheticChest::kLesionHu);
  EXPECT_EQ(v.At(0, 0, 0), SyntheticChest::kAirHu);
}

}  // namespace
}  // namespace nadir::viewer
