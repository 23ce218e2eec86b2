// The outline drawn around a one-click lesion (viewer/app/auto_measure.h): the edges between
// its voxels and the rest, on each slice, at the voxel boundaries in patient mm.
#include <gtest/gtest.h>

#include <algorithm>

#include "viewer/app/auto_measure.h"

namespace nadir::viewer {
namespace {

TEST(AutoContour, TwoVoxelsSideBySideHaveSixEdgesAtTheirBoundaries) {
  VolumeGeometry box;
  box.size = {10, 10, 4};
  box.spacing = {0.5, 0.5, 2.0};
  box.origin = {100, 200, -50};
  analysis::LesionMask mask;
  mask.begin = {3, 4, 1};
  mask.size = {2, 1, 1};
  mask.voxels = {1, 1};
  const auto edges = MaskOutline(mask, box);
  ASSERT_EQ(edges.size(), 6u);  // the shared edge between the two voxels is not outline
  double xmin = 1e9, xmax = -1e9;
  for (const auto& e : edges)
    for (const auto& p : e) {
      xmin = std::min(xmin, p[0]), xmax = std::max(xmax, p[0]);
      EXPECT_DOUBLE_EQ(p[2], -50 + 1 * 2.0);  // on the mask's slice
    }
  EXPECT_DOUBLE_EQ(xmin, 100 + (3 - 0.5) * 0.5);  // the first voxel's left boundary
  EXPECT_DOUBLE_EQ(xmax, 100 + (4 + 0.5) * 0.5);  // the second voxel's right boundary
}

TEST(AutoContour, ReformatsGetTheOutlineAcrossTheirOwnAxis) {
  VolumeGeometry box;
  box.size = {10, 10, 4};
  box.spacing = {0.5, 0.5, 2.0};
  analysis::LesionMask mask;
  mask.begin = {3, 4, 1};
  mask.size = {2, 1, 1};
  mask.voxels = {1, 1};
  // Coronal (slices across j): the two voxels lie side by side in one slice, as on the axial.
  const auto coronal = MaskOutline(mask, box, 1);
  ASSERT_EQ(coronal.size(), 6u);
  for (const auto& e : coronal)
    for (const auto& p : e) EXPECT_DOUBLE_EQ(p[1], 4 * 0.5);  // on the voxels' coronal plane
  // Sagittal (slices across i): each voxel is alone in its slice, a square of four edges whose
  // top and bottom are half a slice (1 mm) from its centre.
  const auto sagittal = MaskOutline(mask, box, 0);
  ASSERT_EQ(sagittal.size(), 8u);
  double zmin = 1e9, zmax = -1e9;
  for (const auto& e : sagittal)
    for (const auto& p : e) zmin = std::min(zmin, p[2]), zmax = std::max(zmax, p[2]);
  EXPECT_DOUBLE_EQ(zmin, (1 - 0.5) * 2.0);
  EXPECT_DOUBLE_EQ(zmax, (1 + 0.5) * 2.0);
}

TEST(AutoContour, AHoleHasAnInnerOutline) {
  VolumeGeometry box;
  box.size = {3, 3, 1};
  analysis::LesionMask mask;
  mask.size = {3, 3, 1};
  mask.voxels = {1, 1, 1, 1, 0, 1, 1, 1, 1};
  EXPECT_EQ(MaskOutline(mask, box).size(), 12u + 4u);  // 12 outer, 4 around the hole
}

}  // namespace
}  // namespace nadir::viewer
