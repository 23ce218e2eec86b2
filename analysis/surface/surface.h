// The lesion's surface from its mask, and the volume and area it encloses (VTK stays in
// surface.cpp; callers see nadir types only). The surface is a triangle mesh in patient LPS mm:
// the mask's boundary (discrete flying edges at the mask's half level, between lesion and
// background voxel centres), then smoothed with a windowed-sinc filter, which removes the
// voxel staircase without shrinking the shape (Taubin, Zhang, Golub 1996).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/lesion_measure.h"
#include "geometry/volume_geometry.h"

namespace nadir::analysis {

struct SurfaceOptions {
  // Windowed-sinc smoothing (vtkWindowedSincPolyDataFilter): iterations (0: the raw voxel
  // staircase, cut at edge midpoints) and pass band (0-2; lower smooths more).
  int smoothing_iterations = 20;
  double pass_band = 0.1;
};

/// A closed triangle mesh in patient LPS mm (each triangle three indices into `points`).
struct SurfaceMesh {
  std::vector<std::array<float, 3>> points;
  std::vector<std::array<std::uint32_t, 3>> triangles;
};

struct LesionSurface {
  bool ok = false;
  std::string reason;    // why there is no surface when !ok (an empty or malformed mask)
  double volume_ml = 0;  // enclosed by the surface (divergence theorem, vtkMassProperties)
  double area_cm2 = 0;
  SurfaceMesh mesh;
};

/// The surface of `mask`, whose box lies in the volume of `geometry` (index -> patient mm).
/// The mask is padded by one background voxel on each side, so that a lesion touching its
/// box still gives a closed surface. Never throws for bad input: `ok` is false and `reason`
/// names the field.
LesionSurface BuildLesionSurface(const LesionMask& mask, const VolumeGeometry& geometry,
                                 const SurfaceOptions& options = {});

/// The number of lesion voxels of `mask` times the voxel volume (mL): the volume by counting.
double VoxelCountVolumeMl(const LesionMask& mask, const VolumeGeometry& geometry);

}  // namespace nadir::analysis
